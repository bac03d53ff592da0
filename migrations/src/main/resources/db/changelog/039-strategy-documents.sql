--liquibase formatted sql

-- A trust's strategy document for a cycle, with what the analyser found in it (issue 11). Kept
-- under the same row level security as the assessment it belongs to: the trust's own users read
-- it; its ICS and region read it once the cycle is published to them; only the trust's editor or
-- approver stores one, and only while the assessment is open for answers. One current document per
-- trust and cycle; an upload supersedes the one before, which is kept. Nothing is ever deleted
-- by the application.

--changeset dsc:039-strategy-document
create table strategy_document (
  ics_id         bigint not null,
  id             bigint generated always as identity,
  trust_id       bigint not null,
  assessment_id  bigint not null,
  file_name      text not null check (char_length(file_name) between 1 and 255),
  media_type     text not null,
  size_bytes     integer not null check (size_bytes between 1 and 20971520),
  sha256         bytea not null check (octet_length(sha256) = 32),
  content        bytea not null,
  analysis       jsonb not null,
  uploaded_by    bigint not null references app_user (id),
  uploaded_by_name text not null check (char_length(uploaded_by_name) between 1 and 200),
  uploaded_at    timestamptz not null default now(),
  superseded_at  timestamptz,
  primary key (ics_id, id),
  -- Follows its assessment when a trust moves to another ICS's partition (an update of ics_id).
  foreign key (ics_id, assessment_id, trust_id) references assessment (ics_id, id, trust_id)
    on update cascade on delete cascade deferrable initially immediate,
  foreign key (trust_id, ics_id) references trust (id, ics_id) on update cascade deferrable initially immediate
) partition by list (ics_id);
create unique index strategy_document_current_uk on strategy_document (ics_id, assessment_id) where superseded_at is null;
create index strategy_document_trust_idx on strategy_document (trust_id, assessment_id);

--changeset dsc:039-strategy-document-partitions splitStatements:false
create or replace function tenancy.create_ics_partitions() returns trigger
  language plpgsql security definer set search_path = pg_catalog, public, pg_temp
  as $$
  declare
    parent text;
  begin
    foreach parent in array array['assessment', 'answer', 'improvement_action', 'strategy_document'] loop
      execute format('create table public.%I partition of public.%I for values in (%s)',
                     parent || '_' || lower(new.ods_code), parent, new.id);
    end loop;
    return new;
  end $$;
revoke execute on function tenancy.create_ics_partitions() from public;

do $$
declare
  i record;
begin
  for i in select id, ods_code from ics loop
    execute format('create table public.%I partition of public.strategy_document for values in (%s)',
                   'strategy_document_' || lower(i.ods_code), i.id);
  end loop;
end $$;

-- A superseded document stays superseded: history is never rewritten.
create function tenancy.strategy_document_history_kept() returns trigger
  language plpgsql set search_path = pg_catalog, public, pg_temp
  as $$
  begin
    if old.superseded_at is not null then
      raise exception 'a superseded strategy document cannot be changed' using errcode = 'check_violation';
    end if;
    return new;
  end $$;
create trigger strategy_document_history_kept before update of superseded_at on strategy_document
  for each row execute function tenancy.strategy_document_history_kept();

--changeset dsc:039-strategy-document-policies
-- Granted on the partitioned parent only. The application may insert a document and mark the
-- current one superseded; it may change nothing else and delete nothing.
grant select, insert on strategy_document to ${app_role};
grant update (superseded_at) on strategy_document to ${app_role};
alter table strategy_document enable row level security;
alter table strategy_document force row level security;

create policy strategy_document_read on strategy_document for select using (
  (select tenancy.scope_sealed())
  and ((ics_id = any ((select tenancy.claimed_ics_ids())::bigint[])
        and ((select tenancy.claimed_trust_id()) is null or trust_id = any ((select tenancy.claimed_trust_ids())::bigint[])))
       or ((select tenancy.claimed_level()) in ('ICS', 'REGION') and tenancy.published_to_scope(trust_id, assessment_id))));
create policy strategy_document_insert on strategy_document for insert with check (
  (select tenancy.scope_sealed())
  and ics_id = any ((select tenancy.claimed_ics_ids())::bigint[]) and trust_id = (select tenancy.claimed_trust_id())
  and (select tenancy.claimed_may_edit_assessments())
  and uploaded_by = (select tenancy.claimed_user_id()) and superseded_at is null
  and exists (select 1 from assessment a
               where a.ics_id = strategy_document.ics_id and a.id = strategy_document.assessment_id
                 and a.trust_id = strategy_document.trust_id and a.status in ('DRAFT', 'RETURNED')));
create policy strategy_document_update on strategy_document for update
  using ((select tenancy.scope_sealed())
         and ics_id = any ((select tenancy.claimed_ics_ids())::bigint[]) and trust_id = (select tenancy.claimed_trust_id())
         and (select tenancy.claimed_may_edit_assessments()))
  with check ((select tenancy.scope_sealed())
              and ics_id = any ((select tenancy.claimed_ics_ids())::bigint[]) and trust_id = (select tenancy.claimed_trust_id())
              and (select tenancy.claimed_may_edit_assessments())
              and exists (select 1 from assessment a
                           where a.ics_id = strategy_document.ics_id and a.id = strategy_document.assessment_id
                             and a.trust_id = strategy_document.trust_id and a.status in ('DRAFT', 'RETURNED')));
