-- The rest of a lease's life: renewal, amendments with versions, filing with the bureau, move-in and move-out
-- handovers, the transition period, the working-day calendar, the resident file and its documents.

-- Renewal: a new lease that follows an active one, for the same household and unit. While it waits (DRAFT or
-- SIGNED) the lease it renews is still ACTIVE, so the "one open lease per unit / household" rule becomes: one
-- ACTIVE lease, one first-time lease being prepared, and one renewal per lease.
alter table lease add column renews_lease_id bigint references lease (id);
drop index lease_open_unit_uq;
drop index lease_open_household_uq;
create unique index lease_active_unit_uq on lease (unit_id) where status = 'ACTIVE';
create unique index lease_active_household_uq on lease (household_id) where status = 'ACTIVE';
create unique index lease_pending_unit_uq on lease (unit_id) where status in ('DRAFT', 'SIGNED') and renews_lease_id is null;
create unique index lease_pending_household_uq on lease (household_id) where status in ('DRAFT', 'SIGNED') and renews_lease_id is null;
create unique index lease_renewal_uq on lease (renews_lease_id) where status in ('DRAFT', 'SIGNED', 'ACTIVE');

-- Amendments: every change to a signed lease is a numbered version with what it was and what it became.
alter table lease add column amendment_no int not null default 0;
alter table lease add column member_count int;
create table lease_amendment (
    id         bigint generated always as identity primary key,
    lease_id   bigint      not null references lease (id),
    version_no int         not null,
    kind       text        not null check (kind in ('MEMBERS', 'UNIT_EXCHANGE', 'RENT_TIER')),
    before     jsonb       not null,
    after      jsonb       not null,
    reason     text        not null,
    actor      bigint      not null references app_user (id),
    at         timestamptz not null,
    unique (lease_id, version_no)
);

-- Filing (备案): due a number of days after signing (working days by default, per the calendar below); the operator
-- submits, a government officer of the district confirms with the bureau's filing number.
alter table lease add column signed_on date;
alter table lease add column filing_due_on date;
alter table lease add column filing_submitted_at timestamptz;
alter table lease add column filing_number text unique;
alter table lease add column filed_on date;
alter table lease add column filed_by bigint references app_user (id);
create index lease_filing_due_idx on lease (filing_due_on) where filed_on is null;

insert into policy_setting (region_code, key, value, effective_from, changed_by, reason) values
    ('610800', 'lease.filing_counting', 'WORKING_DAYS', '2020-01-01T00:00:00+08', null, '备案期限按工作日计算（可改为 CALENDAR_DAYS 自然日）'),
    ('610800', 'lease.renewal_apply_months', '3', '2020-01-01T00:00:00+08', null, '公共租赁住房管理办法第三十条：期满前3个月提出续租申请');

-- The working-day calendar: Monday to Friday work unless a HOLIDAY row says otherwise; a weekend day works when a
-- WORKDAY row (调休上班) says so. Administrators keep it from the State Council's yearly notice.
create table working_day_calendar (
    day        date        primary key,
    kind       text        not null check (kind in ('HOLIDAY', 'WORKDAY')),
    name       text        not null,
    updated_by bigint      references app_user (id),
    updated_at timestamptz not null default now()
);
-- 国务院办公厅关于2026年部分节假日安排的通知
insert into working_day_calendar (day, kind, name)
select d::date, 'HOLIDAY', n from (values
    ('2026-01-01', '2026-01-03', '元旦'), ('2026-02-15', '2026-02-23', '春节'), ('2026-04-04', '2026-04-06', '清明节'),
    ('2026-05-01', '2026-05-05', '劳动节'), ('2026-06-19', '2026-06-21', '端午节'), ('2026-09-25', '2026-09-27', '中秋节'),
    ('2026-10-01', '2026-10-07', '国庆节')) as h(f, t, n), generate_series(f::date, t::date, interval '1 day') d;
insert into working_day_calendar (day, kind, name) values
    ('2026-01-04', 'WORKDAY', '元旦调休上班'), ('2026-02-14', 'WORKDAY', '春节调休上班'), ('2026-02-28', 'WORKDAY', '春节调休上班'),
    ('2026-05-09', 'WORKDAY', '劳动节调休上班'), ('2026-09-20', 'WORKDAY', '国庆节调休上班'), ('2026-10-10', 'WORKDAY', '国庆节调休上班');

-- Move-in and move-out handovers: the checklist as it was ticked, with the meter readings.
create table lease_handover (
    id                   bigint generated always as identity primary key,
    lease_id             bigint        not null references lease (id),
    kind                 text          not null check (kind in ('MOVE_IN', 'MOVE_OUT')),
    keys                 int           not null check (keys >= 0),
    water_reading        numeric(12, 2) not null check (water_reading >= 0),
    electricity_reading  numeric(12, 2) not null check (electricity_reading >= 0),
    gas_reading          numeric(12, 2) check (gas_reading >= 0),
    fixtures             jsonb         not null,
    photo_document_ids   bigint[]      not null default '{}',
    damages              text          not null default '',
    damage_amount        numeric(10, 2) not null default 0 check (damage_amount >= 0),
    unit_returned_as     text          check (unit_returned_as in ('VACANT', 'UNDER_REPAIR')),
    actor                bigint        not null references app_user (id),
    at                   timestamptz   not null,
    unique (lease_id, kind)
);

-- Move-out and the transition period: a household that must leave has until vacate_by; moved_out_on closes it.
alter table lease add column vacate_by date;
alter table lease add column moved_out_on date;
alter table lease add column eligibility_lapse_flagged_on date;

-- The settlement statement at move-out. Arrears come from the rent ledger through an interface; until the rent
-- module records them, arrears_known is false and the refund is not computed rather than guessed as zero.
create table lease_settlement (
    lease_id      bigint         primary key references lease (id),
    deposit       numeric(10, 2) not null,
    damages       numeric(10, 2) not null,
    arrears       numeric(10, 2),
    arrears_known boolean        not null,
    refund        numeric(10, 2),
    source        text           not null,
    at            timestamptz    not null
);

-- The resident file: one timeline per household, written by listening to what every module publishes.
create table resident_file_entry (
    id           bigint generated always as identity primary key,
    household_id bigint      not null references household (id),
    at           timestamptz not null,
    kind         text        not null,
    title        text        not null,
    detail       text        not null default '',
    ref_type     text        not null,
    ref_id       bigint      not null,
    actor        bigint      references app_user (id)
);
create index resident_file_entry_idx on resident_file_entry (household_id, at desc, id desc);

create table resident_document (
    id            bigint generated always as identity primary key,
    household_id  bigint      not null references household (id),
    category      text        not null check (category in ('ID_COPY', 'CONTRACT', 'HANDOVER_PHOTO', 'DECISION', 'OTHER')),
    title         text        not null,
    file_key      text        not null,
    sha256        char(64)    not null,
    size_bytes    bigint      not null,
    content_type  text        not null,
    original_name text        not null,
    uploaded_by   bigint      not null references app_user (id),
    uploaded_at   timestamptz not null
);
create index resident_document_idx on resident_document (household_id, uploaded_at desc);
