-- Flyway runs this after every migrate, even when nothing was pending: it re-asserts that the audit tables are
-- append-only for everyone but their owner. The migrating role (the owner) gives its default privileges to the
-- application role (docs/security.md), which include UPDATE and DELETE; here every role but the owner, and PUBLIC,
-- loses UPDATE, DELETE, TRUNCATE, TRIGGER and REFERENCES on them, keeping INSERT and SELECT. The triggers refuse
-- UPDATE and DELETE anyway; without these privileges, and without owning the tables, the application's role can
-- neither change a row nor switch the triggers off. Role names are not written here: it works for any names.
do $$
declare
    r record;
begin
    for r in select distinct c.oid::regclass as tbl,
                    case when a.grantee = 0 then 'public' else quote_ident(pg_get_userbyid(a.grantee)) end as who
               from pg_class c
               join pg_namespace n on n.oid = c.relnamespace
               cross join lateral aclexplode(c.relacl) a
              where n.nspname = current_schema()
                and c.relname in ('audit_log', 'audit_chain')
                and a.grantee <> c.relowner
                and a.privilege_type in ('UPDATE', 'DELETE', 'TRUNCATE', 'TRIGGER', 'REFERENCES')
    loop
        execute format('revoke update, delete, truncate, trigger, references on %s from %s', r.tbl, r.who);
    end loop;
end $$;
