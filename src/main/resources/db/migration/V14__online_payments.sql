-- Online payment through a gateway: an order the household pays on the gateway's page; the gateway confirms by a
-- signed, timestamped callback whose nonce is used once.
create table online_order (
    id          bigint generated always as identity primary key,
    order_no    text           not null unique,
    lease_id    bigint         not null references lease (id),
    amount      numeric(12, 2) not null check (amount > 0),
    status      text           not null check (status in ('PENDING', 'PAID')),
    created_by  bigint         references app_user (id),
    created_at  timestamptz    not null,
    gateway_txn text           unique,
    payment_id  bigint         references payment (id),
    paid_at     timestamptz
);

-- Every callback nonce ever accepted: a replayed callback finds its nonce here and is refused.
create table gateway_nonce (
    nonce       text        primary key check (length(nonce) between 16 and 100),
    received_at timestamptz not null
);
