-- Rent (租金): standards and tiers with history, bills, payments with idempotency keys, allocations, credits,
-- reversals, deposits. Money is numeric(…, 2); money rows are never updated or deleted: corrections are new rows
-- (credit or debit notes, reversal payments).

-- The lease carries the contract's rent area and billing cycle (the lease module's terms, read by billing
-- through the lease module's published view below).
alter table lease add column rent_area numeric(8, 2);
update lease l set rent_area = u.rent_area from unit u where u.id = l.unit_id;
alter table lease alter column rent_area set not null;
alter table lease add column billing_cycle text not null default 'MONTHLY'
    check (billing_cycle in ('MONTHLY', 'QUARTERLY', 'HALF_YEARLY', 'YEARLY'));

-- What billing may read of a lease: the lease module's published read model (billing never reads lease tables).
create view lease_billing_basis as
select l.id as lease_id, l.lease_number, l.district_code, l.project_id, l.unit_id, l.household_id, l.rent_tier,
       l.rent_area, l.billing_cycle, l.start_date, l.end_date, l.status, l.vacate_by, l.moved_out_on, l.monthly_rent,
       l.deposit
  from lease l
 where l.status = 'ACTIVE'   -- only move-in or a renewal's take-over makes a lease active
    or l.status in ('EXPIRED', 'TERMINATED')
       and exists (select 1 from lease_event e where e.lease_id = l.id and e.kind in ('MOVED_IN', 'RENEWAL_STARTED'));

-- Rent standards per project (yuan per m² of rent area per month), effective-dated, approved by a government officer.
create table rent_standard (
    id             bigint generated always as identity primary key,
    project_id     bigint        not null references project (id),
    district_code  char(6)       not null references district (code),
    kind           text          not null check (kind in ('STANDARD', 'MARKET')),
    yuan_per_sqm   numeric(8, 2) not null check (yuan_per_sqm > 0),
    effective_from date          not null,
    approved_by    bigint        references app_user (id),
    approved_at    timestamptz   not null,
    reason         text          not null,
    unique (project_id, kind, effective_from)
);

-- The reduction each rent tier gets off the standard, per region with history (610800 = the city default).
create table rent_tier_reduction (
    id             bigint generated always as identity primary key,
    region_code    char(6)        not null check (region_code ~ '^[0-9]{6}$'),
    rent_tier      text           not null check (rent_tier in ('MARKET', 'STANDARD', 'REDUCED', 'MINIMUM')),
    mode           text           not null check (mode in ('PERCENT', 'FIXED')),
    amount         numeric(10, 2) not null check (amount >= 0),
    effective_from date           not null,
    changed_by     bigint         references app_user (id),
    reason         text           not null,
    unique (region_code, rent_tier, effective_from)
);
insert into rent_tier_reduction (region_code, rent_tier, mode, amount, effective_from, reason) values
    ('610800', 'MARKET', 'PERCENT', 0, '2020-01-01', '市场租金档：按市场租金标准计收'),
    ('610800', 'STANDARD', 'PERCENT', 0, '2020-01-01', '标准租金档：按租金标准计收'),
    ('610800', 'REDUCED', 'PERCENT', 50, '2020-01-01', '低收入家庭：减收50%'),
    ('610800', 'MINIMUM', 'PERCENT', 90, '2020-01-01', '低保、特困家庭：减收90%');

insert into policy_setting (region_code, key, value, effective_from, changed_by, reason) values
    ('610800', 'rent.due_day', '20', '2020-01-01T00:00:00+08', null, '每期首月20日为缴费截止日'),
    ('610800', 'rent.late_fee_daily_rate', '0.0005', '2020-01-01T00:00:00+08', null, '滞纳金按欠缴本金每日万分之五，不计复利'),
    ('610800', 'rent.late_fee_cap_ratio', '1', '2020-01-01T00:00:00+08', null, '滞纳金累计不超过欠缴本金'),
    ('610800', 'rent.remit_day', '10', '2020-01-01T00:00:00+08', null, '次月10日前上缴国库'),
    ('610800', 'rent.arrears_case_months', '6', '2020-01-01T00:00:00+08', null, '累计拖欠6个月租金的报政府处理');

-- A bill run: one audited entry per run, whatever its size.
create table bill_run (
    id          bigint generated always as identity primary key,
    period      date           not null check (extract(day from period) = 1),
    trigger     text           not null check (trigger in ('SCHEDULED', 'MANUAL')),
    actor       bigint         references app_user (id),
    started_at  timestamptz    not null,
    finished_at timestamptz,
    bills       int,
    total       numeric(14, 2),
    digest      char(64)
);

-- Bills: exactly one per lease, charge type and period start; never edited. Lease, district, project and household
-- come from the lease module's view in the same statement that writes the bill (and leases are never deleted), so
-- a run of 100,000 bills pays no foreign-key lookup per row. How the amount was computed is kept as its factors.
create table bill (
    id            bigint generated always as identity primary key,
    lease_id      bigint         not null,
    district_code char(6)        not null,
    project_id    bigint         not null,
    household_id  bigint         not null,
    charge_type   text           not null check (charge_type in ('RENT', 'RENT_MARKET', 'PROPERTY_FEE', 'WATER', 'ELECTRICITY', 'PARKING')),
    period_start  date           not null,
    period_end    date           not null,
    due_date      date           not null,
    amount        numeric(12, 2) not null check (amount >= 0),
    yuan_per_sqm  numeric(8, 2)  not null,
    rent_area     numeric(8, 2)  not null,
    reduction     text           not null default '',   -- '50%' or '30.00' (yuan off the month) or ''
    months        numeric(12, 8) not null,
    run_id        bigint,        -- the bill_run that made it (informational: no per-row key check in a run)
    created_at    timestamptz    not null,
    constraint bill_period check (period_end >= period_start),
    unique (lease_id, charge_type, period_start)
);
create index bill_scope_idx on bill (district_code, period_start);
create index bill_lease_idx on bill (lease_id, due_date);

