-- Direct allocation (直接配租): outside a selection round, a government officer of the district reserves a vacant
-- unit for an eligible waiting household, with the reason; the lease is then drafted from it. One reservation
-- open per household at a time.
create table direct_allocation (
    id            bigint generated always as identity primary key,
    district_code char(6)     not null references district (code),
    household_id  bigint      not null references household (id),
    unit_id       bigint      not null references unit (id),
    reason        text        not null,
    status        text        not null check (status in ('RESERVED', 'LEASED', 'CANCELLED')),
    approved_by   bigint      not null references app_user (id),
    approved_at   timestamptz not null,
    version       int         not null default 0
);
create unique index direct_allocation_open_uq on direct_allocation (household_id) where status = 'RESERVED';
create index direct_allocation_district_idx on direct_allocation (district_code, approved_at desc);

alter table lease add column direct_allocation_id bigint unique references direct_allocation (id);
alter table lease add constraint lease_one_source
    check (num_nonnulls(selection_applicant_id, direct_allocation_id, renews_lease_id) <= 1);
