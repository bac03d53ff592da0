--liquibase formatted sql

-- Every security-definer function searches pg_temp last, so that no temporary object a caller
-- creates can stand in for one of ours (issue 10, finding 11). Those written before migration
-- 030 set a search path without it. A test checks every definer function, present and future.

--changeset dsc:038-definer-functions-search-pg-temp-last splitStatements:false
do $$
declare
  f record;
begin
  for f in select p.oid::regprocedure as signature from pg_proc p join pg_namespace n on n.oid = p.pronamespace
            where n.nspname in ('public', 'tenancy') and (p.prosecdef or p.prorettype = 'trigger'::regtype)
              and not exists (select 1 from unnest(p.proconfig) c where c = 'search_path=pg_catalog, public, pg_temp') loop
    execute format('alter function %s set search_path = pg_catalog, public, pg_temp', f.signature);
  end loop;
end $$;
