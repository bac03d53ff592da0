--liquibase formatted sql

-- Sign-in in one round trip (issue 15): the password check (037's tenancy.sign_in) and, when it
-- signs the user in, their role assignments as tenancy.scope_assignments would list them, in one
-- statement. Every sign-in holds a pooled connection while PostgreSQL computes its bcrypt; two
-- more round trips after it only kept the connection longer.

--changeset dsc:047-sign-in-with-assignments splitStatements:false
-- One row per assignment (in sign_in_assignments' order), or one row with no assignment for any
-- other outcome and for a user with no role yet.
create function tenancy.sign_in_with_assignments(p_email text, p_password text, p_client text)
  returns table (outcome text, user_id bigint, token text, email text, display_name text,
                 assignment_id bigint, role text,
                 region_id bigint, region_name text,
                 ics_id bigint, ics_ods_code text, ics_name text,
                 trust_id bigint, trust_ods_code text, trust_name text)
  language sql volatile security definer set search_path = pg_catalog, public, pg_temp
  as $$
    select s.outcome, s.user_id, s.token, s.email, s.display_name,
           a.assignment_id, a.role, a.region_id, a.region_name, a.ics_id, a.ics_ods_code, a.ics_name,
           a.trust_id, a.trust_ods_code, a.trust_name
      from tenancy.sign_in(p_email, p_password, p_client) s
      left join lateral tenancy.sign_in_assignments(case when s.outcome = 'SIGNED_IN' then s.user_id end)
           with ordinality a on true
     order by a.ordinality
  $$;
revoke execute on function tenancy.sign_in_with_assignments(text, text, text) from public;
grant execute on function tenancy.sign_in_with_assignments(text, text, text) to ${app_role};
