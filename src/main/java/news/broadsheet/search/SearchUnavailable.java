package news.broadsheet.search;

import news.broadsheet.web.problem.ServiceBusy;

/**
 * 503 search-unavailable: the search engine cannot answer (OpenSearch down, behind on changes, or its first index still
 * being built). A search is refused rather than answered from an index that may miss articles; lists without q still
 * answer.
 */
public class SearchUnavailable extends ServiceBusy {

    static final long RETRY_SECONDS = 10;

    public SearchUnavailable(String why) {
        super("search-unavailable", "Search is unavailable for now: " + why + "; lists without q still answer", RETRY_SECONDS);
    }
}
