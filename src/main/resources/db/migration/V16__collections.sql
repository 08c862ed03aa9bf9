-- Curated, ordered lists of articles ("Don't miss", "Top stories"). A collection names its articles by id, in the
-- editors' order: a renamed article stays in, a deleted one drops out (its id no longer joins), and which of them the
-- public sees is decided when the collection is read (article_is_public), so a scheduled one appears at its time.
create table collection (
    id          uuid        primary key,
    slug        text        not null unique,
    name        text        not null,
    description text,
    article_ids uuid[]      not null default '{}',
    created_at  timestamptz not null,
    updated_at  timestamptz not null,
    version     bigint      not null default 0,
    constraint collection_slug_format check (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
    constraint collection_size check (cardinality(article_ids) <= 100)
);

create trigger collection_changes_content after insert or update or delete on collection
    for each statement execute function bump_content_version();
