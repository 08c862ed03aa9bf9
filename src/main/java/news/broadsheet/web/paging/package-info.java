/** Keyset pagination: opaque cursors, page sizes and the page envelope every list answers. */
package news.broadsheet.web.paging;
