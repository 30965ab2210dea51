-- Occupant verification (信息登记与核对): a campaign visits every occupied unit of a district (within the operator's
-- projects); each visit's outcome with evidence; a mismatch opens a draft violation case.
create table verification_campaign (
    id            bigint generated always as identity primary key,
    district_code char(6)     not null references district (code),
    name          text        not null,
    starts_on     date        not null,
    ends_on       date        not null,
    created_by    bigint      not null references app_user (id),
    created_at    timestamptz not null,
    check (ends_on >= starts_on)
);

create table verification_visit (
    id            bigint generated always as identity primary key,
    campaign_id   bigint      not null references verification_campaign (id),
    district_code char(6)     not null references district (code),
    project_id    bigint      not null references project (id),
    unit_id       bigint      not null references unit (id),
    lease_id      bigint      not null references lease (id),
    household_id  bigint      not null references household (id),
    outcome       text        check (outcome in ('MATCH', 'DIFFERENT_OCCUPANTS', 'EMPTY', 'REFUSED')),
    note          text,
    visited_by    bigint      references app_user (id),
    visited_at    timestamptz,
    latitude      numeric(9, 6),
    longitude     numeric(9, 6),
    case_id       bigint      references violation_case (id),
    unique (campaign_id, lease_id)
);
create index verification_visit_scope_idx on verification_visit (campaign_id, district_code, project_id);

create table verification_photo (
    id            bigint generated always as identity primary key,
    visit_id      bigint      not null references verification_visit (id),
    file_key      text        not null,
    sha256        char(64)    not null,
    size_bytes    bigint      not null,
    content_type  text        not null,
    original_name text        not null,
    taken_at      timestamptz not null
);

-- Monthly water and electricity use per unit, imported (CSV or Excel); units far below the thresholds for N months
-- in a row are listed as possibly idle, for a visit.
create table meter_reading (
    unit_id      bigint        not null references unit (id),
    month        date          not null check (extract(day from month) = 1),
    water_m3     numeric(10, 2) not null check (water_m3 >= 0),
    electricity_kwh numeric(10, 2) not null check (electricity_kwh >= 0),
    imported_by  bigint        references app_user (id),
    imported_at  timestamptz   not null,
    primary key (unit_id, month)
);

insert into policy_setting (region_code, key, value, effective_from, changed_by, reason) values
    ('610800', 'inspection.idle_months', '6', '2020-01-01T00:00:00+08', null, '连续6个月以上无正当理由闲置（第二十七条）'),
    ('610800', 'inspection.idle_water_m3', '1', '2020-01-01T00:00:00+08', null, '月用水量低于1立方米视为接近零'),
    ('610800', 'inspection.idle_electricity_kwh', '10', '2020-01-01T00:00:00+08', null, '月用电量低于10千瓦时视为接近零');
