-- Newsletter subscriptions with double opt-in; consent is kept as proof (when, from which client address).
create table subscription (
    id              uuid primary key,
    email           varchar(254) not null,
    name            varchar(200),
    sections        text[]       not null default '{}',
    newsletters     text[]       not null default '{}',
    status          varchar(16)  not null,
    consent_at      timestamptz  not null,
    consent_address varchar(64)  not null,
    created_at      timestamptz  not null,
    updated_at      timestamptz  not null,
    confirmed_at    timestamptz,
    unsubscribed_at timestamptz,
    constraint subscription_status_check check (status in ('PENDING', 'ACTIVE', 'UNSUBSCRIBED'))
);
-- one subscriber per address, whatever the case of its letters
create unique index subscription_email_key on subscription (lower(email));
create index subscription_created_idx on subscription (created_at, id);

-- Every mail carries a token (only its SHA-256 is kept); all of a subscriber's tokens keep serving
-- preferences and unsubscribe, and each confirms within 48 hours of being issued.
create table subscription_token (
    hash            bytea primary key,
    subscription_id uuid        not null references subscription (id) on delete cascade,
    issued_at       timestamptz not null
);
create index subscription_token_subscriber_idx on subscription_token (subscription_id);

-- Outgoing mail, written in the same transaction as the sign-up, sent by a scheduled sender with retries.
create table outbox_mail (
    id                     uuid primary key,
    subscription_id        uuid         references subscription (id) on delete cascade,
    recipient              varchar(254) not null,
    subject                varchar(300) not null,
    text_body              text         not null,
    html_body              text         not null,
    list_unsubscribe       text,
    attempts               integer      not null default 0,
    next_attempt_at        timestamptz  not null,
    last_error             text,
    created_at             timestamptz  not null,
    sent_at                timestamptz
);
create index outbox_mail_due_idx on outbox_mail (next_attempt_at) where sent_at is null;
