-- Housing stock (projects, buildings, units, shared facilities) and households with government-only eligibility.
-- Every operational row carries its district code: the scope filter and, later, sharding key.

create table project (
    id            bigint generated always as identity primary key,
    district_code char(6)     not null references district (code),
    name          text        not null,
    address       text        not null,
    built_year    int         check (built_year between 1949 and 2100),
    created_at    timestamptz not null,
    version       int         not null default 0,
    constraint project_name_unique unique (district_code, name)
);

alter table operator_coverage
    add constraint operator_coverage_project_fk foreign key (project_id) references project (id);

create table building (
    id            bigint generated always as identity primary key,
    project_id    bigint  not null references project (id),
    district_code char(6) not null references district (code),
    number        text    not null,
    floors        int     not null check (floors between 1 and 100),
    has_elevator  boolean not null,
    constraint building_number_unique unique (project_id, number)
);

create table unit (
    id            bigint generated always as identity primary key,
    project_id    bigint        not null references project (id),
    building_id   bigint        not null references building (id),
    district_code char(6)       not null references district (code),
    floor         int           not null,
    number        text          not null,
    layout        text          not null,
    building_area numeric(8, 2) not null check (building_area > 0),
    usable_area   numeric(8, 2) not null check (usable_area > 0),
    rent_area     numeric(8, 2) not null check (rent_area > 0),
    orientation   text,
    status        text          not null check (status in ('VACANT', 'RESERVED', 'OCCUPIED', 'UNDER_REPAIR', 'OFFLINE')),
    version       int           not null default 0,
    constraint unit_number_unique unique (building_id, number),
    constraint unit_areas check (usable_area <= building_area)
);
create index unit_scope_idx on unit (district_code, project_id, status);

-- Every change of a unit's state: who, when, why.
create table unit_status_change (
    id          bigint generated always as identity primary key,
    unit_id     bigint      not null references unit (id),
    from_status text        not null,
    to_status   text        not null,
    reason      text        not null,
    changed_by  bigint      references app_user (id),
    changed_at  timestamptz not null
);
create index unit_status_change_unit_idx on unit_status_change (unit_id, changed_at);

create table shared_facility (
    id                    bigint generated always as identity primary key,
    project_id            bigint  not null references project (id),
    building_id           bigint  references building (id),
    district_code         char(6) not null references district (code),
    kind                  text    not null check (kind in ('ELEVATOR', 'WATER_PUMP', 'WATER_TANK', 'FIRE_EQUIPMENT',
                                                           'LIGHTING', 'DRAINAGE', 'ACCESS_CONTROL', 'OTHER')),
    name                  text    not null,
    location              text    not null,
    maker                 text,
    installed_on          date,
    inspection_cycle_days int     not null check (inspection_cycle_days between 1 and 3660)
);
create index shared_facility_project_idx on shared_facility (project_id);

-- Households the government found eligible. Names are kept readable (staff search by them); ID numbers and
-- phones only encrypted, with keyed blind indexes for exact search (and the phone's last four digits).
create table household (
    id             bigint generated always as identity primary key,
    district_code  char(6)     not null references district (code),
    category       text        not null check (category in ('MINIMUM_LIVING', 'EXTREME_POVERTY', 'LOW_INCOME',
                                                 'LOWER_MIDDLE_INCOME', 'NEW_EMPLOYEE', 'MIGRANT_WORKER', 'OTHER')),
    special_groups text[]      not null default '{}',
    registered_on  date        not null,
    created_at     timestamptz not null,
    version        int         not null default 0
);
create index household_scope_idx on household (district_code, category);

create table household_member (
    id                bigint generated always as identity primary key,
    household_id      bigint   not null references household (id),
    name              text     not null,
    relationship      text     not null check (relationship in ('HEAD', 'SPOUSE', 'CHILD', 'PARENT', 'SIBLING',
                                                                'GRANDCHILD', 'OTHER')),
    id_number         text     not null,   -- enc:v1:... (FieldCipher, purpose household_member.id_number)
    id_number_index   char(64) not null,   -- BlindIndex of the normalised number
    phone             text,                -- enc:v1:... (purpose household_member.phone)
    phone_index       char(64),
    phone_last4_index char(64),
    birth_date        date     not null
);
create unique index household_member_id_number_uq on household_member (id_number_index);
create index household_member_household_idx on household_member (household_id);
create index household_member_phone_idx on household_member (phone_index);
create index household_member_phone4_idx on household_member (phone_last4_index);
create index household_member_name_idx on household_member (name text_pattern_ops);
create unique index household_one_head_uq on household_member (household_id) where relationship = 'HEAD';

-- Eligibility decisions: the government's alone. Never overwritten; an extension is a new decision that names the
-- one it follows; status changes are recorded in eligibility_status_change.
create table eligibility_decision (
    id              bigint generated always as identity primary key,
    household_id    bigint        not null references household (id),
    district_code   char(6)       not null references district (code),
    decision_number text          not null unique,
    issuing_bureau  text          not null,
    decided_on      date          not null,
    valid_from      date          not null,
    valid_to        date          not null,
    approved_area   numeric(6, 2) not null check (approved_area > 0),
    rent_tier       text          not null check (rent_tier in ('MARKET', 'STANDARD', 'REDUCED', 'MINIMUM')),
    status          text          not null check (status in ('VALID', 'SUSPENDED', 'REVOKED', 'EXPIRED')),
    status_reason   text,
    follows_id      bigint        references eligibility_decision (id),
    created_by      bigint        not null references app_user (id),
    created_at      timestamptz   not null,
    version         int           not null default 0,
    constraint eligibility_dates check (valid_to > valid_from and valid_from >= decided_on - 30)
);
create index eligibility_household_idx on eligibility_decision (household_id, valid_to desc);
create index eligibility_due_idx on eligibility_decision (district_code, status, valid_to);

create table eligibility_status_change (
    id          bigint generated always as identity primary key,
    decision_id bigint      not null references eligibility_decision (id),
    from_status text        not null,
    to_status   text        not null,
    reason      text        not null,
    changed_by  bigint      references app_user (id),
    changed_at  timestamptz not null
);

-- What an operator observed and reports; a district officer accepts or rejects it. The operator never changes
-- eligibility itself.
create table change_report (
    id            bigint generated always as identity primary key,
    household_id  bigint      not null references household (id),
    district_code char(6)     not null references district (code),
    kind          text        not null check (kind in ('MEMBER_MOVED_OUT', 'MEMBER_MOVED_IN', 'INCOME_ROSE',
                                                       'BOUGHT_HOUSE', 'CONTACT_CHANGED', 'OTHER')),
    description   text        not null,
    status        text        not null check (status in ('PENDING', 'ACCEPTED', 'REJECTED')),
    reported_by   bigint      not null references app_user (id),
    reported_at   timestamptz not null,
    decided_by    bigint      references app_user (id),
    decided_at    timestamptz,
    decision_note text,
    version       int         not null default 0
);
create index change_report_scope_idx on change_report (district_code, status);

-- Every Excel import, its counts, and (when rows were refused) the sheet with an error column, encrypted:
-- it holds the uploader's personal data, and only the uploader can download it.
create table import_run (
    id           bigint generated always as identity primary key,
    kind         text        not null,
    app_user     bigint      not null references app_user (id),
    filename     text        not null,
    file_sha256  char(64)    not null,
    rows         int         not null,
    created      int         not null,
    updated      int         not null,
    skipped      int         not null,
    errors       int         not null,
    error_report text,
    created_at   timestamptz not null
);
create index import_run_user_idx on import_run (app_user, created_at desc);
