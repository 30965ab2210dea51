-- Dunning (催缴): each stage of each lease's oldest open bill is notified once.
create table dunning_notice (
    id       bigint generated always as identity primary key,
    lease_id bigint      not null references lease (id),
    bill_id  bigint      not null references bill (id),
    stage    text        not null check (stage in ('BEFORE_DUE', 'OVERDUE_1', 'OVERDUE_30', 'OVERDUE_90')),
    amount   numeric(12, 2) not null,
    sent_on  date        not null,
    unique (bill_id, stage)
);
create index dunning_notice_lease_idx on dunning_notice (lease_id, sent_on desc);

insert into policy_setting (region_code, key, value, effective_from, changed_by, reason) values
    ('610800', 'rent.dunning_days_before_due', '5', '2020-01-01T00:00:00+08', null, '缴费截止日前5天提醒'),
    ('610800', 'rent.dunning_overdue_days', '1,30,90', '2020-01-01T00:00:00+08', null, '逾期1天、30天、90天分别催缴');
