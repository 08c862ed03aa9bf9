-- Sections: the site's navigation, a shallow tree.
create table section (
    id          uuid primary key,
    slug        varchar(120)  not null,
    name        varchar(200)  not null,
    description varchar(2000),
    parent_id   uuid references section (id),
    position    integer       not null default 0,
    created_at  timestamptz   not null,
    updated_at  timestamptz   not null,
    version     bigint        not null default 0,
    constraint section_slug_key unique (slug),
    constraint section_slug_format check (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
    constraint section_not_own_parent check (parent_id <> id)
);
create index section_parent_idx on section (parent_id);

-- Articles: Markdown source and its sanitized HTML, kept side by side.
create table article (
    id                   uuid primary key,
    slug                 varchar(120)  not null,
    title                varchar(300)  not null,
    subtitle             varchar(500),
    summary              varchar(2000),
    body                 text          not null,
    body_html            text          not null,
    section_id           uuid          not null references section (id),
    tags                 text[]        not null default '{}',
    authors              text[]        not null default '{}',
    dateline             varchar(200),
    hero_image_url       varchar(2000),
    hero_image_alt       varchar(500),
    hero_image_caption   varchar(1000),
    hero_image_credit    varchar(300),
    featured             boolean       not null default false,
    status               varchar(16)   not null,
    published_at         timestamptz,
    created_at           timestamptz   not null,
    updated_at           timestamptz   not null,
    word_count           integer       not null,
    reading_time_minutes integer       not null,
    version              bigint        not null default 0,
    constraint article_slug_key unique (slug),
    constraint article_slug_format check (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
    constraint article_status_check check (status in ('DRAFT', 'PUBLISHED', 'ARCHIVED')),
    constraint article_published_has_time check (status <> 'PUBLISHED' or published_at is not null)
);

-- Lists are keyset-paged on (sort time, id); drafts without a publication time sort by creation.
create index article_published_idx
    on article ((coalesce(published_at, created_at)) desc, id desc) where status = 'PUBLISHED';
create index article_section_published_idx
    on article (section_id, (coalesce(published_at, created_at)) desc, id desc) where status = 'PUBLISHED';
create index article_featured_idx
    on article ((coalesce(published_at, created_at)) desc, id desc) where status = 'PUBLISHED' and featured;
create index article_sort_time_idx on article ((coalesce(published_at, created_at)) desc, id desc);
create index article_updated_idx on article (updated_at desc, id desc);
create index article_section_idx on article (section_id);
create index article_tags_idx on article using gin (tags);
create index article_authors_idx on article using gin (authors);
