-- Other charges (property service fee, water, electricity, parking): billed by the same bill run as separate charge
-- types, paid by their own payments, and never part of rent, its figures or its remittance to the treasury. Every
-- bill and payment belongs to one account: RENT (rent, market rent, and the late fees on them) or CHARGES.

-- What a lease is charged besides rent, with history: a fixed amount a month or a rate per m² of rent area a month,
-- from a date until an end date (a change is a new row; the old one is ended, never edited).
create table other_charge (
    id             bigint generated always as identity primary key,
    lease_id       bigint         not null references lease (id),
    charge_type    text           not null check (charge_type in ('PROPERTY_FEE', 'WATER', 'ELECTRICITY', 'PARKING')),
    basis          text           not null check (basis in ('FIXED', 'PER_SQM')),
    amount         numeric(10, 2) not null check (amount > 0),
    effective_from date           not null,
    effective_to   date,
    note           text           not null default '',
    created_by     bigint         references app_user (id),
    created_at     timestamptz    not null,
    ended_by       bigint         references app_user (id),
    check (effective_to is null or effective_to >= effective_from)
);
create index other_charge_lease_idx on other_charge (lease_id);
-- at most one open charge of a type per lease
create unique index other_charge_open_uq on other_charge (lease_id, charge_type) where effective_to is null;

alter table bill add column account text generated always as
    (case when charge_type in ('RENT', 'RENT_MARKET') then 'RENT' else 'CHARGES' end) stored;
-- a fixed monthly charge has no rate per m²: its factors are the monthly amount and the months
alter table bill alter column yuan_per_sqm drop not null;
alter table bill alter column rent_area drop not null;
alter table bill add column monthly_amount numeric(10, 2);
create index bill_account_lease_idx on bill (lease_id, account, due_date);

alter table payment add column account text not null default 'RENT' check (account in ('RENT', 'CHARGES'));

drop view bill_balance;
create view bill_balance as
select b.*, coalesce(adj.total, 0) as adjustments, coalesce(pa.total, 0) as paid,
       b.amount + coalesce(adj.total, 0) - coalesce(pa.total, 0) as outstanding
  from bill b
  left join lateral (select sum(case when a.kind = 'CREDIT' then -a.amount else a.amount end) as total
                       from bill_adjustment a where a.bill_id = b.id) adj on true
  left join lateral (select sum(p.amount) as total from payment_allocation p where p.bill_id = b.id) pa on true;

-- a bill run's other charges, counted apart from its rent
alter table bill_run add column charge_bills int not null default 0;
alter table bill_run add column charge_total numeric(14, 2) not null default 0;
