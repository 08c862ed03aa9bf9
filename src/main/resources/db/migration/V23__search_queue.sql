-- Search on OpenSearch (broadsheet.search.engine=opensearch). Every write of an article queues its id in the same
-- transaction, whatever wrote it (the API, the NDJSON import's SQL, restores, deletes), so no change is lost while
-- OpenSearch is down: the indexer writes the queued articles as they are now, then forgets them, and a change the
-- cluster did not take stays queued. Changes are queued only while an OpenSearch index is kept (a row below), so the
-- default engine pays one lookup of an empty table per statement and stores nothing.

-- The OpenSearch index kept for this database: present from the first start on OpenSearch. A rebuild fills a new index
-- (rebuild_index) from the articles in id order (rebuild_after is the last one copied) while changes go on reaching
-- the live index and the new one; the alias then moves to the new index in one step. From a failed write to the
-- cluster until the queue is empty again, the index may miss changes (unavailable_since): every instance then answers
-- searches 503 rather than with results that may be wrong.
create table search_index (
    id                   boolean primary key default true check (id),
    rebuild_index        varchar(255),
    rebuild_after        uuid,
    rebuild_copied       bigint      not null default 0,
    rebuild_requested_at timestamptz,
    unavailable_since    timestamptz,
    unavailable_reason   varchar(2000)
);

create table search_queue (
    position   bigserial primary key,
    article_id uuid        not null,
    queued_at  timestamptz not null default now()
);

-- Statement-level, from the rows a statement changed (new rows for inserts and updates, old ones for deletes, under
-- one name): an import of thousands of lines queues them in one insert.
create function queue_articles_for_search() returns trigger language plpgsql as $$
begin
    if exists (select from search_index) then
        insert into search_queue (article_id) select id from changed_articles;
    end if;
    return null;
end $$;

create trigger article_inserted_for_search after insert on article
    referencing new table as changed_articles for each statement execute function queue_articles_for_search();
create trigger article_updated_for_search after update on article
    referencing new table as changed_articles for each statement execute function queue_articles_for_search();
create trigger article_deleted_for_search after delete on article
    referencing old table as changed_articles for each statement execute function queue_articles_for_search();
