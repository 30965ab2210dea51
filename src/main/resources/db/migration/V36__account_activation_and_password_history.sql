-- Issue 13 (5, 6): no administrator ever knows a person's password.
-- The system administrator opens an account with the person's own mobile or e-mail (encrypted like any personal
-- data) and no roles and no password; the person sets the password with a one-time code sent there. A reset clears
-- the password and sends a new code the same way.
alter table app_user alter column password_hash drop not null;
alter table app_user add column contact_phone text;
alter table app_user add column contact_email text;

create table account_code (
    id         bigint generated always as identity primary key,
    app_user   bigint      not null references app_user (id) on delete cascade,
    purpose    text        not null check (purpose in ('ACTIVATE', 'RESET')),
    code_hash  text        not null,
    expires_at timestamptz not null,
    attempts   int         not null default 0,
    created_at timestamptz not null,
    used_at    timestamptz
);
create index account_code_user_idx on account_code (app_user, created_at desc);

-- The hashes of each account's passwords, newest last: a new password may not be one of the last five.
create table password_history (
    id            bigint generated always as identity primary key,
    app_user      bigint      not null references app_user (id) on delete cascade,
    password_hash text        not null,
    created_at    timestamptz not null
);
create index password_history_user_idx on password_history (app_user, id desc);

insert into password_history (app_user, password_hash, created_at)
select id, password_hash, coalesce(password_changed_at, created_at) from app_user where password_hash is not null;
