-- Violation cases (违规案件, DOMAIN.md 2.2, Art. 27/29): the operator opens a case with evidence and reports it; only
-- the district's housing officer decides. States and their changes are the transition table in CaseState; every
-- change is a row of violation_case_event. A case is never deleted.
create table violation_case (
    id               bigint generated always as identity primary key,
    case_number      text          not null unique,
    district_code    char(6)       not null references district (code),
    project_id       bigint        not null references project (id),
    unit_id          bigint        not null references unit (id),
    lease_id         bigint        references lease (id),
    lease_number     text,                                       -- as the lease was numbered (numbers never change)
    household_id     bigint        references household (id),
    type             text          not null check (type in ('SUBLET', 'CHANGE_OF_USE', 'DAMAGE', 'ILLEGAL_ACTIVITY', 'IDLE',
                                                            'ARREARS', 'OTHER')),
    source           text          not null check (source in ('STAFF', 'PATROL', 'VERIFICATION', 'IDLE_READINGS', 'ARREARS')),
    state            text          not null check (state in ('DRAFT', 'REPORTED', 'UNDER_REVIEW', 'DECIDED', 'RECTIFIED',
                                                             'VACATED', 'CLOSED')),
    facts            text          not null,
    opened_by        bigint        references app_user (id),   -- null: opened by the platform (arrears)
    opened_at        timestamptz   not null,
    reported_at      timestamptz,
    decision         text          check (decision in ('RECTIFY', 'RECLAIM', 'PENALTY', 'DISMISSED')),
    decision_reason  text,
    rectify_by       date,
    penalty_amount   numeric(12, 2),
    decided_by       bigint        references app_user (id),
    decided_at       timestamptz,
    -- what the rent module counted when it opened an arrears case
    arrears_amount   numeric(12, 2),
    version          int           not null default 0,
    check (decision is null or decided_by is not null),
    check (decision <> 'RECTIFY' or rectify_by is not null),
    check (decision <> 'PENALTY' or penalty_amount > 0)
);
create index violation_case_scope_idx on violation_case (district_code, project_id, state);
create index violation_case_household_idx on violation_case (household_id);
-- one open case of a kind per lease: a rerun of the arrears job, or two nodes, cannot open a second
create unique index violation_case_one_open_arrears_uq on violation_case (lease_id)
    where type = 'ARREARS' and state in ('DRAFT', 'REPORTED', 'UNDER_REVIEW', 'DECIDED');

create table violation_case_event (
    id         bigint generated always as identity primary key,
    case_id    bigint      not null references violation_case (id),
    from_state text,
    to_state   text        not null,
    note       text,
    actor_id   bigint      references app_user (id),
    at         timestamptz not null
);
create index violation_case_event_case_idx on violation_case_event (case_id, id);

-- Evidence: the file by its SHA-256 in the file store (verified again on every download), who took it, when and
-- where (coordinates when the device gave them, else the place in words).
create table violation_evidence (
    id            bigint generated always as identity primary key,
    case_id       bigint        not null references violation_case (id),
    file_key      text          not null,
    sha256        char(64)      not null,
    size_bytes    bigint        not null,
    content_type  text          not null,
    original_name text          not null,
    description   text          not null,
    taken_at      timestamptz   not null,
    taken_by      bigint        not null references app_user (id),
    place         text,
    latitude      numeric(9, 6),
    longitude     numeric(9, 6),
    added_at      timestamptz   not null
);
create index violation_evidence_case_idx on violation_evidence (case_id);

-- case numbers WG + district + year + a running number
create sequence violation_case_number_seq;
