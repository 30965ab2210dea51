-- Issue 13 (7): MONITOR (运维监控) reads the operations endpoints (/actuator/*) with an API token; no business data.
alter table user_role drop constraint user_role_role_check;
alter table user_role add constraint user_role_role_check check (role in ('SYSTEM_ADMIN', 'SECURITY_ADMIN', 'GOV_ADMIN',
    'GOV_OFFICER', 'FINANCE', 'OPERATOR_MANAGER', 'OPERATOR_STAFF', 'TENANT', 'EVALUATOR', 'AUDITOR', 'MONITOR'));
