-- Issue 17: satisfaction surveys (the survey module owns these tables). Anonymity is built into the tables: nothing
-- on an answer points at a token or a household, and answers arrive in shuffled batches (docs/surveys.md).

-- A questionnaire version: a draft is edited in place; a published version is frozen, and editing it makes the next
-- version (previous_id), so every wave names exactly the questions it asked.
create table questionnaire (
    id           bigint generated always as identity primary key,
    owner_org_id bigint      not null references organisation (id),
    run_by       text        not null check (run_by in ('GOVERNMENT', 'EVALUATOR', 'OPERATOR')),
    title        text        not null check (length(title) between 1 and 100),
    version_no   int         not null check (version_no >= 1),
    previous_id  bigint      unique references questionnaire (id),
    status       text        not null check (status in ('DRAFT', 'PUBLISHED')),
    questions    jsonb       not null,
    created_by   bigint      not null references app_user (id),
    created_at   timestamptz not null,
    published_at timestamptz,
    version      int         not null default 0
);
create index questionnaire_owner_idx on questionnaire (owner_org_id);

-- A wave: one questionnaire version sent to the households of chosen projects of one district, answered in a window.
create table survey_wave (
    id               bigint generated always as identity primary key,
    district_code    char(6)     not null references district (code),
    questionnaire_id bigint      not null references questionnaire (id),
    title            text        not null check (length(title) between 1 and 100),
    run_by           text        not null check (run_by in ('GOVERNMENT', 'EVALUATOR', 'OPERATOR')),
    org_id           bigint      not null references organisation (id),
    starts_on        date        not null,
    ends_on          date        not null,
    status           text        not null check (status in ('DRAFT', 'OPEN', 'CLOSED')),
    created_by       bigint      not null references app_user (id),
    created_at       timestamptz not null,
    opened_at        timestamptz,
    closed_at        timestamptz,
    version          int         not null default 0,
    constraint survey_wave_window check (ends_on >= starts_on)
);
create index survey_wave_district_idx on survey_wave (district_code, status);

-- The wave's projects and, once it opens, how many households each was sent to (the population of the statistics).
create table survey_wave_project (
    wave_id    bigint not null references survey_wave (id),
    project_id bigint not null references project (id),
    households int,
    primary key (wave_id, project_id)
);

-- One single-use token per household and wave. It records only that the household answered: no time, no answer.
-- The token itself is never stored, only its keyed digest.
create table survey_token (
    id           bigint generated always as identity primary key,
    wave_id      bigint  not null references survey_wave (id),
    project_id   bigint  not null references project (id),
    household_id bigint  not null references household (id),
    token_digest text    not null unique,
    answered     boolean not null default false,
    unique (wave_id, household_id)
);

-- Answers waiting for the next batch: a random id, the day only, the project (the group it is counted in).
create table survey_answer_pending (
    id          uuid    primary key,
    wave_id     bigint  not null references survey_wave (id),
    project_id  bigint  not null references project (id),
    answered_on date    not null,
    answers     jsonb   not null
);

-- Answers, written in batches in shuffled order with fresh random ids: no key, order or time leads back to a token.
create table survey_answer (
    id          uuid    primary key,
    wave_id     bigint  not null references survey_wave (id),
    project_id  bigint  not null references project (id),
    answered_on date    not null,
    answers     jsonb   not null
);
create index survey_answer_wave_idx on survey_answer (wave_id, project_id);
