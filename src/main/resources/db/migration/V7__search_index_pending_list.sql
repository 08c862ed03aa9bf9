-- Bulk imports add hundreds of lexemes per article to the search index: a larger pending list lets GIN
-- merge them in big batches instead of many small ones.
alter index article_search_idx set (gin_pending_list_limit = 32768);
