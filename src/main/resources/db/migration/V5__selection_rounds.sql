-- Housing selection (选房): rounds with a lottery anyone can re-check, and the choices made in the drawn order.

create table selection_round (
    id                 bigint generated always as identity primary key,
    district_code      char(6)     not null references district (code),
    name               text        not null,
    method             text        not null check (method in ('LOTTERY')),
    algorithm_version  text        not null,
    group_order        int[]       not null,
    status             text        not null check (status in ('DRAFT', 'PUBLISHED', 'PUBLIC_VALUE_RECORDED', 'DRAWN',
                                                              'CLOSED')),
    -- published before the draw: the masked applicant list, its digest, and the commitment to the secret seed
    applicant_list     text,
    list_digest        char(64),
    seed_commitment    char(64),
    seed_sealed        text,        -- the secret seed, encrypted, until the draw reveals it
    -- recorded at the draw event, in this order
    public_value       text,
    public_value_at    timestamptz,
    seed               char(64),    -- revealed
    seed_revealed_at   timestamptz,
    created_by         bigint      not null references app_user (id),
    created_at         timestamptz not null,
    version            int         not null default 0,
    constraint selection_round_seed_after_public_value check (seed is null or public_value is not null)
);
create index selection_round_district_idx on selection_round (district_code, created_at desc);

create table selection_round_unit (
    round_id bigint not null references selection_round (id),
    unit_id  bigint not null references unit (id),
    primary key (round_id, unit_id)
);

create table selection_applicant (
    id             bigint generated always as identity primary key,
    round_id       bigint      not null references selection_round (id),
    household_id   bigint      not null references household (id),
    applicant_ref  text        not null,
    priority_group int         not null check (priority_group between 1 and 9),
    position       int,
    outcome        text        check (outcome in ('CHOSEN', 'SKIPPED', 'NO_SHOW')),
    unit_id        bigint      references unit (id),
    decided_by     bigint      references app_user (id),
    decided_at     timestamptz,
    constraint selection_applicant_unique unique (round_id, household_id),
    constraint selection_applicant_ref_unique unique (round_id, applicant_ref),
    constraint selection_applicant_position_unique unique (round_id, position),
    constraint selection_applicant_chosen_has_unit check ((outcome = 'CHOSEN') = (unit_id is not null))
);
-- a unit is chosen once per round, whatever two clerks do at the same moment
create unique index selection_applicant_unit_uq on selection_applicant (round_id, unit_id) where unit_id is not null;