-- Debit notes (late fees, corrections) and credit notes on a bill; a bill itself never changes.
create table bill_adjustment (
    id         bigint generated always as identity primary key,
    bill_id    bigint         not null references bill (id),
    kind       text           not null check (kind in ('LATE_FEE', 'DEBIT', 'CREDIT')),
    amount     numeric(12, 2) not null check (amount > 0),
    reason     text           not null,
    as_of      date           not null,
    actor      bigint         references app_user (id),
    created_at timestamptz    not null
);
create unique index bill_adjustment_late_fee_uq on bill_adjustment (bill_id, as_of) where kind = 'LATE_FEE';
create index bill_adjustment_bill_idx on bill_adjustment (bill_id);

-- Payments, and reversals as payments of the opposite sign pointing at what they reverse.
create table payment (
    id                  bigint generated always as identity primary key,
    receipt_number      text           not null unique,
    lease_id            bigint         not null references lease (id),
    household_id        bigint         not null references household (id),
    district_code       char(6)        not null references district (code),
    project_id          bigint         not null references project (id),
    channel             text           not null check (channel in ('CASH', 'POS', 'BANK_TRANSFER', 'ONLINE', 'DEPOSIT')),
    amount              numeric(12, 2) not null check (amount <> 0),
    reference           text           not null default '',
    received_at         timestamptz    not null,
    recorded_by         bigint         references app_user (id),
    reverses_payment_id bigint         unique references payment (id),
    reversal_reason     text,
    constraint payment_reversal_sign check ((reverses_payment_id is null) = (amount > 0))
);
create index payment_lease_idx on payment (lease_id, received_at);
create index payment_scope_idx on payment (district_code, received_at);

-- The idempotency key of every payment request, in its own table (a unique index cannot span partitions).
create table payment_idempotency (
    key          text        primary key check (length(key) between 8 and 100),
    request_hash char(64)    not null,
    payment_id   bigint      not null references payment (id),
    created_at   timestamptz not null
);

-- Where each payment's money went: to bills (oldest first) or to the lease's credit balance. A credit applied to a
-- later bill is a pair of rows (-credit, +bill) with the same payment, so every yuan stays traceable to its cash.
create table payment_allocation (
    id         bigint generated always as identity primary key,
    payment_id bigint         not null references payment (id),
    lease_id   bigint         not null references lease (id),
    bill_id    bigint         references bill (id),
    amount     numeric(12, 2) not null check (amount <> 0),
    created_at timestamptz    not null
);
create index payment_allocation_bill_idx on payment_allocation (bill_id);
create index payment_allocation_lease_idx on payment_allocation (lease_id);

-- The official fiscal e-receipt (财政电子票据) number, recorded through the finance platform's adapter.
create table fiscal_receipt (
    payment_id  bigint      primary key references payment (id),
    number      text        not null unique,
    recorded_at timestamptz not null
);

-- Deposits: not rent, not treasury money; their own ledger.
create table deposit_entry (
    id          bigint generated always as identity primary key,
    lease_id    bigint         not null references lease (id),
    kind        text           not null check (kind in ('RECEIVED', 'REFUNDED', 'DEDUCTED_DAMAGES', 'DEDUCTED_ARREARS')),
    amount      numeric(12, 2) not null check (amount > 0),
    payment_id  bigint         references payment (id),
    note        text           not null default '',
    actor       bigint         references app_user (id),
    at          timestamptz    not null
);
create index deposit_entry_lease_idx on deposit_entry (lease_id);

-- How many months a span of days is, month by month: a full calendar month is 1, 17 days of a 31-day month is
-- 17/31. A bill is the monthly rent times this, rounded once to the fen (half up); docs/rent.md.
create function billing_months(s date, e date) returns numeric language sql immutable as $$
    select coalesce(sum((least(e, (m + interval '1 month' - interval '1 day')::date) - greatest(s, m::date) + 1)::numeric
                        / extract(day from (m + interval '1 month' - interval '1 day'))::numeric), 0)
      from generate_series(date_trunc('month', s), date_trunc('month', e), interval '1 month') as m
     where e >= s
$$;

create sequence receipt_seq;

-- A bill with what was added to it (debit notes, late fees), taken off it (credit notes) and paid: the one place
-- the outstanding amount is defined.
create view bill_balance as
select b.*, coalesce(adj.total, 0) as adjustments, coalesce(pa.total, 0) as paid,
       b.amount + coalesce(adj.total, 0) - coalesce(pa.total, 0) as outstanding
  from bill b
  left join lateral (select sum(case when a.kind = 'CREDIT' then -a.amount else a.amount end) as total
                       from bill_adjustment a where a.bill_id = b.id) adj on true
  left join lateral (select sum(p.amount) as total from payment_allocation p where p.bill_id = b.id) pa on true;
