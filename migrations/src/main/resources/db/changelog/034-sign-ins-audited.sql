--liquibase formatted sql

-- Every sign-in, successful or failed, is in the audit log, where the user's region admins see
-- it (issue 10, finding 15). Sign-in happens before there is a scope, so the function that
-- counts failures writes the row too.

--changeset dsc:034-record-sign-in-audited splitStatements:false
create or replace function tenancy.record_sign_in(p_user_id bigint, p_succeeded boolean)
  returns void
  language sql volatile security definer set search_path = pg_catalog, public, pg_temp
  as $$
    update app_user
       set failed_sign_ins = case when p_succeeded then 0 else failed_sign_ins + 1 end,
           locked_until = case
             when p_succeeded then null
             when failed_sign_ins + 1 >= 5 then now() + interval '15 minutes'
             else locked_until end
     where id = p_user_id;
    insert into audit_event (user_id, user_email, user_name, region_id, action, entity_type, entity_id, after)
    select u.id, u.email, u.display_name, u.home_region_id,
           case when p_succeeded then 'SIGNED_IN' else 'SIGN_IN_FAILED' end, 'app_user', u.id::text,
           jsonb_build_object('failedSignIns', u.failed_sign_ins, 'locked', u.locked_until is not null and u.locked_until > now())
      from app_user u where u.id = p_user_id;
  $$;
