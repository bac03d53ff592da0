--liquibase formatted sql

-- Characteristic scores are written once, when an assessment is approved and its answers freeze
-- (issue 15): benchmarks and medians read them by cycle instead of averaging every answer of all
-- history on each request. Only the database writes them, from the answers, so the application
-- cannot store a score its answers do not give: the application role may read them like the
-- assessment they belong to and nothing more. Leaving APPROVED (reopened, returned) removes them.

--changeset dsc:044-characteristic-score splitStatements:false
create table characteristic_score (
  ics_id             bigint not null,
  trust_id           bigint not null,
  assessment_id      bigint not null,
  cycle_id           bigint not null references assessment_cycle (id),
  cycle_name         text not null,
  framework_id       bigint not null references framework (id),
  characteristic_id  bigint not null references characteristic (id),
  score              numeric(2, 1) not null check (score between 1 and 5),
  primary key (assessment_id, characteristic_id),
  -- a trust moving ICS takes its scores along (tenancy.apply_organisation_change moves the assessment)
  foreign key (ics_id, assessment_id) references assessment (ics_id, id) on update cascade on delete cascade
);
-- Medians ask for one cycle name and framework: one index range, whatever the history.
create index characteristic_score_cycle_idx on characteristic_score (cycle_name, framework_id, trust_id);
create index characteristic_score_ics_idx on characteristic_score (ics_id, trust_id);

grant select on characteristic_score to ${app_role};

alter table characteristic_score enable row level security;
alter table characteristic_score force row level security;
-- Read like the assessment the scores belong to (migration 036).
create policy characteristic_score_read on characteristic_score for select using (
  (ics_id = any ((select tenancy.ics_ids())::bigint[])
   and ((select tenancy.trust_id()) is null or trust_id = any ((select tenancy.trust_ids())::bigint[])))
  or ((select tenancy.level()) in ('ICS', 'REGION') and tenancy.published_to_scope(trust_id, assessment_id)));
-- No scope writes scores: only the definer functions below (as the owner) do. The grant above already
-- refuses it; these keep refusing should anyone grant more.
create policy characteristic_score_insert on characteristic_score for insert with check (false);
create policy characteristic_score_update on characteristic_score for update using (false) with check (false);
create policy characteristic_score_delete on characteristic_score for delete using (false);

--changeset dsc:044-write-characteristic-scores splitStatements:false
-- The assessment's scores as its answers give them (mean of the scored statements, one decimal),
-- or none unless it is approved.
create function tenancy.write_characteristic_scores(p_ics_id bigint, p_assessment_id bigint) returns void
  language sql volatile security definer set search_path = pg_catalog, public, pg_temp
  as $$
    delete from characteristic_score where assessment_id = p_assessment_id;
    insert into characteristic_score (ics_id, trust_id, assessment_id, cycle_id, cycle_name, framework_id,
                                      characteristic_id, score)
    select a.ics_id, a.trust_id, a.id, a.cycle_id, a.cycle_name, a.framework_id, s.characteristic_id,
           round(avg(an.score)::numeric, 1)
      from assessment a
      join answer an on an.ics_id = a.ics_id and an.assessment_id = a.id
      join statement s on s.id = an.statement_id
     where a.ics_id = p_ics_id and a.id = p_assessment_id and a.status = 'APPROVED' and an.score is not null
     group by a.ics_id, a.trust_id, a.id, a.cycle_id, a.cycle_name, a.framework_id, s.characteristic_id;
  $$;
revoke execute on function tenancy.write_characteristic_scores(bigint, bigint) from public;

-- Approval (and leaving it) through tenancy.move_assessment, a reopening, or a cycle or framework change.
-- A move to another ICS is not one of these: the foreign key carries the scores along.
create function tenancy.assessment_scores_trigger() returns trigger
  language plpgsql security definer set search_path = pg_catalog, public, pg_temp
  as $$
  begin
    if new.status = 'APPROVED' or old.status = 'APPROVED' then
      perform tenancy.write_characteristic_scores(new.ics_id, new.id);
    end if;
    return null;
  end $$;
revoke execute on function tenancy.assessment_scores_trigger() from public;
create trigger assessment_scores after update of status, cycle_id, cycle_name, framework_id on assessment
  for each row execute function tenancy.assessment_scores_trigger();

-- Answers inserted into an assessment that is already approved (seed data, imports): scored once per
-- assessment per statement, not per answer. Answers moving with their trust keep their scores.
create function tenancy.answer_scores_trigger() returns trigger
  language plpgsql security definer set search_path = pg_catalog, public, pg_temp
  as $$
  declare
    target record;
  begin
    for target in
      select distinct i.ics_id, i.assessment_id from inserted i
        join assessment a on a.ics_id = i.ics_id and a.id = i.assessment_id
       where a.status = 'APPROVED'
    loop
      perform tenancy.write_characteristic_scores(target.ics_id, target.assessment_id);
    end loop;
    return null;
  end $$;
revoke execute on function tenancy.answer_scores_trigger() from public;
create trigger answer_scores after insert on answer referencing new table as inserted
  for each statement execute function tenancy.answer_scores_trigger();

--changeset dsc:044-backfill-characteristic-scores
-- Every assessment approved before this migration, demo data included.
insert into characteristic_score (ics_id, trust_id, assessment_id, cycle_id, cycle_name, framework_id,
                                  characteristic_id, score)
select a.ics_id, a.trust_id, a.id, a.cycle_id, a.cycle_name, a.framework_id, s.characteristic_id,
       round(avg(an.score)::numeric, 1)
  from assessment a
  join answer an on an.ics_id = a.ics_id and an.assessment_id = a.id
  join statement s on s.id = an.statement_id
 where a.status = 'APPROVED' and an.score is not null
 group by a.ics_id, a.trust_id, a.id, a.cycle_id, a.cycle_name, a.framework_id, s.characteristic_id;
-- Statistics now, not when autovacuum next passes: the medians' plans depend on them.
analyze characteristic_score;
