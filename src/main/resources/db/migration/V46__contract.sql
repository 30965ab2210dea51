-- Issue 18: procurement and service contracts (the contract module owns these tables). From here on the contract in
-- force is the only source of an operator's coverage: identity's operator_coverage rows are written by the contract
-- module through identity's coverage interface and name the contract that granted them.

-- 分管领导: a person of a district's housing bureau who approves what another officer prepared (four eyes).
alter table user_role drop constraint user_role_role_check;
alter table user_role add constraint user_role_role_check check (role in ('SYSTEM_ADMIN', 'SECURITY_ADMIN', 'GOV_ADMIN',
    'GOV_OFFICER', 'GOV_LEADER', 'FINANCE', 'OPERATOR_MANAGER', 'OPERATOR_STAFF', 'TENANT', 'EVALUATOR', 'AUDITOR',
    'MONITOR', 'CHANNEL_GATEWAY'));

-- One purchase per district and year: the budget the finance bureau approved, the method, the announcement and award.
create table procurement (
    id                   bigint generated always as identity primary key,
    district_code        char(6)     not null references district (code),
    year                 int         not null check (year between 2000 and 2100),
    title                text        not null,
    purchasing_unit      text        not null,
    service_items        text[]      not null,
    method               text        not null check (method in ('PUBLIC_TENDER', 'INVITED_TENDER', 'COMPETITIVE_NEGOTIATION',
                                                                'SINGLE_SOURCE', 'COMPETITIVE_CONSULTATION')),
    single_source_reason text,
    proposed_fen         bigint      check (proposed_fen >= 0),
    status               text        not null default 'DRAFT',
    announced_on         date,
    announcement_file    text,
    announcement_sha256  text,
    awarded_on           date,
    award_file           text,
    award_sha256         text,
    bidders              text[]      not null default '{}',
    winner_id            bigint      references organisation (id),
    created_by           bigint      not null references app_user (id),
    created_at           timestamptz not null,
    version              int         not null default 0,
    constraint procurement_items check (cardinality(service_items) > 0),
    constraint procurement_single_source check (method <> 'SINGLE_SOURCE' or coalesce(length(trim(single_source_reason)), 0) > 0),
    constraint procurement_status check (status in ('DRAFT', 'BUDGET_APPROVED', 'ANNOUNCED', 'AWARDED', 'CONTRACTED'))
);
create index procurement_district_idx on procurement (district_code, year);

-- 预算批复, one per year: the procurement's own year first (which moves it to BUDGET_APPROVED), then each later year of a
-- contract that runs across years (跨年度合同, budgeted year by year).
create table procurement_budget (
    id             bigint generated always as identity primary key,
    procurement_id bigint      not null references procurement (id),
    year           int         not null,
    amount_fen     bigint      not null check (amount_fen > 0),
    approval_no    text        not null,
    approved_by    text        not null,
    approved_on    date        not null,
    file           text,
    file_sha256    text,
    recorded_by    bigint      not null references app_user (id),
    recorded_at    timestamptz not null,
    constraint procurement_budget_once unique (procurement_id, year)
);

-- 政府购买服务合同. A LEGACY contract was made by the migration below from a hand-typed coverage row: no procurement.
create table service_contract (
    id                     bigint generated always as identity primary key,
    contract_no            text        not null unique,
    district_code          char(6)     not null references district (code),
    operator_id            bigint      not null references organisation (id),
    procurement_id         bigint      references procurement (id),
    legacy                 boolean     not null default false,
    title                  text        not null,
    starts_on              date        not null,
    ends_on                date,
    all_projects           boolean     not null,
    service_items          text[]      not null,
    fee_kind               text        not null check (fee_kind in ('PER_UNIT', 'LUMP_SUM')),
    fee_rates              jsonb       not null default '{}',
    lump_sum_fen           bigint      check (lump_sum_fen >= 0),
    payment_cycle          text        not null check (payment_cycle in ('MONTHLY', 'QUARTERLY')),
    holdback_percent       numeric(5, 2) not null default 0 check (holdback_percent between 0 and 100),
    payment_rule           jsonb       not null,
    fixed_deductions       jsonb       not null default '[]',
    targets_ref            text,
    wind_down_days         int         not null check (wind_down_days >= 0),
    status                 text        not null default 'DRAFT',
    signed_file            text,
    signed_sha256          text,
    signed_on              date,
    signed_by              bigint      references app_user (id),
    termination_on         date,
    termination_reason     text,
    termination_asked_by   bigint      references app_user (id),
    termination_asked_at   timestamptz,
    termination_decided_by bigint      references app_user (id),
    created_by             bigint      not null references app_user (id),
    created_at             timestamptz not null,
    version                int         not null default 0,
    constraint service_contract_period check (ends_on is null or ends_on >= starts_on),
    constraint service_contract_end check (legacy or ends_on is not null),
    constraint service_contract_procured check (legacy or procurement_id is not null),
    constraint service_contract_status check (status in ('DRAFT', 'SIGNED', 'IN_FORCE', 'ENDED', 'TERMINATED'))
);
-- one contract per procurement: two officers drafting at once cannot both succeed
create unique index service_contract_procurement_uq on service_contract (procurement_id) where procurement_id is not null;
create index service_contract_district_idx on service_contract (district_code, starts_on);
create index service_contract_operator_idx on service_contract (operator_id);

