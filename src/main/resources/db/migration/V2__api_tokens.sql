-- API tokens: only a SHA-256 of each secret is kept; the secret itself is shown once, at creation.
create table api_token (
    id           uuid primary key,
    name         varchar(100) not null,
    role         varchar(16)  not null,
    secret_hash  bytea        not null,
    created_at   timestamptz  not null,
    last_used_at timestamptz,
    constraint api_token_secret_hash_key unique (secret_hash),
    constraint api_token_role_check check (role in ('editor', 'admin'))
);
