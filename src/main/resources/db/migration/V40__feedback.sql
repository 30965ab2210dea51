-- Issue 16: complaints and suggestions from every channel (the feedback module owns these tables).

-- CHANNEL_GATEWAY: a machine account of an outside system that pushes cases to us (the 12345 hand-off), by API token.
alter table user_role drop constraint user_role_role_check;
alter table user_role add constraint user_role_role_check check (role in ('SYSTEM_ADMIN', 'SECURITY_ADMIN', 'GOV_ADMIN',
    'GOV_OFFICER', 'FINANCE', 'OPERATOR_MANAGER', 'OPERATOR_STAFF', 'TENANT', 'EVALUATOR', 'AUDITOR', 'MONITOR',
    'CHANNEL_GATEWAY'));
-- 客服专员: operator staff who take and handle complaints.
alter table user_duty drop constraint user_duty_duty_check;
alter table user_duty add constraint user_duty_duty_check check (duty in ('CASHIER', 'INSPECTOR', 'REPAIR_WORKER',
    'COMPLAINT_HANDLER'));

create sequence feedback_case_number_seq;

create table feedback_case (
    id                  bigint generated always as identity primary key,
    case_number         text        not null unique,
    channel             text        not null check (channel in ('HOTLINE', 'WECHAT', 'WEIBO', 'EMAIL', 'WEB', 'COUNTER', 'CITY_12345')),
    kind                text        not null default 'COMPLAINT'
                                    check (kind in ('COMPLAINT', 'SUGGESTION', 'INQUIRY', 'HELP', 'PRAISE')),
    category            text        not null default 'OTHER'
                                    check (category in ('MOVE_IN_OUT', 'RENT', 'REPAIR', 'PATROL_VIOLATION', 'ENVIRONMENT_SAFETY',
                                                        'STAFF', 'OTHER')),
    state               text        not null check (state in ('RECEIVED', 'ACCEPTED', 'ASSIGNED', 'IN_PROGRESS', 'REPLIED',
                                                              'FOLLOWED_UP', 'REOPENED', 'CLOSED', 'REJECTED')),
    -- where it belongs (triage): a unit's project and its operator; else the operator whose staff took it; else the
    -- district's queue; else the city's (district null)
    district_code       char(6)     references district (code),
    project_id          bigint      references project (id),
    unit_id             bigint      references unit (id),
    household_id        bigint      references household (id),
    lease_id            bigint      references lease (id),
    operator_id         bigint      references organisation (id),
    handler_id          bigint      references app_user (id),
    anonymous           boolean     not null default false,
    sender              text,       -- encrypted (feedback_case.sender): the address it came from (phone, e-mail, openid, uid)
    sender_index        text,       -- keyed index of a phone number, to search and to match a household
    text                text        not null,
    received_at         timestamptz not null,
    received_by         bigint      references app_user (id),
    ack_due_on          date        not null,
    reply_due_on        date,
    external_deadline   timestamptz,
    supervised_at       timestamptz,
    supervised_by       bigint      references app_user (id),
    supervised_due_on   date,
    supervision_note    text,
    acknowledged_at     timestamptz,
    replied_at          timestamptz,
    reply               text,
    reject_reason       text,
    closed_at           timestamptz,
    closing             text        check (closing in ('FOLLOWED_UP', 'UNREACHED', 'REJECTED', 'ACKNOWLEDGED')),
    reopen_count        int         not null default 0,
    escalated_at        timestamptz,
    follow_up_tries     int         not null default 0,
    tracking_code       text,       -- SHA-256 of the code sent at acknowledgement (the public follows a case by number + code)
    parent_id           bigint      references feedback_case (id),
    work_order_id       bigint      references work_order (id),
    violation_case_id   bigint      references violation_case (id),
    paused_since        timestamptz,
    pause_reason        text,
    overdue_notified_at timestamptz,
    erased_at           timestamptz,
    version             int         not null default 0,
    check (parent_id is null or parent_id <> id)
);
create index feedback_case_district_idx on feedback_case (district_code, received_at desc);
create index feedback_case_project_idx on feedback_case (project_id, received_at desc);
create index feedback_case_operator_idx on feedback_case (operator_id) where project_id is null;
create index feedback_case_household_idx on feedback_case (household_id);
create index feedback_case_sender_idx on feedback_case (sender_index);
create index feedback_case_open_idx on feedback_case (state) where state not in ('CLOSED', 'REJECTED');

