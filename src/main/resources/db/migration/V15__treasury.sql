-- Treasury (收支两条线): every collected yuan of rent is owed to the treasury. The operator remits in batches of
-- payments (reversals included, so a batch nets them); finance confirms each with the treasury's receipt.
create table remittance_batch (
    id                  bigint generated always as identity primary key,
    operator_id         bigint         not null references organisation (id),
    district_code       char(6)        not null references district (code),
    up_to               date           not null,
    amount              numeric(14, 2) not null,
    payments            int            not null,
    status              text           not null check (status in ('SUBMITTED', 'CONFIRMED')),
    created_by          bigint         not null references app_user (id),
    created_at          timestamptz    not null,
    treasury_receipt_no text           unique,
    treasury_date       date,
    confirmed_by        bigint         references app_user (id),
    confirmed_at        timestamptz,
    version             int            not null default 0,
    constraint remittance_confirmed check ((status = 'CONFIRMED') = (treasury_receipt_no is not null))
);
create index remittance_batch_scope_idx on remittance_batch (district_code, created_at desc);

-- Each payment goes into at most one batch (unique), so no yuan is remitted twice.
create table remittance_item (
    batch_id   bigint not null references remittance_batch (id),
    payment_id bigint not null unique references payment (id)
);
create index remittance_item_batch_idx on remittance_item (batch_id);
