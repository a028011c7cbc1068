-- Lots, their levels and spots, and the tariffs that price them.
-- Operators are identified by the JWT subject that owns a lot; there is no operator table to keep in sync.

create extension if not exists btree_gist;

create table lot (
    id               uuid primary key,
    operator_id      text        not null,
    name             text        not null,
    street           text,
    city             text        not null,
    postal_code      text,
    country_code     char(2)     not null,
    latitude         double precision not null check (latitude between -90 and 90),
    longitude        double precision not null check (longitude between -180 and 180),
    time_zone        text        not null,
    max_height_cm    integer     check (max_height_cm > 0),
    created_at       timestamptz not null,
    version          bigint      not null default 0
);
create index lot_by_operator on lot (operator_id);
-- Radius search narrows by a bounding box on these two columns before the exact distance is computed.
create index lot_by_location on lot (latitude, longitude);

-- No rows for a lot means it is open around the clock.
create table lot_opening_hours (
    lot_id      uuid     not null references lot (id) on delete cascade,
    day_of_week smallint not null check (day_of_week between 1 and 7),
    opens       time     not null,
    closes      time     not null,
    primary key (lot_id, day_of_week)
);

create table lot_level (
    id       uuid    primary key,
    lot_id   uuid    not null references lot (id) on delete cascade,
    code     text    not null,
    name     text    not null,
    ordinal  integer not null,
    unique (lot_id, code)
);

create table spot (
    id                   uuid    primary key,
    lot_id               uuid    not null references lot (id) on delete cascade,
    level_id             uuid    not null references lot_level (id) on delete cascade,
    code                 text    not null,
    zone                 text,
    spot_class           text    not null check (spot_class in ('STANDARD', 'EV_CHARGING', 'ACCESSIBLE', 'MOTORCYCLE', 'OVERSIZE')),
    ev_connector         text    check (ev_connector in ('TYPE1', 'TYPE2', 'CCS1', 'CCS2', 'CHADEMO', 'NACS')),
    max_height_cm        integer check (max_height_cm > 0),
    admin_state          text    not null default 'OPEN' check (admin_state in ('OPEN', 'CLOSED', 'OUT_OF_SERVICE')),
    admin_state_reason   text,
    admin_state_since    timestamptz not null,
    version              bigint  not null default 0,
    unique (lot_id, code),
    check (spot_class <> 'EV_CHARGING' or ev_connector is not null),
    check (spot_class <> 'OVERSIZE' or max_height_cm is not null)
);
create index spot_by_lot_class on spot (lot_id, spot_class, code);
create index spot_by_level on spot (level_id, code);

-- Amounts are in minor units of the currency (cents).
create table tariff (
    id                    uuid    primary key,
    lot_id                uuid    not null references lot (id) on delete cascade,
    spot_class            text    not null check (spot_class in ('STANDARD', 'EV_CHARGING', 'ACCESSIBLE', 'MOTORCYCLE', 'OVERSIZE')),
    currency              char(3) not null,
    hourly_rate_minor     bigint  not null check (hourly_rate_minor >= 0),
    daily_maximum_minor   bigint  check (daily_maximum_minor >= 0),
    minimum_charge_minor  bigint  not null default 0 check (minimum_charge_minor >= 0),
    updated_at            timestamptz not null,
    version               bigint  not null default 0,
    unique (lot_id, spot_class)
);
