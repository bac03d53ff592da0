--liquibase formatted sql

-- The database trusts no scope it did not grant, and the application never sees a password hash
-- (issue 10, findings 5, 6, 12 and 13).
--
-- Sign-in: tenancy.sign_in checks the password with pgcrypto's bcrypt, counts failures and issues
-- a scope token, all in one call under the account's row lock, so parallel attempts are checked
-- one after another. Unknown, disabled, locked and throttled accounts cost the same bcrypt
-- (against a dummy hash) and get the same answer. Five failures in a row from one client address
-- refuse that address for the account for 15 minutes; twenty from anywhere lock the account for
-- everyone (its region admin can unlock it); a hundred from one address, whatever the accounts,
-- refuse that address for 15 minutes.
--
-- Scopes: a scope is entered with the token issued at sign-in, stored here only as a SHA-256
-- hash. enter_scope seals the settings it makes with an HMAC under a key only the owner reads;
-- every scope function returns NULL unless the seal matches, so settings made by hand (SET,
-- set_config) grant nothing. The seal covers the transaction's start time and the backend, so it
-- cannot be replayed in another transaction.

--changeset dsc:037-pgcrypto
create schema if not exists crypto;
create extension if not exists pgcrypto with schema crypto;

--changeset dsc:037-secret-tables splitStatements:false
-- One row: the key that seals scopes, and a bcrypt hash of nothing, which unknown accounts are
-- checked against so that they cost what a real one does.
create table sign_in_secret (
  id          integer primary key check (id = 1),
  seal_key    bytea not null,
  dummy_hash  text not null
);
insert into sign_in_secret (id, seal_key, dummy_hash)
values (1, crypto.gen_random_bytes(32), crypto.crypt(encode(crypto.gen_random_bytes(16), 'hex'), crypto.gen_salt('bf', 10)));

create table scope_grant (
  token_hash  bytea primary key,
  user_id     bigint not null references app_user (id) on delete cascade,
  issued_at   timestamptz not null default now(),
  expires_at  timestamptz not null,
  -- An admin's token grants nothing until the second factor is given (at most five tries).
  second_factor_pending  boolean not null default false,
  second_factor_failures integer not null default 0
);
create index scope_grant_user_idx on scope_grant (user_id);

-- Consecutive failures of one account from one client address.
create table sign_in_failure (
  user_id       bigint not null references app_user (id) on delete cascade,
  client        text not null,
  failures      integer not null default 0,
  last_failed_at timestamptz not null,
  primary key (user_id, client)
);

-- Failures from one client address, whatever the account, in a 15-minute window.
create table sign_in_client (
  client        text primary key,
  window_start  timestamptz not null,
  failures      integer not null default 0
);

-- Row level security with no policy: the application role sees and changes nothing here.
alter table sign_in_secret enable row level security;
alter table scope_grant enable row level security;
alter table sign_in_failure enable row level security;
alter table sign_in_client enable row level security;

--changeset dsc:037-seal splitStatements:false
-- What a seal covers: the scope settings, the transaction's start and the backend.
create function tenancy.scope_settings() returns text
  language sql stable
  as $$
    select concat_ws('|', transaction_timestamp()::text, pg_backend_pid()::text,
                     current_setting('app.user_id', true), current_setting('app.role', true),
                     current_setting('app.scope_level', true), current_setting('app.region_id', true),
                     current_setting('app.ics_ids', true), current_setting('app.ics_lineage', true),
                     current_setting('app.trust_id', true), current_setting('app.trust_ids', true),
                     current_setting('app.read_only', true))
  $$;

-- The seal of the current settings. Owner only: whoever could call it could forge.
create function tenancy.seal() returns text
  language plpgsql stable security definer set search_path = pg_catalog, public, pg_temp
  as $$
  begin
    return encode(crypto.hmac(convert_to(tenancy.scope_settings(), 'UTF8'),
                              (select seal_key from sign_in_secret where id = 1), 'sha256'), 'hex');
  end $$;
