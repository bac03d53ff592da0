-- The load test's own accounts, with the demo password (Demo-2026-strategy), created once and
-- left alone afterwards (safe to run again): per number n up to :accounts, an editor and an
-- approver of the n-th trust whose assessment for 2026/27 is still open for answers (not Guy's
-- and St Thomas', whose demo data the README describes), and an ICS leader of the n-th open ICS
-- (round robin). Run as the owner role, which loads data for every tenant.
\set ON_ERROR_STOP on
begin;

create temporary table load_account (email text, display_name text, role text, trust_id bigint, ics_id bigint,
                                     region_id bigint) on commit drop;

with open_trust as (
    select t.id, t.ics_id, i.region_id, row_number() over (order by t.ods_code) as n
      from trust t join ics i on i.id = t.ics_id
     where t.closed_on is null and t.ods_code <> 'RJ1'
       and not exists (select 1 from assessment a
                        where a.trust_id = t.id and a.cycle_name = '2026/27' and a.status not in ('DRAFT', 'RETURNED')))
insert into load_account
select format('load.%s.%s@load.example', kind, lpad(n::text, 3, '0')), format('Load %s %s', kind, n),
       case kind when 'editor' then 'TRUST_EDITOR' else 'TRUST_APPROVER' end, id, ics_id, region_id
  from open_trust, (values ('editor'), ('approver')) as kinds(kind)
 where n <= :accounts;

with open_ics as (
    select id, region_id, row_number() over (order by ods_code) - 1 as position, count(*) over () as total
      from ics where closed_on is null)
insert into load_account
select format('load.leader.%s@load.example', lpad(n::text, 3, '0')), format('Load leader %s', n), 'ICS_LEADER',
       null, i.id, i.region_id
  from generate_series(1, :accounts) n join open_ics i on i.position = (n - 1) % i.total;

insert into app_user (email, display_name, password_hash, home_region_id)
select email, display_name, '{bcrypt}$2a$10$kQ3YG3tWoZEtvhBSsUOW8eQ7mrSz6RzAfyDtxlrTbVESMesUDkfvW', region_id
  from load_account
on conflict (email) do nothing;

-- One role each, given once: a user with two would be asked which to act as.
insert into role_assignment (user_id, role, region_id, ics_id, trust_id)
select u.id, a.role, a.region_id, a.ics_id, a.trust_id
  from load_account a join app_user u on u.email = a.email
 where not exists (select 1 from role_assignment r where r.user_id = u.id);

select role, count(*) as accounts
  from role_assignment r join app_user u on u.id = r.user_id
 where u.email like 'load.%@load.example' group by role order by role;
commit;
