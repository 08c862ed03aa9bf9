-- A confirmation token carries the choices of the sign-up it was mailed for, and confirming it applies them: anybody
-- may sign an address up again while it is pending, and that changes nothing until the owner confirms that very mail.
-- Tokens issued before (and those of other mails) hold none, and confirming them keeps the subscriber's choices.
alter table subscription_token
    add column name            varchar(200),
    add column sections        text[],
    add column newsletters     text[],
    add column consent_at      timestamptz,
    add column consent_address varchar(64);
