-- 绩效评价与结算 (issue 19): indicator trees versioned per contract, evaluation periods with frozen measures and the
-- records behind them, manual scores with evidence, objections, fixed deductions, settlements with signed lines.

-- An indicator tree: one version per revision of a contract's quantified targets; a period keeps the version it opened with.
create table indicator_tree (
    id          bigint generated always as identity primary key,
    contract_id bigint      not null references service_contract (id),
    version     int         not null,
    note        text,
    created_by  bigint references app_user (id),
    created_at  timestamptz not null,
    constraint indicator_tree_version unique (contract_id, version)
);

create table indicator_leaf (
    tree_id      bigint        not null references indicator_tree (id),
    position     int           not null,
    code         text          not null,
    level        text          not null check (level in ('DECISION', 'PROCESS', 'OUTPUT', 'BENEFIT')),
    name         text          not null,
    weight       numeric(6, 2) not null check (weight > 0),
    measure_code text,
    target       numeric(12, 4),
    floor        numeric(12, 4),
    scorer       text check (scorer in ('PURCHASER', 'EVALUATOR')),
    primary key (tree_id, code),
    -- a leaf is computed (a measure with target and floor) or manual (a scorer), never both
    constraint indicator_leaf_kind check ((measure_code is not null and target is not null and floor is not null
                                          and target <> floor and scorer is null)
                                      or (measure_code is null and target is null and floor is null and scorer is not null))
);

create table evaluation (
    id                 bigint generated always as identity primary key,
    contract_id        bigint        not null references service_contract (id),
    district_code      text          not null,
    operator_id        bigint        not null references organisation (id),
    period             text          not null,
    period_kind        text          not null check (period_kind in ('QUARTER', 'YEAR')),
    starts_on          date          not null,
    ends_on            date          not null,
    tree_id            bigint        not null references indicator_tree (id),
    status             text          not null check (status in ('OPEN', 'COMPUTED', 'SCORED', 'OPERATOR_REVIEW', 'FINAL', 'PUBLISHED')),
    computed_at        timestamptz,
    submitted_by       bigint references app_user (id),
    review_until       date,
    operator_accepted  boolean       not null default false,
    total              numeric(5, 2),
    band               text check (band in ('优', '良', '中', '差')),
    termination_review boolean       not null default false,
    finalized_by       bigint references app_user (id),
    finalized_at       timestamptz,
    version            int           not null default 0,
    constraint evaluation_once unique (contract_id, period),
    constraint evaluation_days check (ends_on >= starts_on)
);
create index evaluation_district on evaluation (district_code, ends_on);

-- A computed leaf's figure as frozen: a new version only when an objection is accepted; the old ones are kept.
create table evaluation_measure (
    id               bigint generated always as identity primary key,
    evaluation_id    bigint        not null references evaluation (id),
    leaf_code        text          not null,
    version          int           not null,
    measure_code     text          not null,
    as_of            date          not null,
    unit             text          not null check (unit in ('COUNT', 'YUAN')),
    numerator        numeric(16, 2) not null,
    denominator      numeric(16, 2) not null,
    value            numeric(16, 4),
    applicable       boolean       not null,
    inputs_digest    text          not null,
    record_count     int           not null,
    reason           text,
    frozen_by        bigint references app_user (id),
    frozen_at        timestamptz   not null,
    constraint evaluation_measure_version unique (evaluation_id, leaf_code, version)
);

-- The records a frozen figure counted, in its order: what the drill-down lists and the digest is taken over.
create table evaluation_measure_record (
    measure_id   bigint         not null references evaluation_measure (id),
    position     int            not null,
    record_kind  text           not null,
    record_id    bigint         not null,
    label        text           not null,
    in_numerator boolean        not null,
    base         numeric(16, 2),
    part         numeric(16, 2),
    primary key (measure_id, position)
);