revoke execute on function tenancy.seal() from public;

-- Whether the settings carry a seal the database made. Called once per statement for each scope
-- function a policy uses, so it is written to be cheap (PL/pgSQL: its plan is cached), not as a
-- call of seal().
create function tenancy.scope_sealed() returns boolean
  language plpgsql stable security definer set search_path = pg_catalog, public, pg_temp
  as $$
  declare
    v_seal text := current_setting('app.scope_seal', true);
  begin
    return coalesce(v_seal, '') <> ''
       and v_seal = encode(crypto.hmac(convert_to(tenancy.scope_settings(), 'UTF8'),
                                       (select seal_key from sign_in_secret where id = 1), 'sha256'), 'hex');
  end $$;

--changeset dsc:037-scope-functions-check-the-seal splitStatements:false
-- What the settings claim, sealed or not. Only policies that also check the seal call these
-- (below); everything else calls the sealed functions after them.
create function tenancy.claimed_level() returns text
  language sql stable as $$ select nullif(current_setting('app.scope_level', true), '') $$;
create function tenancy.claimed_user_id() returns bigint
  language sql stable as $$ select nullif(current_setting('app.user_id', true), '')::bigint $$;
create function tenancy.claimed_role() returns text
  language sql stable as $$ select nullif(current_setting('app.role', true), '') $$;
create function tenancy.claimed_region_id() returns bigint
  language sql stable as $$ select nullif(current_setting('app.region_id', true), '')::bigint $$;
create function tenancy.claimed_ics_ids() returns bigint[]
  language sql stable as $$ select string_to_array(nullif(current_setting('app.ics_ids', true), ''), ',')::bigint[] $$;
create function tenancy.claimed_ics_lineage() returns bigint[]
  language sql stable as $$ select string_to_array(nullif(current_setting('app.ics_lineage', true), ''), ',')::bigint[] $$;
create function tenancy.claimed_trust_id() returns bigint
  language sql stable as $$ select nullif(current_setting('app.trust_id', true), '')::bigint $$;
create function tenancy.claimed_trust_ids() returns bigint[]
  language sql stable as $$ select string_to_array(nullif(current_setting('app.trust_ids', true), ''), ',')::bigint[] $$;
create function tenancy.claimed_read_only() returns boolean
  language sql stable as $$ select coalesce(nullif(current_setting('app.read_only', true), '')::boolean, false) $$;
create function tenancy.claimed_may_edit_assessments() returns boolean
  language sql stable
  as $$ select coalesce(tenancy.claimed_level() = 'TRUST' and tenancy.claimed_role() in ('TRUST_EDITOR', 'TRUST_APPROVER')
                        and not tenancy.claimed_read_only(), false) $$;

-- The scope functions: what the settings claim, if the database sealed them; NULL otherwise
-- (read_only: true; may_edit_assessments: false).
create or replace function tenancy.level() returns text
  language sql stable as $$ select case when tenancy.scope_sealed() then tenancy.claimed_level() end $$;
create or replace function tenancy.user_id() returns bigint
  language sql stable as $$ select case when tenancy.scope_sealed() then tenancy.claimed_user_id() end $$;
create or replace function tenancy.role() returns text
  language sql stable as $$ select case when tenancy.scope_sealed() then tenancy.claimed_role() end $$;
create or replace function tenancy.region_id() returns bigint
  language sql stable as $$ select case when tenancy.scope_sealed() then tenancy.claimed_region_id() end $$;
create or replace function tenancy.ics_ids() returns bigint[]
  language sql stable as $$ select case when tenancy.scope_sealed() then tenancy.claimed_ics_ids() end $$;
create or replace function tenancy.ics_lineage() returns bigint[]
  language sql stable as $$ select case when tenancy.scope_sealed() then tenancy.claimed_ics_lineage() end $$;
