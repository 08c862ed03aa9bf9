-- What makes an article public, in one place, judged on the database's clock: it is PUBLISHED and its publication
-- time has come. A PUBLISHED article whose time lies ahead is scheduled: invisible until then, with no write at that
-- moment. Lists, search, feeds, tags, single reads and the content version all ask these two functions.
--
-- Written on coalesce(published_at, created_at), the expression the lists' indexes are ordered by, so the time bound
-- is an index condition; for a PUBLISHED row it is published_at (article_published_has_time). Plain SQL functions,
-- so the planner inlines them: `where article_is_public(a)` plans as the expression itself.
create function article_is_public(a article) returns boolean
    language sql stable parallel safe
    as $$ select a.status = 'PUBLISHED' and coalesce(a.published_at, a.created_at) <= now() $$;

create function article_is_scheduled(a article) returns boolean
    language sql stable parallel safe
    as $$ select a.status = 'PUBLISHED' and coalesce(a.published_at, a.created_at) > now() $$;
