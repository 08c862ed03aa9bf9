-- Links that show an unpublished article to whoever holds them, until they expire or are revoked. Only the SHA-256 of
-- the random token is kept, so the table alone opens nothing; erased with the article.
create table article_preview_link (
    id         uuid        primary key,
    token_hash bytea       not null unique,
    article_id uuid        not null references article (id) on delete cascade,
    expires_at timestamptz not null,
    created_at timestamptz not null,
    created_by varchar(200)
);
create index article_preview_link_article_idx on article_preview_link (article_id);
