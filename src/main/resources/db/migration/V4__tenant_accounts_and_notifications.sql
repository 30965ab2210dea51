-- Tenant accounts (a household member's own account) and the notification outbox.

-- A tenant account belongs to one household: its data scope.
alter table app_user add column household_id bigint references household (id);
alter table app_user add column household_member_id bigint references household_member (id);
create unique index app_user_member_uq on app_user (household_member_id) where household_member_id is not null;

-- One-time codes for activating a tenant account or resetting its password: stored hashed, short-lived, few tries.
create table activation_code (
    id                  bigint generated always as identity primary key,
    household_member_id bigint      not null references household_member (id),
    purpose             text        not null check (purpose in ('ACTIVATE', 'RESET')),
    code_hash           char(64)    not null,
    expires_at          timestamptz not null,
    attempts            int         not null default 0,
    used_at             timestamptz,
    created_at          timestamptz not null
);
create index activation_code_member_idx on activation_code (household_member_id, created_at desc);

-- The outbox: messages to send, naming their recipient by id only (never a phone number or a name); the channel
-- adapter looks the address up when it sends.
create table notification_outbox (
    id             bigint generated always as identity primary key,
    channel        text        not null check (channel in ('SMS', 'EMAIL', 'WECHAT')),
    recipient_type text        not null,
    recipient_id   bigint      not null,
    template       text        not null,
    params         text        not null default '{}',
    status         text        not null check (status in ('PENDING', 'SENT', 'FAILED')),
    attempts       int         not null default 0,
    created_at     timestamptz not null,
    sent_at        timestamptz,
    last_error     text
);
create index notification_outbox_pending_idx on notification_outbox (created_at) where status = 'PENDING';

-- What the recording SMS adapter "sent" (no gateway is contracted yet): masked number and text.
create table sms_log (
    id           bigint generated always as identity primary key,
    outbox_id    bigint      not null references notification_outbox (id),
    phone_masked text        not null,
    text         text        not null,
    sent_at      timestamptz not null
);
