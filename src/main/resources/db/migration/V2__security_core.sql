-- Security core: tamper-evident audit log, login policy with history, login attempts, API tokens.

-- Append-only audit log. Writers only insert; a sealing step chains the rows by hash in audit_chain.
-- The summary holds what changed, never personal data (ids and codes, not names or ID numbers).
create table audit_log (
    id             bigint generated always as identity primary key,
    occurred_at    timestamptz not null,
    actor_id       bigint,
    actor_username text,
    actor_org_id   bigint,
    district_code  char(6),
    source_ip      text,
    action         text        not null,
    target_type    text,
    target_id      text,
    outcome        text        not null check (outcome in ('SUCCESS', 'DENIED', 'FAILED')),
    summary        text        not null default '{}'
);
create index audit_log_occurred_idx on audit_log (occurred_at);
create index audit_log_actor_idx on audit_log (actor_username, occurred_at);
create index audit_log_target_idx on audit_log (target_type, target_id);

-- One row per sealed audit row, in chain order: row_hash = SHA-256 of the row's canonical form,
-- chain_hash = SHA-256(previous chain_hash || row_hash). The same chain is also written outside the database.
create table audit_chain (
    seq        bigint primary key,
    audit_id   bigint      not null unique,
    row_hash   char(64)    not null,
    chain_hash char(64)    not null,
    sealed_at  timestamptz not null
);

-- Neither table can be changed or emptied through SQL an application would run; retention (>= 180 days) is
-- kept by never deleting. Changing this takes a superuser disabling the trigger, which the chain detects.
create function refuse_audit_change() returns trigger language plpgsql as $$
begin
    raise exception 'audit records are append-only (% on %)', tg_op, tg_table_name;
end;
$$;
create trigger audit_log_append_only before update or delete on audit_log
    for each row execute function refuse_audit_change();
create trigger audit_log_no_truncate before truncate on audit_log
    for each statement execute function refuse_audit_change();
create trigger audit_chain_append_only before update or delete on audit_chain
    for each row execute function refuse_audit_change();
create trigger audit_chain_no_truncate before truncate on audit_chain
    for each statement execute function refuse_audit_change();

-- Login policy per district (or '610800' for the city-wide default), insert-only: the newest row in force is
-- the policy, earlier rows are its history. Changed only by SECURITY_ADMIN.
create table security_policy (
    id                   bigint generated always as identity primary key,
    region_code          char(6)     not null check (region_code ~ '^[0-9]{6}$'),
    password_min_length  int         not null check (password_min_length between 8 and 64),
    password_min_classes int         not null check (password_min_classes between 3 and 4),
    captcha_after        int         not null check (captcha_after between 1 and 10),
    lock_after           int         not null check (lock_after between 3 and 20),
    lock_minutes         int         not null check (lock_minutes between 5 and 1440),
    idle_timeout_minutes int         not null check (idle_timeout_minutes between 5 and 30),
    effective_from       timestamptz not null,
    changed_by           bigint      references app_user (id),
    reason               text        not null,
    constraint security_policy_captcha_before_lock check (captcha_after < lock_after)
);
create index security_policy_region_idx on security_policy (region_code, effective_from desc, id desc);

insert into security_policy (region_code, password_min_length, password_min_classes, captcha_after, lock_after,
                             lock_minutes, idle_timeout_minutes, effective_from, changed_by, reason)
values ('610800', 8, 3, 3, 5, 30, 30, '2020-01-01T00:00:00+08', null, '默认策略（等保2.0三级）');

-- Failed logins per typed username, whether or not such an account exists, so that a CAPTCHA or a lock
-- never tells an attacker which usernames are real. Keyed by an HMAC of the typed name, never the name itself.
create table login_attempt (
    username_key    char(64)    primary key,
    failures        int         not null default 0,
    last_failure_at timestamptz,
    locked_until    timestamptz
);

-- Personal API tokens for machine clients: shown once, stored as SHA-256, expiring, revocable.
create table api_token (
    id           bigint generated always as identity primary key,
    app_user     bigint      not null references app_user (id),
    name         text        not null,
    token_hash   char(64)    not null unique,
    token_prefix text        not null,
    created_at   timestamptz not null,
    expires_at   timestamptz not null,
    revoked_at   timestamptz,
    last_used_at timestamptz,
    constraint api_token_expiry check (expires_at > created_at)
);
create index api_token_user_idx on api_token (app_user);

alter table app_user add column password_changed_at timestamptz;
