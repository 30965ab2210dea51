-- Anju on an external PostgreSQL (15 to 18): two roles, so that the platform's own login cannot undo the audit
-- log's protection (docs/security.md). Run once, as a superuser, connected to any database:
--   psql -h db.example -U postgres -d postgres -v owner_password='…' -v app_password='…' -f scripts/external-db-roles.sql
-- then start the platform with spring.datasource.username=anju_app and spring.flyway.user=anju_owner.

-- anju_owner owns the database, its schema and every table; Flyway migrates as it. It never serves requests.
create role anju_owner login password :'owner_password';
-- anju_app is the platform at run time: it reads and writes rows and owns nothing.
create role anju_app login password :'app_password';
create database anju owner anju_owner encoding 'UTF8' template template0;

\connect anju
alter schema public owner to anju_owner;
-- PostgreSQL 15 and later already keep PUBLIC from creating objects in schema public; older habits die hard
revoke create on schema public from public;
grant usage on schema public to anju_app;
-- whatever the owner's migrations create, now or later, the platform may use row by row; on the audit tables
-- Flyway's afterMigrate callback takes UPDATE, DELETE and TRUNCATE back after every migrate
alter default privileges for role anju_owner in schema public
    grant select, insert, update, delete on tables to anju_app;
alter default privileges for role anju_owner in schema public
    grant usage, select on sequences to anju_app;
