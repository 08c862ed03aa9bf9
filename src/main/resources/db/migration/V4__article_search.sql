-- Full-text search: accent-insensitive ("Krakow" finds "Kraków"), English stemming, weighted
-- title (A) above subtitle and summary (B) above body (C), in a generated column with a GIN index.
create extension if not exists unaccent;

create text search configuration broadsheet_search (copy = english);
alter text search configuration broadsheet_search
    alter mapping for hword, hword_part, word with unaccent, english_stem;
alter text search configuration broadsheet_search
    alter mapping for asciihword, asciiword, hword_asciipart with unaccent, english_stem;

alter table article add column search tsvector generated always as (
    setweight(to_tsvector('broadsheet_search', title), 'A') ||
    setweight(to_tsvector('broadsheet_search', coalesce(subtitle, '') || ' ' || coalesce(summary, '')), 'B') ||
    setweight(to_tsvector('broadsheet_search', body), 'C')
) stored;

create index article_search_idx on article using gin (search);
