--liquibase formatted sql

-- Demo data set only: the demo region and national admins have set up their second factor with
-- this published key (add it to an authenticator app to sign in as them; README, "Demo users").
-- A real admin sets up their own at first sign-in.

--changeset dsc:104-demo-admin-second-factor context:demo
update app_user set totp_secret = 'DEMOADMINSECURITYCODEKEYDEMOTWOS', totp_enrolled_at = now()
 where email in ('region.admin@demo.example', 'national.admin@demo.example');
