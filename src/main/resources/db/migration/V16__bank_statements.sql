-- Bank statement lines (银行流水): each line once (its fingerprint is unique), matched to a lease and recorded as a
-- bank-transfer payment, or left in the queue for a clerk to match by hand.
create table bank_statement_line (
    id          bigint generated always as identity primary key,
    fingerprint char(64)       not null unique,
    txn_date    date           not null,
    amount      numeric(12, 2) not null,
    payer       text           not null default '',
    memo        text           not null default '',
    bank_ref    text           not null default '',
    status      text           not null check (status in ('MATCHED', 'UNMATCHED')),
    lease_id    bigint         references lease (id),
    payment_id  bigint         references payment (id),
    district_code char(6),
    imported_by bigint         not null references app_user (id),
    imported_at timestamptz    not null,
    file_name   text           not null
);
create index bank_statement_line_queue_idx on bank_statement_line (status, imported_at desc);
