-- Evaluator engagement (测评委托, issue 17): a district's housing officers record that an evaluation firm (an
-- organisation of type EVALUATOR) is engaged for a period, for a whole district (project_id empty) or single projects
-- of it; the firm's EVALUATOR users have that scope for surveys and evaluations. One row per district or project, as
-- operator_coverage: an engagement for several projects is several rows, recorded together. Rows are never deleted:
-- ending one records who ended it and the last day, so the scope on any past day can be answered.
create table evaluator_engagement (
    id            bigint generated always as identity primary key,
    evaluator_id  bigint      not null references organisation (id),
    district_code char(6)     not null references district (code),
    project_id    bigint      references project (id),
    valid_from    date        not null,
    valid_to      date,
    note          text,
    created_by    bigint      not null references app_user (id),
    created_at    timestamptz not null default now(),
    ended_by      bigint      references app_user (id),
    ended_at      timestamptz,
    version       int         not null default 0,
    constraint evaluator_engagement_dates check (valid_to is null or valid_to >= valid_from)
);
create index evaluator_engagement_evaluator_idx on evaluator_engagement (evaluator_id, valid_from);
create index evaluator_engagement_district_idx on evaluator_engagement (district_code);