create or replace function tenancy.trust_id() returns bigint
  language sql stable as $$ select case when tenancy.scope_sealed() then tenancy.claimed_trust_id() end $$;
create or replace function tenancy.trust_ids() returns bigint[]
  language sql stable as $$ select case when tenancy.scope_sealed() then tenancy.claimed_trust_ids() end $$;
create or replace function tenancy.read_only() returns boolean
  language sql stable as $$ select case when tenancy.scope_sealed() then tenancy.claimed_read_only() else true end $$;
create or replace function tenancy.may_edit_assessments() returns boolean
  language sql stable as $$ select tenancy.scope_sealed() and tenancy.claimed_may_edit_assessments() $$;

--changeset dsc:037-account-policies-without-cross-table-recursion splitStatements:false
-- A region admin manages an account wholly in its region. The test reads role_assignment and
-- app_user as the owner, so the two tables' policies never expand each other.
create function tenancy.manages_account(p_user_id bigint) returns boolean
  language sql stable security definer set search_path = pg_catalog, public, pg_temp
  as $$
    select tenancy.level() = 'NATIONAL'
        or (tenancy.level() = 'REGION'
            and exists (select 1 from app_user u where u.id = p_user_id and u.home_region_id = tenancy.region_id())
            and not exists (select 1 from role_assignment ra where ra.user_id = p_user_id and ra.role = 'NATIONAL_ADMIN'))
  $$;
-- A region admin sees the accounts of its region and of everyone holding a role in it.
create function tenancy.has_role_in_region(p_user_id bigint) returns boolean
  language sql stable security definer set search_path = pg_catalog, public, pg_temp
  as $$ select exists (select 1 from role_assignment ra where ra.user_id = p_user_id and ra.region_id = tenancy.region_id()) $$;
revoke execute on function tenancy.manages_account(bigint), tenancy.has_role_in_region(bigint) from public;
grant execute on function tenancy.manages_account(bigint), tenancy.has_role_in_region(bigint) to ${app_role};

drop policy app_user_read on app_user;
create policy app_user_read on app_user for select using (
  id = (select tenancy.user_id())
  or (select tenancy.level()) = 'NATIONAL'
  or ((select tenancy.level()) = 'REGION'
      and (home_region_id = (select tenancy.region_id()) or tenancy.has_role_in_region(id))));
drop policy role_assignment_insert on role_assignment;
create policy role_assignment_insert on role_assignment for insert with check (
  (select tenancy.level()) = 'NATIONAL'
  or ((select tenancy.level()) = 'REGION' and region_id = (select tenancy.region_id()) and role <> 'NATIONAL_ADMIN'
      and tenancy.manages_account(user_id)));
drop policy role_assignment_delete on role_assignment;
create policy role_assignment_delete on role_assignment for delete using (
  (select tenancy.level()) = 'NATIONAL'
  or ((select tenancy.level()) = 'REGION' and region_id = (select tenancy.region_id()) and role <> 'NATIONAL_ADMIN'
      and tenancy.manages_account(user_id)));

--changeset dsc:037-policies-check-the-seal-once splitStatements:false
-- Checking the seal costs a little, so every policy checks it once, first, as an InitPlan
-- ((select tenancy.scope_sealed()): once per statement, not per row), and then reads what the
-- settings claim, also once per statement. An unsealed scope matches nothing, whatever it claims.
do $$
declare
  p record;
  v_qual text;
  v_check text;
  scalar constant text := '\m(tenancy\.)(level|user_id|role|region_id|trust_id|read_only|may_edit_assessments)\(\)';
  array_valued constant text := '\m(tenancy\.)(ics_ids|ics_lineage|trust_ids)\(\)';
  sealed constant text := '(SELECT tenancy.scope_sealed())';
