-- One online order is paid once. The order's payment is recorded here in the same transaction as the payment
-- itself; the primary key on the order makes a second payment for one order impossible, whatever the callbacks do.
create table online_order_payment (
    order_id    bigint primary key references online_order (id),
    payment_id  bigint not null unique references payment (id),
    gateway_txn text   not null unique
);
insert into online_order_payment (order_id, payment_id, gateway_txn)
select id, payment_id, gateway_txn from online_order where payment_id is not null and gateway_txn is not null;

-- A PAID callback for an order already paid under another gateway transaction: the household's money arrived twice.
-- It never enters the rent ledger (so it is never remitted); it is money to refund, requested by the operator's
-- manager, approved by the district's finance, then refunded with the gateway's or bank's reference.
create table gateway_exception (
    id               bigint generated always as identity primary key,
    order_id         bigint         not null references online_order (id),
    district_code    char(6)        not null,
    project_id       bigint         not null,
    paid_txn         text           not null,
    duplicate_txn    text           not null unique,
    amount           numeric(12, 2) not null check (amount > 0),
    received_at      timestamptz    not null,
    refund_state     text           not null default 'OPEN' check (refund_state in ('OPEN', 'REQUESTED', 'APPROVED', 'REFUNDED')),
    requested_by     bigint,
    requested_at     timestamptz,
    request_note     text,
    approved_by      bigint,
    approved_at      timestamptz,
    refunded_by      bigint,
    refunded_at      timestamptz,
    refund_reference text unique,
    version          int            not null default 0,
    constraint gateway_exception_refunded_has_reference check (refund_state <> 'REFUNDED' or refund_reference is not null)
);
create index gateway_exception_district_idx on gateway_exception (district_code, refund_state);
