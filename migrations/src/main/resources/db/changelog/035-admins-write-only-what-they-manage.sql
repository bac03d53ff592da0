--liquibase formatted sql

-- Region admins change only users wholly inside their region, and nobody who holds a national
-- role; a user's own scope changes nothing of its account (activation and sign-in counting are
-- security-definer functions). Privileges the application never uses are taken away
-- (issue 10, findings 1 and 11).

--changeset dsc:035-holds-national-role splitStatements:false
create function tenancy.holds_national_role(p_user_id bigint) returns boolean
  language sql stable security definer set search_path = pg_catalog, public, pg_temp
  as $$ select exists (select 1 from role_assignment where user_id = p_user_id and role = 'NATIONAL_ADMIN') $$;
revoke execute on function tenancy.holds_national_role(bigint) from public;
grant execute on function tenancy.holds_national_role(bigint) to ${app_role};

--changeset dsc:035-app-user-policies
drop policy app_user_access on app_user;
create policy app_user_read on app_user for select using (
  id = tenancy.user_id()
  or tenancy.level() = 'NATIONAL'
  or (tenancy.level() = 'REGION' and (
        home_region_id = tenancy.region_id()
        or exists (select 1 from role_assignment ra
                    where ra.user_id = app_user.id and ra.region_id = tenancy.region_id()))));
create policy app_user_insert on app_user for insert with check (
  tenancy.level() = 'NATIONAL' or (tenancy.level() = 'REGION' and home_region_id = tenancy.region_id()));
create policy app_user_update on app_user for update
  using (tenancy.level() = 'NATIONAL'
         or (tenancy.level() = 'REGION' and home_region_id = tenancy.region_id()
             and not tenancy.holds_national_role(id)))
  with check (tenancy.level() = 'NATIONAL' or (tenancy.level() = 'REGION' and home_region_id = tenancy.region_id()));

--changeset dsc:035-app-user-columns
revoke update on app_user from ${app_role};
grant update (enabled, failed_sign_ins, locked_until, version) on app_user to ${app_role};

--changeset dsc:035-role-assignment-policies
drop policy role_assignment_insert on role_assignment;
drop policy role_assignment_delete on role_assignment;
create policy role_assignment_insert on role_assignment for insert with check (
  tenancy.level() = 'NATIONAL'
  or (tenancy.level() = 'REGION' and region_id = tenancy.region_id() and role <> 'NATIONAL_ADMIN'
      and exists (select 1 from app_user u where u.id = role_assignment.user_id and u.home_region_id = tenancy.region_id())
      and not tenancy.holds_national_role(user_id)));
create policy role_assignment_delete on role_assignment for delete using (
  tenancy.level() = 'NATIONAL'
  or (tenancy.level() = 'REGION' and region_id = tenancy.region_id() and role <> 'NATIONAL_ADMIN'
      and exists (select 1 from app_user u where u.id = role_assignment.user_id and u.home_region_id = tenancy.region_id())
      and not tenancy.holds_national_role(user_id)));

--changeset dsc:035-unused-privileges
revoke delete on improvement_action from ${app_role};
revoke update on ics from ${app_role};

--changeset dsc:035-audit-insert-own-trusts
drop policy audit_event_insert on audit_event;
create policy audit_event_insert on audit_event for insert with check (
  user_id = tenancy.user_id()
  and (ics_id is null or ics_id = any (tenancy.ics_ids()))
  and (trust_id is null or trust_id = tenancy.trust_id()
       or (tenancy.trust_id() is null and exists (select 1 from trust t where t.id = audit_event.trust_id)))
  and (region_id is null or region_id = tenancy.region_id() or tenancy.level() = 'NATIONAL'));
