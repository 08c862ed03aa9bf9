-- Every change the public can see is an event, recorded by triggers in the transaction that makes it, whichever path
-- writes (single writes, the import's SQL, restores, cascades). Events feed GET /api/v1/events and the webhooks'
-- outbox: a delivery row per subscribed webhook is written in the same transaction, so a committed change is never
-- lost and a rolled-back one never announced.
--
-- The feed's order is commit order: at commit, a deferred trigger takes one advisory lock (held to the end of the
-- transaction) and gives the transaction the next number from a sequence, in change_commit. Whoever numbers next
-- waits for the commit, so numbers follow commit order, and a reader that sees number n also sees every number below
-- it, however the transactions' ids interleave. Only the commit itself is serialized, not the writes before it, and
-- an event costs one row: its transaction is numbered once, whatever number of events it records.
create table change_event (
    id          bigserial   primary key,
    xid         xid8        not null default pg_current_xact_id(),
    type        text        not null,
    subject_id  uuid        not null,
    occurred_at timestamptz not null default clock_timestamp(),
    data        jsonb       not null
);
create index change_event_xid_idx on change_event (xid);
create index change_event_published_idx on change_event (subject_id, occurred_at) where type = 'article.published';

create sequence change_commit_position;

create table change_commit (
    xid          xid8        primary key,
    position     bigint      not null unique,
    committed_at timestamptz not null default clock_timestamp()
);

create function change_event_committed() returns trigger language plpgsql as $$
begin
    if current_setting('broadsheet.commit_numbered', true) = 'yes' then
        return null; -- the transaction's first event numbered it already
    end if;
    perform set_config('broadsheet.commit_numbered', 'yes', true);
    perform pg_advisory_xact_lock(hashtext('broadsheet.change_commit_position'));
    insert into change_commit (xid, position) values (pg_current_xact_id(), nextval('change_commit_position'));
    return null;
end
$$;

create constraint trigger change_event_in_commit_order after insert on change_event
    deferrable initially deferred for each row execute function change_event_committed();

-- Subscriptions. The secret is stored encrypted (AES-GCM, key from configuration): the database alone does not give
-- a usable signing key. After a rotation the previous secret still signs until previous_secret_until. The configured
-- WebSub hub is one more row (kind 'websub', no secret, not shown to admins), so its notifications share the outbox.
create table webhook (
    id                     uuid        primary key,
    kind                   text        not null default 'webhook' check (kind in ('webhook', 'websub')),
    url                    text        not null,
    events                 text[]      not null,
    description            text,
    enabled                boolean     not null default true,
    disabled_reason        text,
    secret                 bytea       not null,
    previous_secret        bytea,
    previous_secret_until  timestamptz,
    failing_since          timestamptz,
    created_at             timestamptz not null,
    updated_at             timestamptz not null,
    version                bigint      not null default 0
);

create table webhook_delivery (
    id               uuid        primary key,
    webhook_id       uuid        not null references webhook (id) on delete cascade,
    event_id         bigint      not null references change_event (id) on delete cascade,
    status           text        not null default 'PENDING',
    attempts         integer     not null default 0,
    last_status_code integer,
    last_error       text,
    last_attempt_at  timestamptz,
    next_attempt_at  timestamptz,
    delivered_at     timestamptz,
    -- retries go on for a while (broadsheet.webhooks.retry-for) from here: the creation, or the last redelivery asked for
    retrying_since   timestamptz not null,
    created_at       timestamptz not null,
    constraint webhook_delivery_status_check check (status in ('PENDING', 'DELIVERED', 'FAILED'))
);
create index webhook_delivery_due_idx on webhook_delivery (next_attempt_at) where status = 'PENDING';
create index webhook_delivery_log_idx on webhook_delivery (webhook_id, created_at desc, id desc);
create index webhook_delivery_event_idx on webhook_delivery (event_id);

-- The outbox: one delivery per enabled webhook that subscribes to the event's type, in the change's transaction.
create function change_event_delivered() returns trigger language plpgsql as $$
begin
    insert into webhook_delivery (id, webhook_id, event_id, next_attempt_at, retrying_since, created_at)
    select gen_random_uuid(), w.id, new.id, now(), now(), now() from webhook w where w.enabled and new.type = any (w.events);
    return null;
end
$$;

create trigger change_event_outbox after insert on change_event for each row execute function change_event_delivered();

