-- Metered water and electricity: a charge priced per m³ or kWh, billed in arrears from the month's readings.

-- The inspection module publishes each unit's monthly use (imported from the utilities) for billing to read.
create view unit_meter_month as
select unit_id, month, water_m3, electricity_kwh from meter_reading;

alter table other_charge drop constraint other_charge_basis_check;
alter table other_charge add constraint other_charge_basis_check check (basis in ('FIXED', 'PER_SQM', 'METERED'));
alter table other_charge add constraint other_charge_metered_utilities check (basis <> 'METERED' or charge_type in ('WATER', 'ELECTRICITY'));

-- a metered bill's factors: the quantity used and the unit price
alter table bill add column quantity numeric(12, 2);
alter table bill add column unit_price numeric(10, 2);

-- the balance view lists the bill's columns as they were when it was made: made again with the new ones
drop view bill_balance;
create view bill_balance as
select b.*, coalesce(adj.total, 0) as adjustments, coalesce(pa.total, 0) as paid,
       b.amount + coalesce(adj.total, 0) - coalesce(pa.total, 0) as outstanding
  from bill b
  left join lateral (select sum(case when a.kind = 'CREDIT' then -a.amount else a.amount end) as total
                       from bill_adjustment a where a.bill_id = b.id) adj on true
  left join lateral (select sum(p.amount) as total from payment_allocation p where p.bill_id = b.id) pa on true;