-- Every message in and out, on the case's timeline; an outgoing one waits here until its channel has sent it
-- (PENDING → SENT, or FAILED after its tries). An incoming one is unique per channel and the channel's own id
-- (Message-ID, MsgId, ticket number...): a repeat finds its case.
create table feedback_message (
    id              bigint generated always as identity primary key,
    case_id         bigint      not null references feedback_case (id),
    direction       text        not null check (direction in ('IN', 'OUT')),
    channel         text        not null check (channel in ('HOTLINE', 'WECHAT', 'WEIBO', 'EMAIL', 'WEB', 'COUNTER',
                                                            'CITY_12345', 'SMS')),
    external_id     text,
    purpose         text        check (purpose in ('ACKNOWLEDGEMENT', 'REPLY', 'FOLLOW_UP', 'CLOSING', 'NOTE')),
    body            text        not null,
    at              timestamptz not null,
    actor_id        bigint      references app_user (id),
    status          text        not null default 'RECORDED' check (status in ('RECORDED', 'PENDING', 'SENT', 'FAILED')),
    attempts        int         not null default 0,
    next_attempt_at timestamptz,
    sent_at         timestamptz,
    error           text
);
create unique index feedback_message_inbound_uq on feedback_message (channel, external_id) where direction = 'IN';
create index feedback_message_case_idx on feedback_message (case_id, at);
create index feedback_message_pending_idx on feedback_message (next_attempt_at) where status = 'PENDING';

-- The case's steps: who moved it from which state to which, and why.
create table feedback_event (
    id         bigint generated always as identity primary key,
    case_id    bigint      not null references feedback_case (id),
    from_state text,
    to_state   text        not null,
    note       text,
    actor_id   bigint      references app_user (id),
    at         timestamptz not null
);
create index feedback_event_case_idx on feedback_event (case_id, at);

-- Each try to reach the tenant after a reply, and the answer when one came: from the tenant (link or page), by phone
-- (who called, marked as entered by the operator), or in the district's sample (回访抽查, kept apart).
create table feedback_follow_up (
    id           bigint generated always as identity primary key,
    case_id      bigint      not null references feedback_case (id),
    round        int         not null,
    source       text        not null check (source in ('TENANT', 'OPERATOR_PHONE', 'DISTRICT_SAMPLE')),
    answer       text        check (answer in ('SATISFIED', 'BASICALLY_SATISFIED', 'DISSATISFIED')),
    reached      boolean     not null,
    comment      text,
    called_by    bigint      references app_user (id),
    at           timestamptz not null,
    token_hash   text unique -- the tenant's link (SHA-256 of its token), one answer per link
);
create index feedback_follow_up_case_idx on feedback_follow_up (case_id, at);

create table feedback_pause (
    id         bigint generated always as identity primary key,
    case_id    bigint      not null references feedback_case (id),
    reason     text        not null,
    started_at timestamptz not null,
    ended_at   timestamptz,
    started_by bigint      references app_user (id)
);

create table feedback_attachment (
    id            bigint generated always as identity primary key,
    case_id       bigint      not null references feedback_case (id),
    file_key      text        not null,
    sha256        text        not null,
    size          bigint      not null,
    content_type  text        not null,
    original_name text        not null,
    added_at      timestamptz not null
);

-- Where a polling channel got to (Weibo's since_id, the mailbox's last UID): kept in the database, so a restart or
-- another node goes on from there.
create table feedback_channel_cursor (
    channel    text primary key,
    cursor     text        not null,
    updated_at timestamptz not null
);

insert into policy_setting (region_code, key, value, effective_from, changed_by, reason) values
    ('610800', 'feedback.ack_working_days', '1', '2020-01-01T00:00:00+08', null, '受理（告知）不超过1个工作日'),
    ('610800', 'feedback.reply_working_days.COMPLAINT', '5', '2020-01-01T00:00:00+08', null, '投诉5个工作日内答复'),
    ('610800', 'feedback.reply_working_days.HELP', '5', '2020-01-01T00:00:00+08', null, '求助5个工作日内答复'),
    ('610800', 'feedback.reply_working_days.INQUIRY', '2', '2020-01-01T00:00:00+08', null, '咨询2个工作日内答复'),
    ('610800', 'feedback.reply_working_days.SUGGESTION', '10', '2020-01-01T00:00:00+08', null, '建议10个工作日内答复'),
    ('610800', 'feedback.max_reopens', '2', '2020-01-01T00:00:00+08', null, '不满意重办最多两次，再不满意上报区县督办'),
    ('610800', 'feedback.sample_percent', '10', '2020-01-01T00:00:00+08', null, '区县回访抽查比例10%'),
    ('610800', 'feedback.retention_years', '3', '2020-01-01T00:00:00+08', null, '办结3年后删除个人信息，案件与统计保留');