-- Articles: what the public sees is what counts. Becoming public (a write, or a scheduled time coming: see
-- scheduled_publication below) is article.published; leaving it, article.unpublished (or article.deleted); a change
-- while public, article.updated (a correction note included). Drafts and scheduled articles emit nothing.
-- Judged at the moment of the write (clock_timestamp, not the transaction's start): "publish now" sets publishedAt
-- to the service's clock just before the row is written, so the row is public when the trigger sees it.
create function article_event_recorded() returns trigger language plpgsql as $$
declare
    at         timestamptz := clock_timestamp();
    was_public boolean := tg_op <> 'INSERT' and old.status = 'PUBLISHED' and coalesce(old.published_at, old.created_at) <= at;
    is_public  boolean := tg_op <> 'DELETE' and new.status = 'PUBLISHED' and coalesce(new.published_at, new.created_at) <= at;
    kind       text;
    data       jsonb;
begin
    if is_public and not was_public then
        kind := 'article.published';
    elsif was_public and not is_public then
        kind := case when tg_op = 'DELETE' then 'article.deleted' else 'article.unpublished' end;
    elsif is_public and was_public then
        if to_jsonb(old) - array['updated_at', 'version'] = to_jsonb(new) - array['updated_at', 'version'] then
            return null;
        end if;
        kind := 'article.updated';
    else
        return null;
    end if;
    if tg_op = 'DELETE' then
        data := jsonb_build_object('id', old.id, 'slug', old.slug,
            'section', (select s.slug from section s where s.id = old.section_id));
    else
        data := jsonb_build_object('id', new.id, 'slug', new.slug,
            'section', (select s.slug from section s where s.id = new.section_id), 'publishedAt', new.published_at);
        if tg_op = 'UPDATE' and old.slug <> new.slug then
            data := data || jsonb_build_object('oldSlug', old.slug);
        end if;
        if tg_op = 'UPDATE' and old.section_id <> new.section_id then
            data := data || jsonb_build_object('oldSection', (select s.slug from section s where s.id = old.section_id));
        end if;
    end if;
    insert into change_event (type, subject_id, occurred_at, data) values (kind, coalesce(new.id, old.id), at, data);
    return null;
end
$$;

create trigger article_events after insert or update or delete on article
    for each row execute function article_event_recorded();

-- Sections, authors and collections: any change but the bookkeeping columns, with the slug (and the old one on a
-- rename) so a frontend knows which pages to rebuild.
create function resource_event_recorded() returns trigger language plpgsql as $$
declare
    data jsonb;
begin
    if tg_op = 'UPDATE' and to_jsonb(old) - array['updated_at', 'version'] = to_jsonb(new) - array['updated_at', 'version'] then
        return null;
    end if;
    if tg_op = 'DELETE' then
        data := jsonb_build_object('id', old.id, 'slug', old.slug, 'change', 'deleted');
    else
        data := jsonb_build_object('id', new.id, 'slug', new.slug, 'change', case when tg_op = 'INSERT' then 'created' else 'updated' end);
        if tg_op = 'UPDATE' and old.slug <> new.slug then
            data := data || jsonb_build_object('oldSlug', old.slug);
        end if;
    end if;
    insert into change_event (type, subject_id, data) values (tg_argv[0], coalesce(new.id, old.id), data);
    return null;
end
$$;

create trigger section_events after insert or update or delete on section
    for each row execute function resource_event_recorded('section.changed');
create trigger author_events after insert or update or delete on author
    for each row execute function resource_event_recorded('author.changed');
create trigger collection_events after insert or update or delete on collection
    for each row execute function resource_event_recorded('collection.changed');

-- A scheduled article goes live with no write at that moment: the service announces, now and then, the articles whose
-- time came since `until` (looking ten minutes further back, for writes that committed late or on a clock a little
-- ahead of the database's) and that nothing announced yet (no article.published at or after their time). One row,
-- locked by the announcer, so several instances take turns.
create table scheduled_publication (
    id    integer     primary key check (id = 1),
    until timestamptz not null
);
insert into scheduled_publication values (1, now());

-- Events are kept for broadsheet.events.retention, their deliveries with them; removal goes by commit number, so the
-- feed knows that a cursor below `through` has lost events and says so instead of skipping them silently.
create table change_event_pruned (
    id      integer primary key check (id = 1),
    through bigint  not null
);
insert into change_event_pruned values (1, 0);
