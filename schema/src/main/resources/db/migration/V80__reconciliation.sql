-- Reconciliation of what sensors see with what bookings and sessions say (the api's sensing module).

-- The observed state of each spot that a sensor has reported on; a spot without a row (or whose sensor was
-- removed or replaced) is UNKNOWN. observed_at is the sensor's time of the reading that set the state; a reading
-- older than it never overwrites it.
create table spot_observation (
    spot_id         uuid        primary key references spot (id) on delete cascade,
    lot_id          uuid        not null,
    state           text        not null check (state in ('FREE', 'OCCUPIED', 'UNKNOWN')),
    source          text        not null check (source in ('SENSOR', 'COMMS_LOST')),
    device_id       text        not null,
    observed_at     timestamptz not null,
    applied_at      timestamptz not null
);
create index spot_observation_by_lot on spot_observation (lot_id);
-- The time-based rules look at occupied and at free spots separately.
create index spot_observation_by_state on spot_observation (state, spot_id);

-- Where the api's consumer of sensor_observation stands. One row, locked FOR UPDATE by the consuming node, so
-- several api nodes apply every observation once. It starts at the current end of the stream: history from before
-- the api consumed it is not replayed as alerts.
create table sensing_cursor (
    id         integer primary key check (id = 1),
    watermark  bigint  not null
);
insert into sensing_cursor (id, watermark) select 1, coalesce(max(id), 0) from sensor_observation;

-- Observations applied recently: ids are assigned at insert, not at commit, so the consumer re-reads a window behind
-- its watermark and skips what it finds here. Pruned once older than that window can reach.
create table sensing_applied (
    observation_id  bigint      primary key,
    applied_at      timestamptz not null
);
create index sensing_applied_by_age on sensing_applied (applied_at);

create table alert (
    id               uuid        primary key,
    lot_id           uuid        not null references lot (id) on delete cascade,
    spot_id          uuid        references spot (id) on delete cascade,
    kind             text        not null check (kind in ('UNEXPECTED_OCCUPANCY', 'NO_SHOW', 'CHECKED_IN', 'OVERSTAY',
                                                          'SESSION_LEFT_OPEN', 'SENSOR_OFFLINE', 'LOW_BATTERY')),
    status           text        not null check (status in ('OPEN', 'ACKNOWLEDGED', 'RESOLVED')),
    message          text        not null,
    booking_id       uuid,
    session_id       uuid,
    device_id        text,
    raised_at        timestamptz not null,
    acknowledged_at  timestamptz,
    acknowledged_by  text,
    resolved_at      timestamptz,
    resolved_by      text,
    note             text,
    check ((status = 'RESOLVED') = (resolved_at is not null))
);
-- At most one active alert per kind, spot, booking and session: a rule that fires on two nodes, or on every
-- evaluation, raises it once (insert ... on conflict do nothing).
create unique index alert_one_active on alert (kind, coalesce(spot_id, '00000000-0000-0000-0000-000000000000'),
    coalesce(booking_id, '00000000-0000-0000-0000-000000000000'),
    coalesce(session_id, '00000000-0000-0000-0000-000000000000'))
    where status in ('OPEN', 'ACKNOWLEDGED');
-- A booking or session checks in once, however often its car comes and goes.
create unique index alert_checked_in_once on alert (coalesce(booking_id, session_id)) where kind = 'CHECKED_IN';
create index alert_by_lot on alert (lot_id, raised_at desc, id);
create index alert_active_by_lot on alert (lot_id, kind) where status in ('OPEN', 'ACKNOWLEDGED');

-- What an overstay costs by tariff, recorded when the car left and then charged (idempotency key overstay:<booking>).
create table overstay_charge (
    booking_id    uuid        primary key references booking (id),
    lot_id        uuid        not null,
    spot_id       uuid        not null,
    user_id       text        not null,
    booking_end   timestamptz not null,
    left_at       timestamptz not null,
    amount_minor  bigint      not null check (amount_minor >= 0),
    currency      char(3)     not null,
    status        text        not null check (status in ('DUE', 'CHARGED', 'FAILED')),
    payment_id    uuid,
    created_at    timestamptz not null,
    charged_at    timestamptz
);
create index overstay_charge_due on overstay_charge (created_at) where status = 'DUE';

-- Stays of cars as the sensors saw them (FREE/UNKNOWN -> OCCUPIED opens one, OCCUPIED -> FREE or UNKNOWN closes it):
-- the small rollup behind the occupancy KPIs, far smaller than the raw observations and kept longer than them
-- (parking.sensing.stay-retention).
create table spot_stay (
    spot_id      uuid        not null,
    lot_id       uuid        not null,
    arrived_at   timestamptz not null,
    departed_at  timestamptz,
    -- FREE: the car was seen leaving (a departure); UNKNOWN: the sensor went silent (not counted as a departure).
    ended_by     text        check (ended_by in ('FREE', 'UNKNOWN')),
    primary key (spot_id, arrived_at)
);
create index spot_stay_by_lot on spot_stay (lot_id, arrived_at);
create unique index spot_stay_open on spot_stay (spot_id) where departed_at is null;
