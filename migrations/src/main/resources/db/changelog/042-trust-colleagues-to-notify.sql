--liquibase formatted sql

-- Whom the service e-mails about a trust's assessment: its approvers when it is submitted, its
-- editors when it is returned, and (009) its editors when its ICS leader sends a reminder. Users
-- are not visible across tenants, nor to colleagues at the same trust, so one security-definer
-- function returns just the names and addresses of the trust's current holders of a role: to
-- the trust's own editors and approvers (who submit and return), and to ICS, region and
-- national scopes covering the trust (for reminders, editors only). Ended roles and disabled
-- accounts are left out.

--changeset dsc:042-trust-contacts splitStatements:false
create function tenancy.trust_contacts(p_trust_id bigint, p_role text)
  returns table (email text, display_name text)
  language sql stable security definer set search_path = pg_catalog, public, pg_temp
  as $$
    select u.email, u.display_name
      from role_assignment ra
      join app_user u on u.id = ra.user_id
      join trust t on t.id = ra.trust_id
     where ra.trust_id = p_trust_id and ra.role = p_role and u.enabled
       and (ra.ends_on is null or ra.ends_on > current_date)
       and t.ics_id = any (tenancy.ics_ids())
       and ((p_trust_id = tenancy.trust_id() and tenancy.may_edit_assessments()
             and p_role in ('TRUST_EDITOR', 'TRUST_APPROVER'))
            or (tenancy.level() in ('ICS', 'REGION', 'NATIONAL') and p_role = 'TRUST_EDITOR'))
     order by u.display_name, u.email
  $$;
revoke execute on function tenancy.trust_contacts(bigint, text) from public;
grant execute on function tenancy.trust_contacts(bigint, text) to ${app_role};

-- The reminder's recipients come from the same place.
create or replace function tenancy.trust_editor_contacts(p_trust_id bigint)
  returns table (email text, display_name text)
  language sql stable security definer set search_path = pg_catalog, public, pg_temp
  as $$ select email, display_name from tenancy.trust_contacts(p_trust_id, 'TRUST_EDITOR') $$;