-- What each leaf earned when the evaluation was signed: a signed result is read from here, never recomputed.
create table evaluation_leaf_score (
    evaluation_id    bigint        not null references evaluation (id),
    leaf_code        text          not null,
    effective_weight numeric(8, 4) not null,
    earned           numeric(8, 6) not null,
    score            numeric(8, 4) not null,
    primary key (evaluation_id, leaf_code)
);

-- A manual leaf's score (0-100 % of the leaf) by its scorer with the basis; a new row per change, the last one counts.
create table evaluation_score (
    id            bigint generated always as identity primary key,
    evaluation_id bigint        not null references evaluation (id),
    leaf_code     text          not null,
    percent       numeric(5, 2) not null check (percent between 0 and 100),
    basis         text          not null,
    evidence_key  text,
    evidence_name text,
    evidence_sha256 text,
    scored_by     bigint        not null references app_user (id),
    scored_at     timestamptz   not null
);
create index evaluation_score_leaf on evaluation_score (evaluation_id, leaf_code, id);

create table evaluation_objection (
    id             bigint generated always as identity primary key,
    evaluation_id  bigint      not null references evaluation (id),
    leaf_code      text        not null,
    reasons        text        not null,
    evidence_key   text,
    evidence_name  text,
    evidence_sha256 text,
    status         text        not null check (status in ('RAISED', 'ACCEPTED', 'REJECTED')),
    raised_by      bigint      not null references app_user (id),
    raised_at      timestamptz not null,
    decided_by     bigint references app_user (id),
    decided_at     timestamptz,
    decision       text,
    version        int         not null default 0
);
-- one objection per leaf and period at a time
create unique index evaluation_objection_open on evaluation_objection (evaluation_id, leaf_code) where status = 'RAISED';

-- A fixed deduction the contract provides for, recorded against a period with its evidence before the settlement.
create table evaluation_deduction (
    id              bigint generated always as identity primary key,
    evaluation_id   bigint      not null references evaluation (id),
    item            text        not null,
    amount_fen      bigint      not null check (amount_fen > 0),
    evidence_key    text        not null,
    evidence_name   text        not null,
    evidence_sha256 text        not null,
    recorded_by     bigint      not null references app_user (id),
    recorded_at     timestamptz not null
);

create table settlement (
    id            bigint generated always as identity primary key,
    evaluation_id bigint        not null references evaluation (id),
    contract_id   bigint        not null references service_contract (id),
    district_code text          not null,
    period        text          not null,
    status        text          not null check (status in ('DRAFT', 'APPROVED', 'PAID')),
    total_fen     bigint        not null check (total_fen >= 0),
    payable_ratio numeric(7, 6) not null,
    prepared_by   bigint        not null references app_user (id),
    prepared_at   timestamptz   not null,
    approved_by   bigint references app_user (id),
    approved_at   timestamptz,
    voucher_no    text,
    paid_on       date,
    paid_by       bigint references app_user (id),
    version       int           not null default 0,
    constraint settlement_once unique (evaluation_id)
);

-- Signed addends: fees positive; the score's reduction, deductions and holdbacks negative; no subtotals. Σ = total.
create table settlement_line (
    settlement_id bigint not null references settlement (id),
    position      int    not null,
    kind          text   not null check (kind in ('BASE_FEE', 'SCORE_REDUCTION', 'DEDUCTION', 'HOLDBACK', 'HOLDBACK_RELEASE')),
    label         text   not null,
    basis         text   not null,
    amount_fen    bigint not null,
    primary key (settlement_id, position)
);

insert into policy_setting (region_code, key, value, effective_from, changed_by, reason) values
    ('610800', 'evaluation.objection-working-days', '5', '2000-01-01T00:00:00Z', null, '承接主体对评价结果提出异议的期限（工作日）');
insert into policy_setting (region_code, key, value, effective_from, changed_by, reason) values
    ('610800', 'evaluation.compute-after-days', '35', '2000-01-01T00:00:00Z', null, '评价期结束后计算指标前的等待天数（各项按时率的时限届满）');
