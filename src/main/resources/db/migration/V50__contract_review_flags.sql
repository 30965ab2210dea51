-- Issue 19: two 差 (poor) quarters in a row put a contract up for termination review. The evaluation module raises the
-- flag through the contract module's ContractReviews; the contract owns it, shows it on the contract, and keeps it once
-- per pair of quarters however often the evaluations are signed again.
create table contract_review_flag (
    id          bigserial primary key,
    contract_id bigint      not null references service_contract (id),
    periods     text        not null,
    reason      text        not null,
    raised_by   bigint      not null references app_user (id),
    raised_at   timestamptz not null,
    unique (contract_id, periods)
);
