-- 承接主体财务报告 (issue 19, seed 六(二)): quarterly and annual financial reports on the platform's Excel template,
-- and each year the audit report of a licensed accounting firm; the district accepts or returns each one.

-- Accounting firms are records the operator names, not accounts: nobody signs in as one.
create table accounting_firm (
    id         bigint generated always as identity primary key,
    name       text        not null,
    licence_no text        not null unique,
    created_by bigint      not null references app_user (id),
    created_at timestamptz not null
);

create table financial_report (
    id                   bigint generated always as identity primary key,
    contract_id          bigint      not null references service_contract (id),
    district_code        text        not null,
    operator_id          bigint      not null references organisation (id),
    period               text        not null,
    kind                 text        not null check (kind in ('QUARTERLY', 'ANNUAL', 'AUDIT')),
    due_on               date        not null,
    status               text        not null check (status in ('SUBMITTED', 'ACCEPTED', 'RETURNED')),
    income_fen           bigint,
    cost_move_fen        bigint,
    cost_rent_fen        bigint,
    cost_maintenance_fen bigint,
    cost_general_fen     bigint,
    staff                int,
    firm_id              bigint references accounting_firm (id),
    opinion              text check (opinion in ('UNQUALIFIED', 'QUALIFIED', 'ADVERSE', 'DISCLAIMER')),
    file_key             text        not null,
    file_name            text        not null,
    file_sha256          text        not null,
    submitted_by         bigint      not null references app_user (id),
    submitted_at         timestamptz not null,
    decided_by           bigint references app_user (id),
    decided_at           timestamptz,
    decision             text,
    version              int         not null default 0,
    -- figures for a financial report, the firm and its opinion for an audit report
    constraint financial_report_content check ((kind = 'AUDIT' and firm_id is not null and opinion is not null)
                                            or (kind <> 'AUDIT' and income_fen is not null and staff is not null))
);
-- one report of a kind per contract and period stands (submitted or accepted); a returned one may be filed again
create unique index financial_report_standing on financial_report (contract_id, period, kind) where status <> 'RETURNED';

insert into policy_setting (region_code, key, value, effective_from, changed_by, reason) values
    ('610800', 'financial-report.quarterly-due-days', '15', '2000-01-01T00:00:00Z', null, '季度财务报告报送期限（季度结束后天数）'),
    ('610800', 'financial-report.annual-due-days', '120', '2000-01-01T00:00:00Z', null, '年度财务报告及审计报告报送期限（年度结束后天数）');
