-- A made-up ICS of 100 trusts (there is no such ICS in England; the largest has 16), for timing
-- the board pack of an ICS that size through the running service (StartAndReportBenchmark). Run
-- as the owner role on a copy of a demo database, never on one people use: it adds "Benchmark
-- Hundred" (QZZ) to the region of Cheshire and Merseyside, trusts ZZ001 to ZZ100, each with an
-- approved 2026/27 assessment (scores generated), and its leader load.leader.hundred@load.example
-- with the demo password.
\set ON_ERROR_STOP on
begin;

insert into ics (region_id, ods_code, name, short_name)
select region_id, 'QZZ', 'NHS Benchmark Hundred Integrated Care Board', 'Benchmark Hundred'
  from ics where ods_code = 'QYG';

insert into trust (ics_id, ods_code, name, ods_name, trust_type, organisation_form)
select i.id, 'ZZ' || lpad(n::text, 3, '0'), format('Benchmark Hundred Trust %s', n),
       format('BENCHMARK HUNDRED TRUST %s', n),
       (array['acute', 'mental health', 'community', 'specialist', 'ambulance'])[1 + n % 5], 'NHS trust'
  from ics i cross join generate_series(1, 100) n
 where i.ods_code = 'QZZ';

-- Approved from the start: the frozen-answer trigger guards updates, not inserts; the scores are
-- written by the database as answers arrive in an approved assessment.
insert into assessment (ics_id, trust_id, cycle_id, framework_id, status)
select t.ics_id, t.id, c.id, c.framework_id, 'APPROVED'
  from trust t join ics i on i.id = t.ics_id
  join assessment_cycle c on c.region_id = i.region_id and c.name = '2026/27'
 where i.ods_code = 'QZZ';

insert into answer (ics_id, trust_id, assessment_id, statement_id, score, evidence)
select a.ics_id, a.trust_id, a.id, s.id, 1 + mod(abs(hashtext(a.id || ':' || s.id)), 5), 'Benchmark evidence'
  from assessment a
  join ics i on i.id = a.ics_id and i.ods_code = 'QZZ'
  join characteristic ch on ch.framework_id = a.framework_id
  join statement s on s.characteristic_id = ch.id;

insert into app_user (email, display_name, password_hash, home_region_id)
select 'load.leader.hundred@load.example', 'Load leader of Benchmark Hundred',
       '{bcrypt}$2a$10$kQ3YG3tWoZEtvhBSsUOW8eQ7mrSz6RzAfyDtxlrTbVESMesUDkfvW', region_id
  from ics where ods_code = 'QZZ';

insert into role_assignment (user_id, role, region_id, ics_id)
select u.id, 'ICS_LEADER', i.region_id, i.id
  from app_user u, ics i
 where u.email = 'load.leader.hundred@load.example' and i.ods_code = 'QZZ';

commit;
analyze ics, trust, trust_membership, assessment, answer, characteristic_score;
select count(*) as trusts_scored from characteristic_score s join ics i on i.id = s.ics_id and i.ods_code = 'QZZ';