begin
  for p in select * from pg_policies where schemaname = 'public' loop
    v_qual := p.qual;
    v_check := p.with_check;
    if p.tablename not in ('assessment', 'answer', 'improvement_action', 'assessment_transition') then
      -- Written before migration 036: the calls are not yet subqueries.
      v_qual := regexp_replace(regexp_replace(v_qual, scalar, '(SELECT \1\2())', 'g'), array_valued, '((SELECT \1\2())::bigint[])', 'g');
      v_check := regexp_replace(regexp_replace(v_check, scalar, '(SELECT \1\2())', 'g'), array_valued, '((SELECT \1\2())::bigint[])', 'g');
    end if;
    v_qual := regexp_replace(regexp_replace(v_qual, scalar, '\1claimed_\2()', 'g'), array_valued, '\1claimed_\2()', 'g');
    v_check := regexp_replace(regexp_replace(v_check, scalar, '\1claimed_\2()', 'g'), array_valued, '\1claimed_\2()', 'g');
    if v_qual is not null and v_check is not null then
      execute format('alter policy %I on %I using (%s and (%s)) with check (%s and (%s))',
                     p.policyname, p.tablename, sealed, v_qual, sealed, v_check);
    elsif v_qual is not null then
      execute format('alter policy %I on %I using (%s and (%s))', p.policyname, p.tablename, sealed, v_qual);
    elsif v_check is not null then
      execute format('alter policy %I on %I with check (%s and (%s))', p.policyname, p.tablename, sealed, v_check);
    end if;
  end loop;
end $$;

--changeset dsc:037-enter-scope-with-a-token splitStatements:false
drop function tenancy.enter_scope(bigint, bigint);

-- The user a live token was issued to, or NULL.
create function tenancy.scope_user(p_token text) returns bigint
  language sql stable security definer set search_path = pg_catalog, public, pg_temp
  as $$ select g.user_id from scope_grant g join app_user u on u.id = g.user_id
         where g.token_hash = crypto.digest(p_token, 'sha256') and g.expires_at > now() and u.enabled
           and not g.second_factor_pending $$;

-- The token's user's account (nothing for a dead token).
create function tenancy.scope_account(p_token text) returns table (id bigint, email text, display_name text)
  language sql stable security definer set search_path = pg_catalog, public, pg_temp
  as $$ select u.id, u.email, u.display_name from app_user u where u.id = tenancy.scope_user(p_token) $$;

-- The role assignments the token's user holds today (none for a dead token).
create function tenancy.scope_assignments(p_token text)
  returns table (assignment_id bigint, role text,
                 region_id bigint, region_name text,
                 ics_id bigint, ics_ods_code text, ics_name text,
                 trust_id bigint, trust_ods_code text, trust_name text)
  language sql stable security definer set search_path = pg_catalog, public, pg_temp
  as $$ select * from tenancy.sign_in_assignments(tenancy.scope_user(p_token)) $$;

