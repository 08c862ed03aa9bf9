-- Authors become people with a page of their own. An article names its authors by id, in byline order, in one
-- array (as it names its tags), so the import still writes an article as one row; V14 fills it from the byline
-- strings and V15 drops them. Nothing references an author by a foreign key: a writer locks the authors it names
-- (FOR KEY SHARE) and a deletion locks the author (FOR UPDATE) and counts its articles, in one order.
create table author (
    id            uuid        primary key,
    slug          text        not null unique,
    name          text        not null,
    job_title     text,
    bio           text        not null default '',
    bio_html      text        not null default '',
    photo_url     text,
    photo_alt     text,
    photo_caption text,
    photo_credit  text,
    links         text[]      not null default '{}',
    email         text,
    created_at    timestamptz not null,
    updated_at    timestamptz not null,
    version       bigint      not null default 0,
    constraint author_slug_format check (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$')
);

alter table article add column author_ids uuid[] not null default '{}';

create trigger author_changes_content after insert or update or delete on author
    for each statement execute function bump_content_version();
