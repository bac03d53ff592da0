--liquibase formatted sql

-- Who may write assessment data, per table and per command (issue 10, finding 2): only a trust
-- editor or approver, only their own trust, never in a read-only scope (a viewer's, a closed
-- trust's). ICS leaders and admins read. Status changes only through the workflow functions
-- below, which check the role and the state machine; the application role can neither insert,
-- change nor delete a status transition, nor change a status, nor delete an assessment or answer.
-- Scope functions are called as (select tenancy.f()): evaluated once per statement, not per row.

--changeset dsc:036-role splitStatements:false
create function tenancy.role() returns text
  language sql stable
  as $$ select nullif(current_setting('app.role', true), '') $$;

-- True in a scope that may write its own trust's assessment data.
create function tenancy.may_edit_assessments() returns boolean
  language sql stable
  as $$ select coalesce(tenancy.level() = 'TRUST' and tenancy.role() in ('TRUST_EDITOR', 'TRUST_APPROVER')
                        and not tenancy.read_only(), false) $$;

--changeset dsc:036-assessment-policies
drop policy assessment_read on assessment;
drop policy assessment_insert on assessment;
drop policy assessment_update on assessment;
drop policy assessment_delete on assessment;
create policy assessment_read on assessment for select using (
  (ics_id = any ((select tenancy.ics_ids())::bigint[])
   and ((select tenancy.trust_id()) is null or trust_id = any ((select tenancy.trust_ids())::bigint[])))
  or ((select tenancy.level()) in ('ICS', 'REGION') and tenancy.published_to_scope(trust_id, id)));
-- A new assessment starts as a draft, never reopened.
create policy assessment_insert on assessment for insert with check (
  ics_id = any ((select tenancy.ics_ids())::bigint[]) and trust_id = (select tenancy.trust_id())
  and (select tenancy.may_edit_assessments())
  and status = 'DRAFT' and reopened_until is null and reopen_reason is null);
create policy assessment_update on assessment for update
  using (ics_id = any ((select tenancy.ics_ids())::bigint[]) and trust_id = (select tenancy.trust_id())
         and (select tenancy.may_edit_assessments()))
  with check (ics_id = any ((select tenancy.ics_ids())::bigint[]) and trust_id = (select tenancy.trust_id())
              and (select tenancy.may_edit_assessments()));

--changeset dsc:036-answer-policies
drop policy answer_read on answer;
drop policy answer_insert on answer;
drop policy answer_update on answer;
drop policy answer_delete on answer;
create policy answer_read on answer for select using (
  (ics_id = any ((select tenancy.ics_ids())::bigint[])
   and ((select tenancy.trust_id()) is null or trust_id = any ((select tenancy.trust_ids())::bigint[])))
  or ((select tenancy.level()) in ('ICS', 'REGION') and tenancy.published_to_scope(trust_id, assessment_id)));
create policy answer_insert on answer for insert with check (
  ics_id = any ((select tenancy.ics_ids())::bigint[]) and trust_id = (select tenancy.trust_id())
  and (select tenancy.may_edit_assessments()));
create policy answer_update on answer for update
  using (ics_id = any ((select tenancy.ics_ids())::bigint[]) and trust_id = (select tenancy.trust_id())
         and (select tenancy.may_edit_assessments()))
  with check (ics_id = any ((select tenancy.ics_ids())::bigint[]) and trust_id = (select tenancy.trust_id())
              and (select tenancy.may_edit_assessments()));

--changeset dsc:036-improvement-action-policies
drop policy improvement_action_read on improvement_action;
drop policy improvement_action_insert on improvement_action;
drop policy improvement_action_update on improvement_action;
drop policy improvement_action_delete on improvement_action;
create policy improvement_action_read on improvement_action for select using (
  (ics_id = any ((select tenancy.ics_ids())::bigint[])
   and ((select tenancy.trust_id()) is null or trust_id = any ((select tenancy.trust_ids())::bigint[])))
  or ((select tenancy.level()) in ('ICS', 'REGION') and tenancy.published_to_scope(trust_id, assessment_id)));
create policy improvement_action_insert on improvement_action for insert with check (
  ics_id = any ((select tenancy.ics_ids())::bigint[]) and trust_id = (select tenancy.trust_id())
  and (select tenancy.may_edit_assessments()));
create policy improvement_action_update on improvement_action for update
  using (ics_id = any ((select tenancy.ics_ids())::bigint[]) and trust_id = (select tenancy.trust_id())
         and (select tenancy.may_edit_assessments()))
  with check (ics_id = any ((select tenancy.ics_ids())::bigint[]) and trust_id = (select tenancy.trust_id())
              and (select tenancy.may_edit_assessments()));

--changeset dsc:036-assessment-transition-policies
drop policy assessment_transition_read on assessment_transition;
drop policy assessment_transition_insert on assessment_transition;
drop policy assessment_transition_update on assessment_transition;
drop policy assessment_transition_delete on assessment_transition;
create policy assessment_transition_read on assessment_transition for select using (
  (ics_id = any ((select tenancy.ics_ids())::bigint[])
   and ((select tenancy.trust_id()) is null or trust_id = any ((select tenancy.trust_ids())::bigint[])))
  or ((select tenancy.level()) in ('ICS', 'REGION') and tenancy.published_to_scope(trust_id, assessment_id)));

--changeset dsc:036-privileges
revoke insert, update, delete on assessment_transition from ${app_role};
revoke delete on assessment, answer, improvement_action from ${app_role};
revoke update on assessment from ${app_role};
grant update (updated_at, version) on assessment to ${app_role};

-- Who changed answers in which assessment, written by the database itself: the four-eyes rule
-- rests on it, so nothing the application role does (or leaves out) can hide an edit.
--changeset dsc:036-assessment-editor splitStatements:false
create table assessment_editor (
  assessment_id bigint not null,
  user_id       bigint not null,
  primary key (assessment_id, user_id)
);
alter table assessment_editor enable row level security;

create function tenancy.record_assessment_editor() returns trigger
  language plpgsql security definer set search_path = pg_catalog, public, pg_temp
  as $$
  begin
    if tenancy.user_id() is not null
       and (new.score, new.evidence, new.evidence_links) is distinct from (old.score, old.evidence, old.evidence_links) then
      insert into assessment_editor (assessment_id, user_id) values (new.assessment_id, tenancy.user_id())
        on conflict do nothing;
    end if;
    return null;
  end $$;
revoke execute on function tenancy.record_assessment_editor() from public;
create trigger answer_editor_recorded after update on answer
  for each row execute function tenancy.record_assessment_editor();

-- True when the current user changed an answer of the assessment.
create function tenancy.changed_answers_in(p_assessment_id bigint) returns boolean
  language sql stable security definer set search_path = pg_catalog, public, pg_temp
  as $$ select exists (select 1 from assessment_editor
                        where assessment_id = p_assessment_id and user_id = tenancy.user_id()) $$;
revoke execute on function tenancy.changed_answers_in(bigint) from public;
grant execute on function tenancy.changed_answers_in(bigint) to ${app_role};

-- The trust's workflow: submit (editor or approver, every statement scored), approve (an approver
-- who changed no answer in it), return (an approver, with a reason). Returns the new version, or
-- NULL when the assessment is not at the expected version and status (someone else moved it).
--changeset dsc:036-move-assessment splitStatements:false
create function tenancy.move_assessment(p_assessment_id bigint, p_to text, p_expected_version integer,
                                        p_reason text default null)
  returns integer
  language plpgsql volatile security definer set search_path = pg_catalog, public, pg_temp
  as $$
  declare
    a       assessment;
    v_from  text[];
    v_roles text[];
  begin
    case p_to
      when 'SUBMITTED' then v_from := array['DRAFT', 'RETURNED']; v_roles := array['TRUST_EDITOR', 'TRUST_APPROVER'];
      when 'APPROVED' then v_from := array['SUBMITTED']; v_roles := array['TRUST_APPROVER'];
      when 'RETURNED' then v_from := array['SUBMITTED']; v_roles := array['TRUST_APPROVER'];
      else raise exception 'no move to status %', p_to using errcode = '22023';
    end case;
    select * into a from assessment
     where id = p_assessment_id and trust_id = tenancy.trust_id() and ics_id = any (tenancy.ics_ids())
       for update;
    if not found or not tenancy.may_edit_assessments() or tenancy.role() <> all (v_roles) then
      raise exception 'this scope may not move assessment % to %', p_assessment_id, p_to using errcode = '42501';
    end if;
    if a.version <> p_expected_version or a.status <> all (v_from) then
      return null;
    end if;
    if p_to = 'SUBMITTED' and exists (select 1 from answer n where n.assessment_id = a.id and n.trust_id = a.trust_id
                                                             and n.score is null) then
      raise exception 'every statement must be scored before submitting' using errcode = '23514';
    end if;
    if p_to = 'APPROVED' and tenancy.changed_answers_in(a.id) then
      raise exception 'whoever changed answers cannot approve the assessment' using errcode = '42501';
    end if;
    if p_to = 'RETURNED' and coalesce(btrim(p_reason), '') = '' then
      raise exception 'a returned assessment needs a reason' using errcode = '23514';
    end if;
    update assessment set status = p_to, updated_at = now(), version = version + 1
     where id = a.id and ics_id = a.ics_id;
    insert into assessment_transition (ics_id, trust_id, assessment_id, from_status, to_status, reason, user_id, user_name)
    select a.ics_id, a.trust_id, a.id, a.status, p_to, p_reason, u.id, u.display_name
      from app_user u where u.id = tenancy.user_id();
    return a.version + 1;
  end $$;
