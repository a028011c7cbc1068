-- Spring Modulith's event publication registry: the durable outbox of the booking and payment pipeline.
create table event_publication (
    id                      uuid        primary key,
    listener_id             text        not null,
    event_type              text        not null,
    serialized_event        text        not null,
    publication_date        timestamptz not null,
    completion_date         timestamptz,
    status                  text,
    completion_attempts     integer     not null default 0,
    last_resubmission_date  timestamptz
);
create index event_publication_by_completion on event_publication (completion_date);
create index event_publication_serialized_event_hash on event_publication using hash (serialized_event);

create table event_publication_archive (
    id                      uuid        primary key,
    listener_id             text        not null,
    event_type              text        not null,
    serialized_event        text        not null,
    publication_date        timestamptz not null,
    completion_date         timestamptz,
    status                  text,
    completion_attempts     integer     not null default 0,
    last_resubmission_date  timestamptz
);
