--liquibase formatted sql

-- The ICS leader's heatmap filtered by trust type shows the ICS median of that type of trust
-- (issue 12): medians of an ICS's trusts of one type ('ICS_PEER', by ICS and trust type), computed
-- here like every other median, and withheld below three trusts on the same terms as the ICS's
-- own median (migration 032). Nothing else changes.

--changeset dsc:040-ics-medians-by-trust-type splitStatements:false
create or replace function tenancy.benchmark_medians(p_cycle_name text, p_framework_id bigint,
                                                     p_restated boolean default false)
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
             t.trust_type, s.characteristic_id, a.trust_id,
             round(avg(an.score)::numeric, 1) as score
        from assessment a
        join assessment_cycle c on c.id = a.cycle_id
        join trust t on t.id = a.trust_id
        join trust_membership m on m.trust_id = a.trust_id
             and m.valid_from <= c.closes_on and (m.valid_to is null or m.valid_to > c.closes_on)
        join answer an on an.ics_id = a.ics_id and an.assessment_id = a.id
        join statement s on s.id = an.statement_id
       where a.status = 'APPROVED' and c.name = p_cycle_name and a.framework_id = p_framework_id
         and an.score is not null
         and tenancy.level() is not null
       group by 1, t.trust_type, s.characteristic_id, a.trust_id
    ), scored as (
      select ts.*, i.region_id from trust_score ts join ics i on i.id = ts.ics_id
    ), medians as (
      select 'NATIONAL' as group_kind, null::bigint as group_id, null::text as trust_type, characteristic_id,
             percentile_cont(0.5) within group (order by score)::numeric as median, count(*)::integer as trusts
        from scored group by characteristic_id
      union all
      select 'REGION', region_id, null, characteristic_id,
             percentile_cont(0.5) within group (order by score)::numeric, count(*)::integer
        from scored group by region_id, characteristic_id
      union all
      select 'ICS', ics_id, null, characteristic_id,
             percentile_cont(0.5) within group (order by score)::numeric, count(*)::integer
        from scored group by ics_id, characteristic_id
      union all
      select 'PEER', null, trust_type, characteristic_id,
             percentile_cont(0.5) within group (order by score)::numeric, count(*)::integer
        from scored where trust_type is not null group by trust_type, characteristic_id
      union all
      select 'ICS_PEER', ics_id, trust_type, characteristic_id,
             percentile_cont(0.5) within group (order by score)::numeric, count(*)::integer
        from scored where trust_type is not null group by ics_id, trust_type, characteristic_id
    )
    select * from medians md
     where md.trusts >= 3
        or tenancy.level() = 'NATIONAL'
        or (tenancy.level() = 'REGION' and ((md.group_kind = 'REGION' and md.group_id = tenancy.region_id())
                                            or (md.group_kind in ('ICS', 'ICS_PEER') and md.group_id = any (tenancy.ics_ids()))))
        or (tenancy.level() = 'ICS' and md.group_kind in ('ICS', 'ICS_PEER')
            and (md.group_id = any (tenancy.ics_ids()) or md.group_id = any (tenancy.ics_lineage())))
  $$;
