-- Policy numbers as configuration with history (per region; 610800 is the city default), and leases.

create table policy_setting (
    id             bigint generated always as identity primary key,
    region_code    char(6)     not null check (region_code ~ '^[0-9]{6}$'),
    key            text        not null,
    value          text        not null,
    effective_from timestamptz not null,
    changed_by     bigint      references app_user (id),
    reason         text        not null
);
create index policy_setting_lookup_idx on policy_setting (key, region_code, effective_from desc, id desc);

insert into policy_setting (region_code, key, value, effective_from, changed_by, reason) values
    ('610800', 'lease.max_term_months', '60', '2020-01-01T00:00:00+08', null, '公共租赁住房管理办法第十八条：租赁期限一般不超过5年'),
    ('610800', 'lease.deposit_months', '3', '2020-01-01T00:00:00+08', null, '默认押金为3个月租金'),
    ('610800', 'lease.renewal_notice_months', '4', '2020-01-01T00:00:00+08', null, '期满前3个月须申请续租，提前4个月提醒'),
    ('610800', 'lease.transition_months', '2', '2020-01-01T00:00:00+08', null, '腾退过渡期2个月'),
    ('610800', 'lease.filing_days', '30', '2020-01-01T00:00:00+08', null, '签约后30日内备案');

create table lease (
    id                      bigint generated always as identity primary key,
    lease_number            text          not null unique,
    district_code           char(6)       not null references district (code),
    project_id              bigint        not null references project (id),
    unit_id                 bigint        not null references unit (id),
    household_id            bigint        not null references household (id),
    eligibility_decision_id bigint        not null references eligibility_decision (id),
    selection_applicant_id  bigint        unique references selection_applicant (id),
    rent_tier               text          not null,
    monthly_rent            numeric(10, 2) not null check (monthly_rent >= 0),
    deposit                 numeric(10, 2) not null check (deposit >= 0),
    start_date              date          not null,
    end_date                date          not null,
    status                  text          not null check (status in ('DRAFT', 'SIGNED', 'ACTIVE', 'EXPIRED', 'TERMINATED')),
    termination_reason      text,
    created_by              bigint        not null references app_user (id),
    created_at              timestamptz   not null,
    version                 int           not null default 0,
    constraint lease_term check (end_date > start_date)
);
-- one open lease per unit and per household: a unit is never let twice
create unique index lease_open_unit_uq on lease (unit_id) where status in ('DRAFT', 'SIGNED', 'ACTIVE');
create unique index lease_open_household_uq on lease (household_id) where status in ('DRAFT', 'SIGNED', 'ACTIVE');
create index lease_scope_idx on lease (district_code, status);

create table lease_event (
    id       bigint generated always as identity primary key,
    lease_id bigint      not null references lease (id),
    kind     text        not null,
    detail   text        not null default '',
    actor    bigint      references app_user (id),
    at       timestamptz not null
);
create index lease_event_lease_idx on lease_event (lease_id, at);