-- Enters the scope of one of the token's user's role assignments for the rest of the current
-- transaction, sealed. Returns the scope level, or NULL (and sets nothing) when the token is dead
-- or the assignment is not its user's.
create function tenancy.enter_scope(p_token text, p_assignment_id bigint)
  returns text
  language plpgsql volatile security definer set search_path = pg_catalog, public, pg_temp
  as $$
  declare
    v_user_id  bigint := tenancy.scope_user(p_token);
    a          record;
    v_level    text;
    v_ics      text;
    v_lineage  text;
    v_trusts   text;
    v_read_only boolean := false;
  begin
    if v_user_id is null then
      return null;
    end if;
    select ra.role, ra.region_id, ra.ics_id, ra.trust_id into a
      from tenancy.sign_in_assignments(v_user_id) s
      join role_assignment ra on ra.id = s.assignment_id
     where ra.id = p_assignment_id;
    if not found then
      return null;
    end if;
    v_level := case
      when a.role in ('TRUST_EDITOR', 'TRUST_APPROVER', 'TRUST_VIEWER') then 'TRUST'
      when a.role = 'ICS_LEADER' then 'ICS'
      when a.role = 'REGION_ADMIN' then 'REGION'
      else 'NATIONAL' end;
    if v_level = 'TRUST' then
      -- the trust and every trust it succeeded, wherever their rows are now
      with recursive line (id) as (
        select a.trust_id
        union
        select l.predecessor_id from trust_link l join line on l.successor_id = line.id)
      select string_agg(t.id::text, ',' order by t.id), string_agg(distinct t.ics_id::text, ',')
        into v_trusts, v_ics
        from trust t join line on line.id = t.id;
      v_read_only := a.role = 'TRUST_VIEWER'
        or exists (select 1 from trust t where t.id = a.trust_id and t.closed_on <= current_date);
    elsif v_level = 'ICS' then
      v_ics := a.ics_id::text;
      with recursive line (id) as (
        select a.ics_id
        union
        select l.predecessor_id from ics_link l join line on l.successor_id = line.id)
      select string_agg(id::text, ',' order by id) into v_lineage from line;
    else
      v_ics := case v_level
        when 'REGION' then (select string_agg(i.id::text, ',' order by i.id) from ics i where i.region_id = a.region_id)
        else (select string_agg(i.id::text, ',' order by i.id) from ics i) end;
    end if;
    perform set_config('app.user_id', v_user_id::text, true);
    perform set_config('app.role', a.role, true);
    perform set_config('app.scope_level', v_level, true);
    perform set_config('app.region_id', coalesce(a.region_id::text, ''), true);
    perform set_config('app.ics_ids', coalesce(v_ics, ''), true);
    perform set_config('app.ics_lineage', coalesce(v_lineage, ''), true);
    perform set_config('app.trust_id', coalesce(a.trust_id::text, ''), true);
    perform set_config('app.trust_ids', coalesce(v_trusts, ''), true);
    perform set_config('app.read_only', v_read_only::text, true);
    perform set_config('app.scope_seal', tenancy.seal(), true);
    return v_level;
  end $$;

-- A token for a user, for 12 hours. Owner only: the application gets tokens from sign_in.
create function tenancy.issue_scope_token(p_user_id bigint, p_second_factor_pending boolean default false) returns text
  language plpgsql volatile security definer set search_path = pg_catalog, public, pg_temp
  as $$
  declare
    v_token text := encode(crypto.gen_random_bytes(32), 'hex');
  begin
    delete from scope_grant where user_id = p_user_id and expires_at <= now();
    insert into scope_grant (token_hash, user_id, expires_at, second_factor_pending)
    values (crypto.digest(v_token, 'sha256'), p_user_id,
            now() + case when p_second_factor_pending then interval '10 minutes' else interval '12 hours' end,
            p_second_factor_pending);
    return v_token;
  end $$;

-- Signing out ends the token.
create function tenancy.sign_out(p_token text) returns void
  language sql volatile security definer set search_path = pg_catalog, public, pg_temp
  as $$ delete from scope_grant where token_hash = crypto.digest(p_token, 'sha256') $$;

revoke execute on function tenancy.scope_user(text), tenancy.scope_account(text), tenancy.scope_assignments(text),
                           tenancy.enter_scope(text, bigint), tenancy.issue_scope_token(bigint, boolean),
                           tenancy.sign_out(text), tenancy.sign_in_assignments(bigint) from public;
revoke execute on function tenancy.sign_in_assignments(bigint) from ${app_role};
grant execute on function tenancy.scope_account(text), tenancy.scope_assignments(text),
                          tenancy.enter_scope(text, bigint), tenancy.sign_out(text) to ${app_role};

--changeset dsc:037-second-factor splitStatements:false
-- Region and national admins give a time-based one-time code (TOTP, RFC 6238: HMAC-SHA1, six
-- digits, 30-second steps) after their password. The secret is generated and shown once, as a QR
-- code, by the application at enrolment; from then on only the database reads it, and the
-- database checks every code: a step either side of now, never a step already used.
alter table app_user add column totp_secret text, add column totp_enrolled_at timestamptz,
  add column totp_last_step bigint;