-- The projects a contract covers when it does not cover the whole district; added_on/removed_on follow amendments.
create table service_contract_project (
    contract_id bigint not null references service_contract (id),
    project_id  bigint not null references project (id),
    from_on     date   not null,
    to_on       date,
    primary key (contract_id, project_id, from_on)
);

-- 补充协议: numbered per contract, each effective from a day, changing projects, fees or the end date.
create table contract_amendment (
    id             bigint generated always as identity primary key,
    contract_id    bigint      not null references service_contract (id),
    seq            int         not null,
    effective_on   date        not null,
    reason         text        not null,
    adds_projects  bigint[]    not null default '{}',
    drops_projects bigint[]    not null default '{}',
    previous_ends_on date,
    new_ends_on    date,
    new_fees       jsonb,
    file           text,
    file_sha256    text,
    created_by     bigint      not null references app_user (id),
    created_at     timestamptz not null,
    constraint contract_amendment_seq unique (contract_id, seq)
);

-- What was settled and paid under a contract (written by the evaluation module's settlements through ContractLedger).
create table contract_ledger_entry (
    id           bigint generated always as identity primary key,
    contract_id  bigint      not null references service_contract (id),
    kind         text        not null check (kind in ('SETTLED', 'PAID')),
    year         int         not null,
    period       text        not null,
    amount_fen   bigint      not null,
    score        numeric(5, 2),
    band         text,
    reference    text        not null,
    recorded_by  bigint      not null references app_user (id),
    recorded_at  timestamptz not null,
    constraint contract_ledger_once unique (contract_id, kind, reference)
);

-- 移交: what an ended contract leaves open, handed to the successor's operator (or the district), confirmed by both.
create table contract_handover (
    id                    bigint generated always as identity primary key,
    contract_id           bigint      not null unique references service_contract (id),
    successor_contract_id bigint      references service_contract (id),
    receiver_operator_id  bigint      references organisation (id),
    items                 jsonb       not null,
    status                text        not null default 'PREPARED'
                                      check (status in ('PREPARED', 'OUTGOING_CONFIRMED', 'INCOMING_CONFIRMED', 'HANDED_OVER')),
    prepared_by           bigint      not null references app_user (id),
    prepared_at           timestamptz not null,
    outgoing_by           bigint      references app_user (id),
    outgoing_at           timestamptz,
    incoming_by           bigint      references app_user (id),
    incoming_at           timestamptz,
    version               int         not null default 0
);

-- Coverage names its contract; a contract's rows end together (a row withdrawn before its first day has an empty
-- period, valid_to = valid_from - 1); for wind_down_days after valid_to the operator may still finish what it leaves.
alter table operator_coverage add column contract_id bigint references service_contract (id);
alter table operator_coverage add column contract_no text;
alter table operator_coverage add column wind_down_days int not null default 0 check (wind_down_days >= 0);
alter table operator_coverage drop constraint operator_coverage_dates;
alter table operator_coverage add constraint operator_coverage_dates check (valid_to is null or valid_to >= valid_from - 1);

-- Every hand-typed row becomes a LEGACY contract of its own (same operator, district, project and dates).
insert into service_contract (contract_no, district_code, operator_id, legacy, title, starts_on, ends_on, all_projects,
                              service_items, fee_kind, payment_cycle, payment_rule, wind_down_days, status, created_by,
                              created_at)
select 'LEGACY-' || c.id, c.district_code, c.operator_id, true, coalesce(nullif(c.note, ''), '历史服务范围'), c.valid_from,
       c.valid_to, c.project_id is null, array ['MOVE_IN_OUT', 'RENT_AND_USE', 'MAINTENANCE', 'GENERAL'], 'LUMP_SUM',
       'QUARTERLY', '{"kind": "LINEAR_BELOW", "full": 90}', 90,
       case when c.valid_to is not null and c.valid_to < current_date then 'ENDED'
            when c.valid_from > current_date then 'SIGNED' else 'IN_FORCE' end,
       c.created_by, c.created_at
  from operator_coverage c;
insert into service_contract_project (contract_id, project_id, from_on, to_on)
select s.id, c.project_id, c.valid_from, c.valid_to
  from operator_coverage c join service_contract s on s.contract_no = 'LEGACY-' || c.id
 where c.project_id is not null;
update operator_coverage c set contract_id = s.id, contract_no = s.contract_no, wind_down_days = s.wind_down_days
  from service_contract s where s.contract_no = 'LEGACY-' || c.id;
alter table operator_coverage alter column contract_id set not null;
alter table operator_coverage alter column contract_no set not null;
create index operator_coverage_contract_idx on operator_coverage (contract_id);

-- How long after a contract's end its operator may still finish what the end leaves (remit rent it holds, read its
-- settlements and reports), per region with history.
insert into policy_setting (region_code, key, value, effective_from, changed_by, reason) values
    ('610800', 'contract.wind-down-days', '90', '2000-01-01T00:00:00Z', null, '合同结束后承接主体收尾期（天）');
