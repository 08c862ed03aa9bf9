/**
 * How a public answer is cached and revalidated: {@link news.broadsheet.web.caching.ContentSnapshot} (the content
 * version one request is answered from), {@link news.broadsheet.web.caching.HttpCaching} (ETags, Cache-Control, Vary,
 * 304s) and {@link news.broadsheet.web.caching.ResponseCache} (answers kept in memory under that version).
 */
package news.broadsheet.web.caching;
