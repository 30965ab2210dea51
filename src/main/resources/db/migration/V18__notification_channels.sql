-- Notification channels beyond SMS. A household member may give an e-mail address and bind a WeChat account; both
-- are personal information and stored encrypted (purposes household_member.email / household_member.wechat_openid).
alter table household_member add column email text;
alter table household_member add column wechat_openid text;

-- A send that failed (SMTP down, say) is tried again later, a few times, before it is marked FAILED.
alter table notification_outbox add column next_attempt_at timestamptz;
drop index notification_outbox_pending_idx;
create index notification_outbox_pending_idx on notification_outbox (id) where status = 'PENDING';

-- What the recording WeChat adapter "sent" (no official account is contracted yet): masked account and text.
create table wechat_log (
    id            bigint generated always as identity primary key,
    outbox_id     bigint      not null references notification_outbox (id),
    openid_masked text        not null,
    template      text        not null,
    text          text        not null,
    sent_at       timestamptz not null
);
