-- Bookings, walk-in sessions, payments and refunds: the system of record behind the Redis fast path.

create table booking (
    id              uuid        primary key,
    lot_id          uuid        not null references lot (id),
    spot_id         uuid        not null references spot (id),
    user_id         text        not null,
    hold_id         text        not null unique,
    vehicle_plate   text,
    during          tstzrange   not null check (not isempty(during) and lower_inc(during) and not upper_inc(during)),
    status          text        not null check (status in ('HELD', 'PENDING_PAYMENT', 'CONFIRMED', 'CHECKED_IN', 'COMPLETED',
                                                           'CANCELLED', 'EXPIRED', 'PAYMENT_FAILED', 'NO_SHOW')),
    price_minor     bigint      not null check (price_minor >= 0),
    currency        char(3)     not null,
    created_at      timestamptz not null,
    updated_at      timestamptz not null,
    version         bigint      not null default 0,
    -- The final guard against double booking: two live bookings of one spot never overlap.
    -- Half-open ranges make back-to-back windows legal. The range column leads the index because
    -- availability queries probe by window across all spots of a lot (see README, "Index design").
    constraint booking_no_overlap exclude using gist (during with &&, spot_id with =)
        where (status in ('HELD', 'PENDING_PAYMENT', 'CONFIRMED', 'CHECKED_IN'))
);
create index booking_by_user on booking (user_id, created_at desc, id);
create index booking_by_lot_window on booking using gist (lot_id, during)
    where (status in ('HELD', 'PENDING_PAYMENT', 'CONFIRMED', 'CHECKED_IN'));

create table parking_session (
    id                  uuid        primary key,
    lot_id              uuid        not null references lot (id),
    spot_id             uuid        not null references spot (id),
    user_id             text        not null,
    vehicle_plate       text        not null,
    started_at          timestamptz not null,
    latest_allowed_end  timestamptz,
    ended_at            timestamptz,
    charge_minor        bigint      check (charge_minor >= 0),
    currency            char(3)     not null,
    version             bigint      not null default 0,
    check (ended_at is null or ended_at >= started_at)
);
-- The database, not the application, guarantees one active session per user and per spot.
create unique index parking_session_one_active_per_user on parking_session (user_id) where ended_at is null;
create unique index parking_session_one_active_per_spot on parking_session (spot_id) where ended_at is null;
create index parking_session_by_user on parking_session (user_id, started_at desc);

create table payment (
    id                  uuid        primary key,
    booking_id          uuid        references booking (id),
    session_id          uuid        references parking_session (id),
    user_id             text        not null,
    provider            text        not null,
    provider_reference  text,
    amount_minor        bigint      not null check (amount_minor >= 0),
    currency            char(3)     not null,
    status              text        not null check (status in ('PENDING', 'SUCCEEDED', 'FAILED', 'REFUNDED', 'PARTIALLY_REFUNDED')),
    failure_reason      text,
    idempotency_key     text        not null unique,
    created_at          timestamptz not null,
    updated_at          timestamptz not null,
    version             bigint      not null default 0,
    check ((booking_id is null) <> (session_id is null))
);
create index payment_by_booking on payment (booking_id);
create index payment_by_session on payment (session_id);

create table refund (
    id                  uuid        primary key,
    payment_id          uuid        not null references payment (id),
    amount_minor        bigint      not null check (amount_minor > 0),
    currency            char(3)     not null,
    status              text        not null check (status in ('PENDING', 'SUCCEEDED', 'FAILED')),
    provider_reference  text,
    idempotency_key     text        not null unique,
    created_at          timestamptz not null
);
create index refund_by_payment on refund (payment_id);

-- Client-supplied idempotency keys of mutations: the same key returns the stored result and has no second effect.
create table idempotency_record (
    user_id          text        not null,
    idempotency_key  text        not null,
    operation        text        not null,
    request_hash     text        not null,
    response         text,
    created_at       timestamptz not null,
    completed_at     timestamptz,
    primary key (user_id, idempotency_key)
);
create index idempotency_record_by_age on idempotency_record (created_at);
