/**
 * The HTTP layer every feature shares. Here: the order in which a request meets it ({@link news.broadsheet.web.HttpPipeline}),
 * cross-origin grants, body reading and the HTTP layer's own refusals, strict JSON and merge patches. By concern:
 * {@code problem} (what every error answers), {@code caching} (ETags, Cache-Control, the in-memory response cache),
 * {@code paging} (cursors and page sizes).
 */
package news.broadsheet.web;
