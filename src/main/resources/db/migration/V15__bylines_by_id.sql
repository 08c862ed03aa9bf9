-- The byline strings live on as authors (V14); articles name them by id.
drop index article_authors_idx;
alter table article drop column authors;
create index article_author_ids_idx on article using gin (author_ids);
