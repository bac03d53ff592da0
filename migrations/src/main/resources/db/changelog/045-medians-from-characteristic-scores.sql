--liquibase formatted sql

-- Medians from the scores written at approval (migration 044), for the groups the caller asks for
-- only (issue 15): a trust's profile needs its ICS, England and its peer group, not the 385 medians
-- of every group. p_kinds names the groupings (NULL: all); p_ics_ids limits the ICS and ICS_PEER
-- groupings to those ICSs (NULL: all). As published or restated (migration 030) and withheld below
-- three trusts (migrations 032, 040) exactly as before. The scope functions are called once per call,
-- not once per median (migration 036's (select f()) form).

--changeset dsc:045-membership-by-trust
-- The medians find each scored trust's ICS on the cycle's closing date by trust: without this index
-- a plan made before the scores table has statistics reads every membership once per score.
create index trust_membership_trust_idx on trust_membership (trust_id, valid_from);

--changeset dsc:045-benchmark-medians splitStatements:false
drop function tenancy.benchmark_medians(text, bigint, boolean);
create function tenancy.benchmark_medians(p_cycle_name text, p_framework_id bigint,
                                          p_restated boolean default false,
                                          p_kinds text[] default null, p_ics_ids bigint[] default null)
  returns table (group_kind text, group_id bigint, trust_type text, characteristic_id bigint,
                 median numeric, trusts integer)
  language sql stable security definer set search_path = pg_catalog, public, pg_temp
  as $$
    with trust_score as (
      select case when p_restated then coalesce(
                    (select st.ics_id from trust_link l join trust st on st.id = l.successor_id
                      where l.predecessor_id = t.id and t.closed_on is not null
                      order by l.effective_on desc, st.id limit 1),
                    t.ics_id)
                  else m.ics_id end as ics_id,
             t.trust_type, cs.characteristic_id, cs.trust_id, cs.score
        from characteristic_score cs
        join assessment_cycle c on c.id = cs.cycle_id
        join trust t on t.id = cs.trust_id
        join trust_membership m on m.trust_id = cs.trust_id
             and m.valid_from <= c.closes_on and (m.valid_to is null or m.valid_to > c.closes_on)
       where cs.cycle_name = p_cycle_name and cs.framework_id = p_framework_id
         and (select tenancy.level()) is not null
    ), scored as (
      select ts.*, i.region_id from trust_score ts join ics i on i.id = ts.ics_id
    ), medians as (
      select 'NATIONAL' as group_kind, null::bigint as group_id, null::text as trust_type, characteristic_id,
             percentile_cont(0.5) within group (order by score)::numeric as median, count(*)::integer as trusts
        from scored where p_kinds is null or 'NATIONAL' = any (p_kinds)
       group by characteristic_id
      union all
      select 'REGION', region_id, null, characteristic_id,
             percentile_cont(0.5) within group (order by score)::numeric, count(*)::integer
        from scored where p_kinds is null or 'REGION' = any (p_kinds)
       group by region_id, characteristic_id
      union all
      select 'ICS', ics_id, null, characteristic_id,
             percentile_cont(0.5) within group (order by score)::numeric, count(*)::integer
        from scored where (p_kinds is null or 'ICS' = any (p_kinds)) and (p_ics_ids is null or ics_id = any (p_ics_ids))
       group by ics_id, characteristic_id
      union all
      select 'PEER', null, trust_type, characteristic_id,
             percentile_cont(0.5) within group (order by score)::numeric, count(*)::integer
        from scored where trust_type is not null and (p_kinds is null or 'PEER' = any (p_kinds))
       group by trust_type, characteristic_id
      union all
      select 'ICS_PEER', ics_id, trust_type, characteristic_id,
             percentile_cont(0.5) within group (order by score)::numeric, count(*)::integer
        from scored where trust_type is not null and (p_kinds is null or 'ICS_PEER' = any (p_kinds))
         and (p_ics_ids is null or ics_id = any (p_ics_ids))
       group by ics_id, trust_type, characteristic_id
    )
    select * from medians md
     where md.trusts >= 3
        or (select tenancy.level()) = 'NATIONAL'
        or ((select tenancy.level()) = 'REGION'
            and ((md.group_kind = 'REGION' and md.group_id = (select tenancy.region_id()))
                 or (md.group_kind in ('ICS', 'ICS_PEER') and md.group_id = any ((select tenancy.ics_ids())::bigint[]))))
        or ((select tenancy.level()) = 'ICS' and md.group_kind in ('ICS', 'ICS_PEER')
            and (md.group_id = any ((select tenancy.ics_ids())::bigint[])
                 or md.group_id = any ((select tenancy.ics_lineage())::bigint[])))
  $$;
revoke execute on function tenancy.benchmark_medians(text, bigint, boolean, text[], bigint[]) from public;
grant execute on function tenancy.benchmark_medians(text, bigint, boolean, text[], bigint[]) to ${app_role};
