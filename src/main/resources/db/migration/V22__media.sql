-- The media library: images uploaded once, served as their original and a fixed set of renditions from storage (a
-- directory or an S3-compatible bucket) under /media/{id}/{file}. The row is written after every file is stored, so a
-- row never names a missing file; `renditions` lists the files that exist ([{name, width, height, mimeType, file}]).
create table media (
    id          uuid primary key,
    mime_type   varchar(40)   not null,
    width       integer       not null check (width > 0),
    height      integer       not null check (height > 0),
    bytes       bigint        not null check (bytes > 0),
    original    varchar(100)  not null,
    renditions  jsonb         not null,
    alt         varchar(500),
    caption     varchar(1000),
    credit      varchar(300),
    creator     varchar(300),
    focal_x     double precision not null default 0.5 check (focal_x between 0 and 1),
    focal_y     double precision not null default 0.5 check (focal_y between 0 and 1),
    created_at  timestamptz   not null,
    updated_at  timestamptz   not null,
    version     bigint        not null default 0
);
create index media_newest on media (created_at desc, id desc);

-- An article's hero image and an author's photo may name media; while one does, the media cannot be deleted (409).
-- The alt text, caption and credit are the article's own, copied from the media when the writer leaves them out.
alter table article add column hero_image_media uuid references media (id);
create index article_hero_image_media on article (hero_image_media) where hero_image_media is not null;
alter table author add column photo_media uuid references media (id);
create index author_photo_media on author (photo_media) where photo_media is not null;

-- The images a body shows (![alt](media:<id>)), kept by PostgreSQL from the body whichever path writes it, so the
-- question "does any article show this image?" is an index lookup, not a scan of every body. A body without
-- "media:" costs one strpos.
create function media_named_in(body text) returns uuid[] language sql immutable parallel safe as $$
    select case when strpos(body, 'media:') = 0 then '{}'::uuid[] else coalesce(array(
        select distinct found[1]::uuid from regexp_matches(body,
            '\]\(\s*<?media:([0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12})', 'g') as found),
        '{}') end
$$;
alter table article add column body_media uuid[] generated always as (media_named_in(body)) stored;
create index article_body_media on article using gin (body_media) where body_media <> '{}';

create trigger media_changes_content after insert or update or delete on media
    for each statement execute function bump_content_version();

create function media_event_recorded() returns trigger language plpgsql as $$
begin
    if tg_op = 'UPDATE' and to_jsonb(old) - array['updated_at', 'version'] = to_jsonb(new) - array['updated_at', 'version'] then
        return null;
    end if;
    insert into change_event (type, subject_id, data) values ('media.changed', coalesce(new.id, old.id),
        jsonb_build_object('id', coalesce(new.id, old.id), 'change',
            case tg_op when 'INSERT' then 'created' when 'DELETE' then 'deleted' else 'updated' end));
    return null;
end
$$;

create trigger media_events after insert or update or delete on media
    for each row execute function media_event_recorded();

-- revisions keep a hero image's media reference, so a restore puts the media back, not only its address
create or replace function article_revision_recorded() returns trigger language plpgsql as $$
declare
    fields     text[] := '{}';
    old_values jsonb := '{}';
begin
    if tg_op = 'INSERT' then
        fields := array_remove(array['slug', 'title',
            case when new.subtitle is not null then 'subtitle' end, case when new.summary is not null then 'summary' end,
            'body', 'section', case when new.tags <> '{}' then 'tags' end, case when new.author_ids <> '{}' then 'authors' end,
            case when new.dateline is not null then 'dateline' end, case when new.hero_image_url is not null or new.hero_image_media is not null then 'heroImage' end,
            case when new.featured then 'featured' end, 'status', case when new.published_at is not null then 'publishedAt' end],
            null);
        insert into article_revision values (new.id, 1, new.updated_at, current_setting('broadsheet.actor', true), fields, '{}');
        return null;
    end if;
    if old.slug is distinct from new.slug then
        fields := fields || 'slug'::text; old_values := old_values || jsonb_build_object('slug', old.slug);
    end if;
    if old.title is distinct from new.title then
        fields := fields || 'title'::text; old_values := old_values || jsonb_build_object('title', old.title);
    end if;
    if old.subtitle is distinct from new.subtitle then
        fields := fields || 'subtitle'::text; old_values := old_values || jsonb_build_object('subtitle', old.subtitle);
    end if;
    if old.summary is distinct from new.summary then
        fields := fields || 'summary'::text; old_values := old_values || jsonb_build_object('summary', old.summary);
    end if;
    if old.body is distinct from new.body then
        fields := fields || 'body'::text; old_values := old_values || jsonb_build_object('body', old.body);
    end if;
    if old.section_id is distinct from new.section_id then
        fields := fields || 'section'::text; old_values := old_values || jsonb_build_object('section', old.section_id);
    end if;
    if old.tags is distinct from new.tags then
        fields := fields || 'tags'::text; old_values := old_values || jsonb_build_object('tags', old.tags);
    end if;
    if old.author_ids is distinct from new.author_ids then
        fields := fields || 'authors'::text; old_values := old_values || jsonb_build_object('authors', old.author_ids);
    end if;
    if old.dateline is distinct from new.dateline then
        fields := fields || 'dateline'::text; old_values := old_values || jsonb_build_object('dateline', old.dateline);
    end if;
    if (old.hero_image_url, old.hero_image_media, old.hero_image_alt, old.hero_image_caption, old.hero_image_credit)
            is distinct from (new.hero_image_url, new.hero_image_media, new.hero_image_alt, new.hero_image_caption, new.hero_image_credit) then
        fields := fields || 'heroImage'::text;
        old_values := old_values || jsonb_build_object('heroImage', case
            when old.hero_image_media is not null then jsonb_strip_nulls(jsonb_build_object(
                'media', old.hero_image_media, 'alt', old.hero_image_alt, 'caption', old.hero_image_caption, 'credit', old.hero_image_credit))
            when old.hero_image_url is not null then jsonb_build_object(
                'url', old.hero_image_url, 'alt', old.hero_image_alt, 'caption', old.hero_image_caption, 'credit', old.hero_image_credit) end);
    end if;
    if old.featured is distinct from new.featured then
        fields := fields || 'featured'::text; old_values := old_values || jsonb_build_object('featured', old.featured);
    end if;
    if old.status is distinct from new.status then
        fields := fields || 'status'::text; old_values := old_values || jsonb_build_object('status', old.status);
    end if;
    if old.published_at is distinct from new.published_at then
        fields := fields || 'publishedAt'::text; old_values := old_values || jsonb_build_object('publishedAt', old.published_at);
    end if;
    if fields = '{}' then
        return null;
    end if;
    -- the writer holds the article's row lock, so numbers are taken one writer at a time
    insert into article_revision
        select new.id, coalesce(max(number), 0) + 1, new.updated_at, current_setting('broadsheet.actor', true), fields, old_values
        from article_revision where article_id = new.id;
    return null;
end
$$;
