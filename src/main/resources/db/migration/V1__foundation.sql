-- Foundation: reference districts, organisations, accounts, operator coverage, sessions, event outbox.
-- Runs on PostgreSQL 15 through 18: no syntax newer than 15.

-- GB/T 2260 administrative divisions the platform serves. Reference data, present in every profile.
create table district (
    code        char(6) primary key check (code ~ '^[0-9]{6}$'),
    name        text    not null,
    city_code   char(6) not null,
    sort_order  int     not null
);

insert into district (code, name, city_code, sort_order) values
    ('610802', '榆阳区', '610800', 1),
    ('610803', '横山区', '610800', 2),
    ('610822', '府谷县', '610800', 3),
    ('610824', '靖边县', '610800', 4),
    ('610825', '定边县', '610800', 5),
    ('610826', '绥德县', '610800', 6),
    ('610827', '米脂县', '610800', 7),
    ('610828', '佳县',   '610800', 8),
    ('610829', '吴堡县', '610800', 9),
    ('610830', '清涧县', '610800', 10),
    ('610831', '子洲县', '610800', 11),
    ('610881', '神木市', '610800', 12);

create table organisation (
    id             bigint generated always as identity primary key,
    code           text        not null unique check (code ~ '^[A-Z0-9_-]{2,40}$'),
    name           text        not null,
    type           text        not null check (type in ('CITY_BUREAU', 'DISTRICT_HOUSING', 'DISTRICT_FINANCE',
                                                        'OPERATOR', 'EVALUATOR')),
    -- City bureau: the city code; district bodies: their district; operators and evaluators: none.
    region_code    char(6)     check (region_code ~ '^[0-9]{6}$'),
    credit_code    text,       -- 统一社会信用代码 of operators and evaluators
    active         boolean     not null default true,
    created_at     timestamptz not null default now(),
    version        int         not null default 0,
    constraint organisation_region_matches_type check (
        (type in ('OPERATOR', 'EVALUATOR')) or region_code is not null)
);

create table app_user (
    id                   bigint generated always as identity primary key,
    username             text        not null,
    display_name         text        not null,
    organisation_id      bigint      not null references organisation (id),
    password_hash        text        not null,
    enabled              boolean     not null default true,
    must_change_password boolean     not null default false,
    created_at           timestamptz not null default now(),
    updated_at           timestamptz not null default now(),
    version              int         not null default 0,
    constraint app_user_username_format check (username ~ '^[a-z0-9][a-z0-9._-]{2,39}$')
);
create unique index app_user_username_uq on app_user (lower(username));

create table user_role (
    app_user bigint not null references app_user (id) on delete cascade,
    role     text   not null check (role in ('SYSTEM_ADMIN', 'SECURITY_ADMIN', 'GOV_ADMIN', 'GOV_OFFICER', 'FINANCE',
                                             'OPERATOR_MANAGER', 'OPERATOR_STAFF', 'TENANT', 'EVALUATOR', 'AUDITOR')),
    primary key (app_user, role)
);

-- Duty permissions inside an operator: 收银员, 巡查员, 维修工.
create table user_duty (
    app_user bigint not null references app_user (id) on delete cascade,
    duty     text   not null check (duty in ('CASHIER', 'INSPECTOR', 'REPAIR_WORKER')),
    primary key (app_user, duty)
);

-- Which operator serves which projects or whole districts, and when. Maintained by government officers until
-- service contracts exist; operator data scope is read from here. Project ids gain a foreign key when the
-- housing module creates projects.
create table operator_coverage (
    id            bigint generated always as identity primary key,
    operator_id   bigint      not null references organisation (id),
    district_code char(6)     not null references district (code),
    project_id    bigint,
    valid_from    date        not null,
    valid_to      date,
    note          text,
    created_by    bigint      not null references app_user (id),
    created_at    timestamptz not null default now(),
    ended_by      bigint      references app_user (id),
    ended_at      timestamptz,
    version       int         not null default 0,
    constraint operator_coverage_dates check (valid_to is null or valid_to >= valid_from)
);
create index operator_coverage_operator_idx on operator_coverage (operator_id, valid_from);
create index operator_coverage_district_idx on operator_coverage (district_code);

-- Spring Session JDBC: sessions live in the database so that any node can serve any request.
create table spring_session (
    primary_id            char(36)     not null,
    session_id            char(36)     not null,
    creation_time         bigint       not null,
    last_access_time      bigint       not null,
    max_inactive_interval int          not null,
    expiry_time           bigint       not null,
    principal_name        varchar(100),
    constraint spring_session_pk primary key (primary_id)
);
create unique index spring_session_ix1 on spring_session (session_id);
create index spring_session_ix2 on spring_session (expiry_time);
create index spring_session_ix3 on spring_session (principal_name);

create table spring_session_attributes (
    session_primary_id char(36)     not null,
    attribute_name     varchar(200) not null,
    attribute_bytes    bytea        not null,
    constraint spring_session_attributes_pk primary key (session_primary_id, attribute_name),
    constraint spring_session_attributes_fk foreign key (session_primary_id)
        references spring_session (primary_id) on delete cascade
);

-- Spring Modulith's event publication registry: the outbox between modules. Events carry ids only.
create table event_publication (
    id                     uuid        not null primary key,
    listener_id            text        not null,
    event_type             text        not null,
    serialized_event       text        not null,
    publication_date       timestamptz not null,
    completion_date        timestamptz,
    status                 text,
    completion_attempts    int,
    last_resubmission_date timestamptz
);
create index event_publication_serialized_event_hash_idx on event_publication using hash (serialized_event);
create index event_publication_by_completion_date_idx on event_publication (completion_date);
