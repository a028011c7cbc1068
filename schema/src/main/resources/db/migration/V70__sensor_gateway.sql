-- Sensor gateway: the device registry, per-device sensor health, rejected uplinks and the stream of normalized
-- observations the gateway hands to the api (the durable hand-off channel).
-- The hot-path tables (health, dead letters, observations) carry no foreign keys on purpose: a device removed while
-- a batch is in flight must not make the batch fail forever; the retention job removes what is left behind.

-- The registry: a reading from a device that is not listed here is rejected (UNKNOWN_DEVICE).
create table sensor_device (
    device_id      text        primary key check (device_id ~ '^[A-Za-z0-9][A-Za-z0-9._:-]{0,63}$'),
    lot_id         uuid        not null references lot (id) on delete cascade,
    spot_id        uuid        not null references spot (id) on delete cascade,
    -- Selects parking.gateway.models.<model> (heartbeat timeout, low-battery thresholds).
    model          text        not null,
    registered_at  timestamptz not null
);
create index sensor_device_by_spot on sensor_device (spot_id);
create index sensor_device_by_lot on sensor_device (lot_id);

-- Latest known health of each sensor, from its newest applied reading (gateway clock for last_seen_at).
create table sensor_health (
    device_id         text         primary key,
    last_seen_at      timestamptz  not null,
    last_reading_at   timestamptz  not null,
    last_seq          bigint       not null,
    battery_volts     numeric(5,3),
    battery_percent   numeric(5,2),
    low_battery       boolean,
    rssi              numeric(6,1),
    snr               numeric(5,1),
    firmware          text,
    last_startup_at   timestamptz,
    comms             text         not null default 'OK' check (comms in ('OK', 'LOST')),
    comms_changed_at  timestamptz,
    updated_at        timestamptz  not null
);

-- Every rejected uplink with its reason; only an excerpt of the body is kept, so garbage stays cheap to store.
create table sensor_dead_letter (
    id               bigint       generated always as identity primary key,
    received_at      timestamptz  not null,
    topic            text         not null,
    device_id        text,
    reason           text         not null check (reason in ('OVERSIZED', 'MALFORMED_JSON', 'WRONG_TYPE', 'MISSING_FIELD',
                                                             'INVALID_VALUE', 'ABSURD_TIMESTAMP', 'UNKNOWN_DEVICE',
                                                             'BAD_TOPIC', 'PROCESSING_FAILED')),
    detail           text         not null,
    payload_size     integer      not null,
    payload_excerpt  bytea        not null
);
create index sensor_dead_letter_by_time on sensor_dead_letter using brin (received_at);
create index sensor_dead_letter_by_reason on sensor_dead_letter (reason, received_at);
create index sensor_dead_letter_by_device on sensor_dead_letter (device_id, received_at) where device_id is not null;

-- The hand-off channel to the api: append-only, read by id. observed_at is the sensor's time (for COMMS_LOST the
-- gateway time the heartbeat deadline passed). seq restarts when a sensor reboots, so observed_at is part of the
-- key: two instances handing off the same observation collapse into one row, two boots never do.
-- Every committed batch sends pg_notify('sensor_observation', '{"count":n,"lots":[...]}').
create table sensor_observation (
    id             bigint       generated always as identity primary key,
    device_id      text         not null,
    lot_id         uuid         not null,
    spot_id        uuid         not null,
    kind           text         not null check (kind in ('OCCUPANCY', 'COMMS_LOST', 'COMMS_RESTORED', 'LOW_BATTERY', 'STARTUP')),
    occupied       boolean      check ((kind = 'OCCUPANCY') = (occupied is not null)),
    observed_at    timestamptz  not null,
    received_at    timestamptz  not null,
    handed_off_at  timestamptz  not null,
    seq            bigint       not null,
    constraint sensor_observation_once unique (device_id, seq, kind, observed_at)
);
-- The retention job deletes by age; BRIN keeps that cheap on an append-only table.
create index sensor_observation_by_time on sensor_observation using brin (received_at);
