-- Issue 20: requests for information (依申请公开, 政府信息公开条例 第二十七条至第三十七条). Anyone asks a district's housing
-- bureau for information through the public form; the bureau answers within 20 working days, or once extends by up
-- to 20 more with a written reason approved by its leader. The applicant's name, contact and the request's text are
-- personal data: encrypted at rest (enc:v1 fields), masked on screen, every reveal audited.
create sequence information_request_number_seq;

create table information_request (
    id                bigserial primary key,
    case_number       text        not null unique check (case_number ~ '^YS[0-9]{13}$'),
    submission_key    uuid        not null unique, -- the form's idempotency key: a double submit files one request
    district_code     char(6)     not null references district (code),
    state             text        not null check (state in ('RECEIVED', 'EXTENDED', 'ANSWERED')),
    applicant_name    text        not null check (applicant_name like 'enc:%'),
    applicant_contact text        not null check (applicant_contact like 'enc:%'),
    description       text        not null check (description like 'enc:%'),
    purpose           text,
    delivery          text        not null check (delivery in ('ONLINE', 'EMAIL', 'POST', 'PICKUP')),
    tracking_code     char(64)    not null, -- SHA-256 of the six-digit code given to the applicant
    received_at       timestamptz not null,
    received_on       date        not null,
    due_on            date        not null,
    extended_due_on   date,
    extension_reason  text,
    extended_by       bigint      references app_user (id),
    extended_at       timestamptz,
    reply_kind        text        check (reply_kind in ('DISCLOSED', 'PARTLY_DISCLOSED', 'ALREADY_PUBLIC', 'NOT_DISCLOSED',
                                                        'NOT_HELD', 'NOT_OURS')),
    reply             text,
    replied_by        bigint      references app_user (id),
    replied_at        timestamptz,
    late_noticed      boolean     not null default false,
    version           int         not null default 0,
    constraint information_request_extension_once check ((state = 'RECEIVED') = (extended_due_on is null) or state = 'ANSWERED'),
    constraint information_request_extension_reason check (extended_due_on is null or extension_reason is not null),
    constraint information_request_answer check ((state = 'ANSWERED') = (replied_at is not null and reply is not null))
);
create index information_request_district_idx on information_request (district_code, state, due_on);

-- The files sent with a reply (PDF, images, spreadsheets), stored by SHA-256 in the file store.
create table information_request_file (
    id            bigint generated always as identity primary key,
    request_id    bigint      not null references information_request (id),
    file_key      text        not null,
    sha256        text        not null,
    size          bigint      not null,
    content_type  text        not null,
    original_name text        not null,
    added_at      timestamptz not null
);
create index information_request_file_idx on information_request_file (request_id);

-- A late public item is told to its district once.
alter table disclosure_item add column late_noticed boolean not null default false;

insert into policy_setting (region_code, key, value, effective_from, changed_by, reason) values
    ('610800', 'disclosure.request-working-days', '20', '2000-01-01T00:00:00Z', null, '依申请公开的答复期限（工作日，政府信息公开条例第三十三条）'),
    ('610800', 'disclosure.request-extension-working-days', '20', '2000-01-01T00:00:00Z', null, '依申请公开经批准可延长的最长期限（工作日，政府信息公开条例第三十三条）');
