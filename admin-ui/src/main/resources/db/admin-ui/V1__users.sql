-- Who may log in to the admin UI. Usernames are the operator ids the api knows (a lot's operatorId is its owner's
-- username), so the UI's token for a user acts on exactly that operator's lots.
create table app_users (
    username      text primary key check (username ~ '^[A-Za-z0-9._@-]{3,64}$'),
    password_hash text not null,
    role          text not null check (role in ('OPERATOR', 'ADMIN')),
    enabled       boolean not null default true,
    created_at    timestamptz not null,
    updated_at    timestamptz not null
);
