-- Views each owner publishes so that other modules' SQL never names its tables (docs/architecture.md, "Tables each
-- module owns"; TableOwnershipTest enforces it). A view is the owner's promise: its columns keep their names and
-- meaning when the tables behind it change. The application's role reads them through the owner's default
-- privileges (docs/security.md), like every view before these.

-- identity: how lists name the person behind an account (the actor of an event, the cashier of a payment), and the
-- organisation the account acts for
create view staff_name as
select u.id as user_id, u.display_name, u.organisation_id
  from app_user u;

-- housing: a project's name and where it is
create view project_place as
select p.id as project_id, p.district_code, p.name, p.address
  from project p;

-- housing: a shared facility's name and where it stands (its building, when it stands in one)
create view facility_place as
select f.id as facility_id, f.district_code, f.project_id, p.name as project_name, f.building_id,
       b.number as building_number, f.kind, f.name, f.location
  from shared_facility f
  join project p on p.id = f.project_id
  left join building b on b.id = f.building_id;

-- housing: unit_label also says which building the unit stands in (a new column goes last, so the view's existing
-- columns keep their places and readers of them are untouched)
create or replace view unit_label as
select u.id as unit_id, u.district_code, u.project_id, p.name as project_name, b.number as building_number, u.number as unit_number,
       p.name || ' ' || b.number || '栋' || u.number as label, u.building_id
  from unit u join building b on b.id = u.building_id join project p on p.id = u.project_id;

-- audit: the audit chain's last link, which a backup records and a restore must end at
create view audit_head as
select c.seq, c.audit_id, c.chain_hash
  from audit_chain c
 order by c.seq desc
 limit 1;