revoke execute on function tenancy.move_assessment(bigint, text, integer, text) from public;
grant execute on function tenancy.move_assessment(bigint, text, integer, text) to ${app_role};

-- A region admin (for its region) or a national admin reopens a trust's assessment after its cycle
-- closed, until a day, with a reason; a submitted or approved one goes back to the trust as
-- returned. Returns the new version.
--changeset dsc:036-reopen-assessment splitStatements:false
create function tenancy.reopen_assessment(p_assessment_id bigint, p_until date, p_reason text)
  returns integer
  language plpgsql volatile security definer set search_path = pg_catalog, public, pg_temp
  as $$
  declare
    a        assessment;
    v_status text;
  begin
    select x.* into a from assessment x join ics i on i.id = x.ics_id
     where x.id = p_assessment_id
       and (tenancy.level() = 'NATIONAL' or (tenancy.level() = 'REGION' and i.region_id = tenancy.region_id()))
       for update of x;
    if not found then
      raise exception 'this scope may not reopen assessment %', p_assessment_id using errcode = '42501';
    end if;
    if p_until is null or coalesce(btrim(p_reason), '') = '' then
      raise exception 'a reopened assessment needs a day and a reason' using errcode = '23514';
    end if;
    v_status := case when a.status in ('SUBMITTED', 'APPROVED') then 'RETURNED' else a.status end;
    update assessment set reopened_until = p_until, reopen_reason = p_reason, status = v_status,
                          updated_at = now(), version = version + 1
     where id = a.id and ics_id = a.ics_id;
    insert into assessment_transition (ics_id, trust_id, assessment_id, from_status, to_status, reason, user_id, user_name)
    select a.ics_id, a.trust_id, a.id, a.status, v_status, p_reason, u.id, u.display_name
      from app_user u where u.id = tenancy.user_id();
    return a.version + 1;
  end $$;
revoke execute on function tenancy.reopen_assessment(bigint, date, text) from public;
grant execute on function tenancy.reopen_assessment(bigint, date, text) to ${app_role};
