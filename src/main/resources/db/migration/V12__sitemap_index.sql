-- Sitemaps walk public articles in publication order, one month at a time; the sitemap index counts each month's
-- articles and finds their latest change. Keyed by publication time and carrying what those need (article_is_public
-- reads created_at too), so the index is built from this index alone (an index-only scan), without reading a million
-- rows of the table, and a month's sitemap is a range of it.
create index article_sitemap_idx on article (published_at, id) include (created_at, updated_at) where status = 'PUBLISHED';
