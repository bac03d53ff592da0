--liquibase formatted sql

-- Two plans the reports and benchmarks ran many times a page (issue 15), measured with
-- auto_explain on the board pack of an ICS of 16 trusts.

--changeset dsc:048-trusts-once-in-scope splitStatements:false
-- An ICS or region scope reads the trusts that were ever members of its ICSs (migration 030).
-- That was a security definer call per trust row, which PostgreSQL cannot inline: a query that
-- came to the trust table first paid it for all of England's trusts (8-9 ms of a 9 ms query).
-- The same set, listed once per statement as an InitPlan, then matched row by row in an array.
create function tenancy.trusts_once_in_scope() returns bigint[]
  language sql stable security definer set search_path = pg_catalog, public, pg_temp
  as $$ select coalesce(array_agg(distinct m.trust_id), '{}') from trust_membership m
         where m.ics_id = any (tenancy.ics_lineage()) or m.ics_id = any (tenancy.ics_ids()) $$;
revoke execute on function tenancy.trusts_once_in_scope() from public;
grant execute on function tenancy.trusts_once_in_scope() to ${app_role};

alter policy trust_read on trust using (
  (select tenancy.scope_sealed())
  and ((ics_id = any ((select tenancy.claimed_ics_ids())::bigint[])
        and ((select tenancy.claimed_trust_id()) is null or id = any ((select tenancy.claimed_trust_ids())::bigint[])))
       or ((select tenancy.claimed_level()) in ('ICS', 'REGION')
           and id = any ((select tenancy.trusts_once_in_scope())::bigint[]))));

drop function tenancy.was_member_of_scope(bigint);

--changeset dsc:048-medians-join-regions-after-scores splitStatements:false
-- The medians (migration 045) join each score's ICS, a CASE of as published or restated, to its
-- region. Planned as one query, that became every membership times every ICS before the join
-- (12,480 rows for 260 memberships). Scores first, materialised, then regions: the same rows, in
-- half the time. Only that word changes, so the function is rewritten from its own definition.
do $$
declare
  v_definition text := pg_get_functiondef('tenancy.benchmark_medians(text, bigint, boolean, text[], bigint[])'::regprocedure);
  v_rewritten text := replace(v_definition, 'with trust_score as (', 'with trust_score as materialized (');
begin
  if v_rewritten = v_definition then
    raise exception 'tenancy.benchmark_medians no longer starts with the trust_score CTE: rewrite this migration';
  end if;
  execute v_rewritten;
end $$;