create function tenancy.needs_second_factor(p_user_id bigint) returns boolean
  language sql stable security definer set search_path = pg_catalog, public, pg_temp
  as $$ select exists (select 1 from tenancy.sign_in_assignments(p_user_id)
                        where role in ('REGION_ADMIN', 'NATIONAL_ADMIN')) $$;

create function tenancy.base32_decode(p_text text) returns bytea
  language plpgsql immutable set search_path = pg_catalog, pg_temp
  as $$
  declare
    alphabet constant text := 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
    v_bits   bigint := 0;
    v_count  integer := 0;
    v_value  integer;
    v_out    bytea := ''::bytea;
    ch       text;
  begin
    foreach ch in array regexp_split_to_array(upper(replace(replace(p_text, '=', ''), ' ', '')), '') loop
      v_value := strpos(alphabet, ch) - 1;
      if v_value < 0 then
        raise exception 'not base32' using errcode = '22023';
      end if;
      v_bits := (v_bits << 5) | v_value;
      v_count := v_count + 5;
      if v_count >= 8 then
        v_out := v_out || set_byte('\x00'::bytea, 0, ((v_bits >> (v_count - 8)) & 255)::integer);
        v_count := v_count - 8;
        v_bits := v_bits & ((1::bigint << v_count) - 1);
      end if;
    end loop;
    return v_out;
  end $$;

create function tenancy.totp_code(p_secret text, p_step bigint) returns text
  language plpgsql immutable set search_path = pg_catalog, pg_temp
  as $$
  declare
    v_mac    bytea := crypto.hmac(int8send(p_step), tenancy.base32_decode(p_secret), 'sha1');
    v_offset integer := get_byte(v_mac, 19) & 15;
  begin
    return lpad(((((get_byte(v_mac, v_offset) & 127)::bigint << 24) | (get_byte(v_mac, v_offset + 1)::bigint << 16)
                  | (get_byte(v_mac, v_offset + 2)::bigint << 8) | get_byte(v_mac, v_offset + 3)) % 1000000)::text,
                6, '0');
  end $$;

-- The step (of now and one either side) whose code this is and that is later than p_after; NULL if none.
create function tenancy.totp_step(p_secret text, p_code text, p_after bigint) returns bigint
  language sql stable set search_path = pg_catalog, pg_temp
  as $$
    select s from generate_series(floor(extract(epoch from now()) / 30)::bigint - 1,
                                  floor(extract(epoch from now()) / 30)::bigint + 1) s
     where tenancy.totp_code(p_secret, s) = btrim(p_code) and s > coalesce(p_after, 0)
     order by s limit 1
  $$;
revoke execute on function tenancy.base32_decode(text), tenancy.totp_code(text, bigint),
                           tenancy.totp_step(text, text, bigint), tenancy.needs_second_factor(bigint) from public;

-- What the holder of a pending token must do: ENROL (no secret yet) or CODE; NULL for any other token.
create function tenancy.second_factor_needed(p_token text) returns text
  language sql stable security definer set search_path = pg_catalog, public, pg_temp
  as $$ select case when u.totp_enrolled_at is null then 'ENROL' else 'CODE' end
          from scope_grant g join app_user u on u.id = g.user_id
         where g.token_hash = crypto.digest(p_token, 'sha256') and g.second_factor_pending
           and g.expires_at > now() and u.enabled $$;

