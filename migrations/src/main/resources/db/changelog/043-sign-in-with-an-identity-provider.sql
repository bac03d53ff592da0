--liquibase formatted sql

-- Sign-in with an OpenID Connect provider (NHS Care Identity Service 2, issue 13). The provider
-- proves who the person is; the database decides whether they may come in, as it does for
-- passwords (037). An account is created only by an admin's invitation. At a person's first
-- sign-in through the provider their account is found by the e-mail address the provider has
-- verified and linked to the provider's subject identifier; from then on only that subject signs
-- in to it, whatever e-mail address the provider later reports. Password lockouts (037) do not
-- apply here: they guard against guessing a password the provider never sees.

--changeset dsc:043-identity-columns
alter table app_user add column identity_issuer text, add column identity_subject text,
  add column identity_linked_at timestamptz,
  add constraint app_user_identity_ck check ((identity_issuer is null) = (identity_subject is null)
                                             and (identity_subject is null) = (identity_linked_at is null));
create unique index app_user_identity_uk on app_user (identity_issuer, identity_subject);
-- The admin console shows whether and when an account was linked, never to what.
grant select (identity_linked_at) on app_user to ${app_role};

--changeset dsc:043-sign-in-with-identity splitStatements:false
-- Returns SIGNED_IN with the user and a new scope token; SECOND_FACTOR with a token that grants
-- nothing until tenancy.pass_second_factor (region and national admins, as with a password);
-- NOT_INVITED (no account for the subject nor for the e-mail address), EMAIL_NOT_VERIFIED (no
-- linked account, and the provider has not verified the address), LINKED_ELSEWHERE (the
-- address's account is linked to another identity) or DISABLED.
create function tenancy.sign_in_with_identity(p_issuer text, p_subject text, p_email text,
                                              p_email_verified boolean)
  returns table (outcome text, user_id bigint, token text, email text, display_name text)
  language plpgsql volatile security definer set search_path = pg_catalog, public, pg_temp
  as $$
  #variable_conflict use_column
  declare
    u        app_user;
    v_linked boolean := false;
  begin
    if coalesce(p_issuer, '') = '' or coalesce(p_subject, '') = '' then
      raise exception 'an identity needs an issuer and a subject' using errcode = '22023';
    end if;
    select * into u from app_user a where a.identity_issuer = p_issuer and a.identity_subject = p_subject for update;
    if u.id is null then
      if not coalesce(p_email_verified, false) or coalesce(btrim(p_email), '') = '' then
        return query select 'EMAIL_NOT_VERIFIED'::text, null::bigint, null::text, null::text, null::text;
        return;
      end if;
      select * into u from app_user a where a.email = lower(btrim(p_email)) for update;
      if u.id is null then
        return query select 'NOT_INVITED'::text, null::bigint, null::text, null::text, null::text;
        return;
      end if;
      if u.identity_subject is not null then
        insert into audit_event (user_id, user_email, user_name, region_id, action, entity_type, entity_id, after)
        values (u.id, u.email, u.display_name, u.home_region_id, 'SIGN_IN_FAILED', 'app_user', u.id::text,
                jsonb_build_object('method', 'identity provider', 'reason', 'linked to another identity'));
        return query select 'LINKED_ELSEWHERE'::text, null::bigint, null::text, null::text, null::text;
        return;
      end if;
      if u.enabled then
        update app_user a set identity_issuer = p_issuer, identity_subject = p_subject, identity_linked_at = now()
         where a.id = u.id;
        -- The invitation has served: its link can no longer set a password.
        update invitation i set used_at = now() where i.user_id = u.id and i.used_at is null;
        v_linked := true;
      end if;
    end if;
    if not u.enabled then
      insert into audit_event (user_id, user_email, user_name, region_id, action, entity_type, entity_id, after)
      values (u.id, u.email, u.display_name, u.home_region_id, 'SIGN_IN_FAILED', 'app_user', u.id::text,
              jsonb_build_object('method', 'identity provider', 'reason', 'account disabled'));
      return query select 'DISABLED'::text, null::bigint, null::text, null::text, null::text;
      return;
    end if;
    if v_linked then
      insert into audit_event (user_id, user_email, user_name, region_id, action, entity_type, entity_id, after)
      values (u.id, u.email, u.display_name, u.home_region_id, 'IDENTITY_LINKED', 'app_user', u.id::text,
              jsonb_build_object('issuer', p_issuer));
    end if;
    insert into audit_event (user_id, user_email, user_name, region_id, action, entity_type, entity_id, after)
    values (u.id, u.email, u.display_name, u.home_region_id, 'SIGNED_IN', 'app_user', u.id::text,
            jsonb_build_object('method', 'identity provider'));
    if tenancy.needs_second_factor(u.id) then
      return query select 'SECOND_FACTOR'::text, u.id, tenancy.issue_scope_token(u.id, true), u.email, u.display_name;
    else
      return query select 'SIGNED_IN'::text, u.id, tenancy.issue_scope_token(u.id), u.email, u.display_name;
    end if;
  end $$;
revoke execute on function tenancy.sign_in_with_identity(text, text, text, boolean) from public;
grant execute on function tenancy.sign_in_with_identity(text, text, text, boolean) to ${app_role};
