-- What other modules read of leases and units, published by their owners (as lease_billing_basis is):

-- the lease module: who lives where now — moved in (or a renewal took over), not moved out, and not a lease its
-- renewal has since taken over (that household is the renewal's).
create view lease_occupancy as
select l.id as lease_id, l.lease_number, l.district_code, l.project_id, l.unit_id, l.household_id, l.status
  from lease l
 where l.status in ('ACTIVE', 'EXPIRED', 'TERMINATED') and l.moved_out_on is null
   and exists (select 1 from lease_event e where e.lease_id = l.id and e.kind in ('MOVED_IN', 'RENEWAL_STARTED'))
   and not exists (select 1 from lease r where r.renews_lease_id = l.id and r.status in ('ACTIVE', 'EXPIRED', 'TERMINATED'));

-- the housing module: how a unit is named ("沙河路公租房小区 3栋1004") and where it is
create view unit_label as
select u.id as unit_id, u.district_code, u.project_id, p.name as project_name, b.number as building_number, u.number as unit_number,
       p.name || ' ' || b.number || '栋' || u.number as label
  from unit u join building b on b.id = u.building_id join project p on p.id = u.project_id;

-- a visit keeps the lease number it was made for (numbers never change), as a case does
alter table verification_visit add column lease_number text;
update verification_visit v set lease_number = l.lease_number from lease l where l.id = v.lease_id;
alter table verification_visit alter column lease_number set not null;
