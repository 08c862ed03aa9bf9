-- Every change to an article's content is a revision, recorded by a trigger in the transaction that makes it, whichever
-- path writes (single writes, the import, restores). A revision keeps what its change replaced, not the state it made:
-- the state at revision n is the current article with the replaced values of every later revision put back, newest
-- first. So creating an article (the import's common case) writes one small row, and an edit stores only the old
-- values of the fields it changed: a long body is kept once per body edit, never once per title fix.
--
-- `by` is the name of the API token that wrote (set_config('broadsheet.actor', ..., true) in the transaction), null
-- for writes of the service itself. Writes that change no content field (a correction note, which moves noted_at and
-- the version only) record nothing.
create table article_revision (
    article_id uuid        not null references article (id) on delete cascade,
    number     integer     not null,
    created_at timestamptz not null,
    created_by varchar(200),
    changed    text[]      not null,
    replaced   jsonb       not null,
    primary key (article_id, number)
);

create function article_revision_recorded() returns trigger language plpgsql as $$
declare
    fields     text[] := '{}';
    old_values jsonb := '{}';
begin
    if tg_op = 'INSERT' then
        fields := array_remove(array['slug', 'title',
            case when new.subtitle is not null then 'subtitle' end, case when new.summary is not null then 'summary' end,
            'body', 'section', case when new.tags <> '{}' then 'tags' end, case when new.author_ids <> '{}' then 'authors' end,
            case when new.dateline is not null then 'dateline' end, case when new.hero_image_url is not null then 'heroImage' end,
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
    if (old.hero_image_url, old.hero_image_alt, old.hero_image_caption, old.hero_image_credit)
            is distinct from (new.hero_image_url, new.hero_image_alt, new.hero_image_caption, new.hero_image_credit) then
        fields := fields || 'heroImage'::text;
        old_values := old_values || jsonb_build_object('heroImage', case when old.hero_image_url is not null then jsonb_build_object(
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

create trigger article_revised after insert or update on article
    for each row execute function article_revision_recorded();

-- the articles written before revisions existed start with one revision each, their state as it is now
insert into article_revision (article_id, number, created_at, created_by, changed, replaced)
    select id, 1, updated_at, null, '{}', '{}' from article;
