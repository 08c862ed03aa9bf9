-- Relevance ranks what an article is about: its title (A), subtitle and summary (B), in a small vector of their own
-- that stays in the row, with a GIN index of its own; the full vector (with the body) still decides what matches.
alter table article add column search_head tsvector generated always as (
    setweight(to_tsvector('broadsheet_search', title), 'A') ||
    setweight(to_tsvector('broadsheet_search', coalesce(subtitle, '') || ' ' || coalesce(summary, '')), 'B')
) stored;

create index article_search_head_idx on article using gin (search_head);