-- Checks the code, with the new secret at enrolment (p_new_secret) or the stored one. Right: the
-- token grants its scopes from now on. Wrong: counted; the fifth wrong code ends the token.
create function tenancy.pass_second_factor(p_token text, p_code text, p_new_secret text default null)
  returns boolean
  language plpgsql volatile security definer set search_path = pg_catalog, public, pg_temp
  as $$
  declare
    g       scope_grant;
    u       app_user;
    v_step  bigint;
  begin
    select * into g from scope_grant where token_hash = crypto.digest(p_token, 'sha256')
       and second_factor_pending and expires_at > now() for update;
    if not found then
      return false;
    end if;
    select * into u from app_user where id = g.user_id for update;
    if (u.totp_enrolled_at is null) <> (p_new_secret is not null) then
      return false;
    end if;
    v_step := tenancy.totp_step(coalesce(p_new_secret, u.totp_secret), coalesce(p_code, ''), u.totp_last_step);
    if v_step is null then
      update scope_grant set second_factor_failures = second_factor_failures + 1 where token_hash = g.token_hash;
      delete from scope_grant where token_hash = g.token_hash and second_factor_failures >= 5;
      insert into audit_event (user_id, user_email, user_name, region_id, action, entity_type, entity_id, after)
      values (u.id, u.email, u.display_name, u.home_region_id, 'SECOND_FACTOR_FAILED', 'app_user', u.id::text,
              jsonb_build_object('failures', g.second_factor_failures + 1));
      return false;
    end if;
    update app_user set totp_secret = coalesce(p_new_secret, totp_secret), totp_enrolled_at = coalesce(totp_enrolled_at, now()),
                        totp_last_step = v_step
     where id = u.id;
    update scope_grant set second_factor_pending = false, expires_at = now() + interval '12 hours'
     where token_hash = g.token_hash;
    insert into audit_event (user_id, user_email, user_name, region_id, action, entity_type, entity_id, after)
    values (u.id, u.email, u.display_name, u.home_region_id,
            case when p_new_secret is null then 'SECOND_FACTOR_PASSED' else 'SECOND_FACTOR_ENROLLED' end,
            'app_user', u.id::text, '{}'::jsonb);
    return true;
  end $$;
revoke execute on function tenancy.second_factor_needed(text), tenancy.pass_second_factor(text, text, text) from public;
grant execute on function tenancy.second_factor_needed(text), tenancy.pass_second_factor(text, text, text) to ${app_role};

--changeset dsc:037-sign-in splitStatements:false
-- Returns SIGNED_IN with the user and a new scope token; SECOND_FACTOR with a token that grants
-- nothing until tenancy.pass_second_factor (region and national admins); REFUSED (wrong password,
-- unknown, disabled or locked account: one answer for all); or THROTTLED (too many failures from
-- the client address).
create function tenancy.sign_in(p_email text, p_password text, p_client text)
  returns table (outcome text, user_id bigint, token text, email text, display_name text)
  language plpgsql volatile security definer set search_path = pg_catalog, public, pg_temp
  as $$
  #variable_conflict use_column
  declare
    v_client   text := coalesce(nullif(p_client, ''), 'unknown');
    v_dummy    text := (select dummy_hash from sign_in_secret where id = 1);
    u          app_user;
    f          sign_in_failure;
    c          sign_in_client;
    v_hash     text;
    v_matches  boolean;
    v_refused  boolean;
  begin
    select * into c from sign_in_client s where s.client = v_client;
    if found and c.window_start <= now() - interval '15 minutes' then
      delete from sign_in_client s where s.client = v_client;
      c := null;
    end if;
    -- The account's row lock: parallel attempts on one account are checked one after another.
    select * into u from app_user a where a.email = lower(btrim(p_email)) for update;
    if u.id is not null then
      select * into f from sign_in_failure s where s.user_id = u.id and s.client = v_client;
    end if;
    v_hash := case when u.password_hash like '{bcrypt}%' then substr(u.password_hash, 9) end;
    -- Always exactly one bcrypt, whatever happens next.
    v_matches := crypto.crypt(coalesce(p_password, ''), coalesce(v_hash, v_dummy)) = coalesce(v_hash, v_dummy)
                 and v_hash is not null;
    if coalesce(c.failures, 0) >= 100 then
      return query select 'THROTTLED'::text, null::bigint, null::text, null::text, null::text;
      return;
    end if;
    v_refused := u.id is null or not u.enabled
                 or (u.locked_until is not null and u.locked_until > now())
                 or (coalesce(f.failures, 0) >= 5 and f.last_failed_at > now() - interval '15 minutes');
    if v_matches and not v_refused then
      update app_user set failed_sign_ins = 0, locked_until = null where id = u.id;
      delete from sign_in_failure s where s.user_id = u.id;
      insert into audit_event (user_id, user_email, user_name, region_id, action, entity_type, entity_id, after)
      values (u.id, u.email, u.display_name, u.home_region_id, 'SIGNED_IN', 'app_user', u.id::text,
              jsonb_build_object('failedSignIns', u.failed_sign_ins));
      if tenancy.needs_second_factor(u.id) then
        return query select 'SECOND_FACTOR'::text, u.id, tenancy.issue_scope_token(u.id, true), u.email, u.display_name;
      else
        return query select 'SIGNED_IN'::text, u.id, tenancy.issue_scope_token(u.id), u.email, u.display_name;
      end if;
      return;
    end if;
    insert into sign_in_client (client, window_start, failures) values (v_client, now(), 1)
      on conflict (client) do update set failures = sign_in_client.failures + 1;
    if u.id is not null then
      insert into sign_in_failure (user_id, client, failures, last_failed_at) values (u.id, v_client, 1, now())
        on conflict (user_id, client) do update
          set failures = case when sign_in_failure.last_failed_at > now() - interval '15 minutes'
                              then sign_in_failure.failures + 1 else 1 end,
              last_failed_at = now();
      update app_user a
         set failed_sign_ins = a.failed_sign_ins + 1,
             locked_until = case when a.failed_sign_ins + 1 >= 20 then now() + interval '15 minutes' else a.locked_until end
       where a.id = u.id
       returning * into u;
      insert into audit_event (user_id, user_email, user_name, region_id, action, entity_type, entity_id, after)
      values (u.id, u.email, u.display_name, u.home_region_id, 'SIGN_IN_FAILED', 'app_user', u.id::text,
              jsonb_build_object('failedSignIns', u.failed_sign_ins,
                                 'locked', u.locked_until is not null and u.locked_until > now()));
    end if;
    return query select 'REFUSED'::text, null::bigint, null::text, null::text, null::text;
  end $$;
revoke execute on function tenancy.sign_in(text, text, text) from public;
grant execute on function tenancy.sign_in(text, text, text) to ${app_role};

-- An admin who unlocks an account clears its failures from every address too.
create function tenancy.sign_in_failures_cleared() returns trigger
  language plpgsql security definer set search_path = pg_catalog, public, pg_temp
  as $$
  begin
    delete from sign_in_failure where user_id = new.id;
    return null;
  end $$;
revoke execute on function tenancy.sign_in_failures_cleared() from public;
create trigger app_user_failures_cleared after update of failed_sign_ins on app_user
  for each row when (new.failed_sign_ins = 0 and old.failed_sign_ins > 0)
  execute function tenancy.sign_in_failures_cleared();

--changeset dsc:037-no-hashes-for-the-application
drop function tenancy.sign_in_account(text);
drop function tenancy.record_sign_in(bigint, boolean);
-- Whether the account has a password, without the hash.
alter table app_user add column has_password boolean generated always as (password_hash is not null) stored;
revoke select on app_user from ${app_role};
grant select (id, email, display_name, enabled, failed_sign_ins, locked_until, home_region_id, created_at, version,
              has_password, totp_enrolled_at) on app_user to ${app_role};
revoke select on invitation from ${app_role};
grant select (id, user_id, expires_at, used_at, created_by, created_at) on invitation to ${app_role};
