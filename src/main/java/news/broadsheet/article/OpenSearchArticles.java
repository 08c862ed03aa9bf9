package news.broadsheet.article;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.enterprise.context.ApplicationScoped;
import news.broadsheet.search.ArticleIndex;
import news.broadsheet.search.SearchAvailability;
import news.broadsheet.search.SearchSyntax;
import news.broadsheet.section.SectionTree;
import news.broadsheet.section.UnknownSection;
import news.broadsheet.web.paging.Cursor;
import news.broadsheet.web.paging.Page;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * Searches ({@code q}) answered by OpenSearch (broadsheet.search.engine=opensearch): the index finds, ranks, counts and
 * highlights; the articles themselves are read from the database by id, so a list item is the same whichever engine
 * found it.
 * <p>
 * Relevance is the same rule as the database engine's, computed from the article alone: each word of the query counts
 * where it matches best, title (10) above subtitle and summary (4) above body (2); equal ranks come newest first.
 * Nothing in it depends on other articles (no term frequencies across the index), so a cursor keeps its place while
 * articles are published.
 */
@ApplicationScoped
class OpenSearchArticles {

    private static final List<String> TEXT_FIELDS = List.of("title", "subtitle", "summary", "body");
    /** The four text fields in one (copy_to in search/article-index.json), for matching. */
    private static final String ANYWHERE = "text";
    private static final int BODY_WEIGHT = 2;
    private static final Map<String, Integer> HEAD_WEIGHTS = headWeights();
    private static final String MATCH_START = "\u0002";
    private static final String MATCH_END = "\u0003";
    private static final int SNIPPET_FRAGMENTS = 2;

    private final DataSource dataSource;
    private final ArticleIndex index;
    private final SearchAvailability availability;
    private final ObjectMapper json;

    OpenSearchArticles(DataSource dataSource, ArticleIndex index, SearchAvailability availability, ObjectMapper json) {
        this.dataSource = dataSource;
        this.index = index;
        this.availability = availability;
        this.json = json;
    }

    private static Map<String, Integer> headWeights() {
        Map<String, Integer> weights = new LinkedHashMap<>();
        weights.put("title", 10);
        weights.put("subtitle", 4);
        weights.put("summary", 4);
        return weights;
    }

    /** The ids of a page of matches, in order, with the position after it, their count if asked and their snippets. */
    record Found(List<UUID> ids, Cursor next, Long total, Map<UUID, String> highlights) {
    }

    Found search(ArticleQuery query) {
        SearchSyntax syntax = SearchSyntax.parse(query.search()).withoutStopWords(index.stopWords());
        Found nothing = new Found(List.of(), null, query.count() ? 0L : null, Map.of());
        ArrayNode filter = json.createArrayNode();
        if (syntax.alternatives().isEmpty() || !filters(query, filter)) {
            return nothing; // stop words alone, as in the database; or an unknown author
        }
        List<SearchSyntax.Alternative> alternatives = syntax.alternatives();

        availability.require(); // after the request is read: a client's mistake is its 400 whatever the cluster's state
        Found found = alternatives.size() == 1 && query.sort().byRank()
                ? headMatchesThenTheRest(query, alternatives.get(0), filter)
                : scored(query, alternatives, filter);
        if (query.highlight() && !found.ids().isEmpty()) {
            return new Found(found.ids(), found.next(), found.total(), highlights(found.ids(), syntax));
        }
        return found;
    }

    /**
     * A search without {@code or} by relevance, as two searches in one round trip. The matches with a word in the head
     * are ranked (the sum of each word's best head field over the body's weight); the others all rank 0 and come after
     * them newest first, sorted as the index is (search/article-index.json), so the cluster stops at the page's end
     * instead of scoring every match and sorting the ties of rank 0 by time. At 1,000,000 articles most matches are
     * such ties. A cursor of rank 0 goes on in the second search alone.
     */
    private Found headMatchesThenTheRest(ArticleQuery query, SearchSyntax.Alternative alternative, ArrayNode filter) {
        alternative.required().forEach(term -> filter.add(inField(ANYWHERE, term, "all")));
        Cursor cursor = query.cursor();
        boolean inHeadDone = cursor != null && cursor.rank() <= 0;

        List<ObjectNode> requests = new ArrayList<>();
        if (!inHeadDone) {
            ObjectNode inHead = pageRequest(query);
            ObjectNode bool = matching(inHead, filter, alternative.excluded());
            ArrayNode should = bool.putArray("should");
            alternative.required().forEach(term -> should.add(headBonus(term)));
            bool.put("minimum_should_match", 1);
            ArrayNode sort = inHead.putArray("sort");
            sort.addObject().put("_score", "desc");
            newestFirst(sort);
            if (cursor != null) {
                inHead.putArray("search_after").add(cursor.rank()).add(cursor.rankedTime().toEpochMilli()).add(cursor.id().toString());
            }
            requests.add(inHead);
        }
        ObjectNode elsewhere = pageRequest(query);
        ArrayNode notInHead = matching(elsewhere, filter, alternative.excluded()).withArray("must_not");
        alternative.required().forEach(term -> HEAD_WEIGHTS.keySet().forEach(field -> notInHead.add(inField(field, term, "none"))));
        newestFirst(elsewhere.putArray("sort"));
        if (inHeadDone) {
            elsewhere.putArray("search_after").add(cursor.rankedTime().toEpochMilli()).add(cursor.id().toString());
        }
        requests.add(elsewhere);
        int pageSearches = requests.size();
        if (query.count()) {
            ObjectNode counting = json.createObjectNode();
            counting.put("size", 0);
            counting.put("track_total_hits", true);
            matching(counting, filter, alternative.excluded());
            requests.add(counting);
        }

        List<JsonNode> answers = index.multiSearch(requests);
        List<UUID> ids = new ArrayList<>();
        Cursor next = null;
        Cursor last = null;
        pages:
        for (int i = 0; i < pageSearches; i++) {
            boolean ranked = i == 0 && !inHeadDone;
            for (JsonNode hit : answers.get(i).path("hits").path("hits")) {
                if (ids.size() == query.limit()) {
                    next = last;
                    break pages;
                }
                UUID id = idOf(hit);
                ids.add(id);
                last = ranked
                        ? cursorAfter(query.sort(), hit)
                        : Cursor.after(query.sort().parameter, 0f, Instant.ofEpochMilli(hit.path("sort").get(0).asLong()), id);
            }
        }
        Long total = query.count() ? answers.get(pageSearches).path("hits").path("total").path("value").asLong() : null;
        return new Found(ids, next, total, Map.of());
    }

    /** The request's query: the articles that pass these filters and have none of the excluded terms; its bool, to add to. */
    private ObjectNode matching(ObjectNode request, ArrayNode filter, List<SearchSyntax.Term> excluded) {
        ObjectNode bool = request.putObject("query").putObject("bool");
        bool.set("filter", filter);
        exclude(excluded, bool);
        return bool;
    }

    /**
     * A page's size (one more, to tell whether there is a next page), no count (the cluster may stop early) and no
     * stored fields: a hit's id is its last sort value.
     */
    private ObjectNode pageRequest(ArticleQuery query) {
        ObjectNode request = json.createObjectNode();
        request.put("size", query.limit() + 1);
        request.put("stored_fields", "_none_");
        request.put("track_total_hits", false);
        return request;
    }

    /** Every search's sort ends with the id. */
    private static UUID idOf(JsonNode hit) {
        JsonNode values = hit.path("sort");
        return UUID.fromString(values.get(values.size() - 1).asText());
    }

    /** Newest first, as the index is sorted. */
    private static void newestFirst(ArrayNode sort) {
        sort.addObject().put("sort_time", "desc");
        sort.addObject().put("id", "desc");
    }

    /** Any other search: one search, ranked by score (each alternative's words, as {@link #required}) or sorted by time. */
    private Found scored(ArticleQuery query, List<SearchSyntax.Alternative> alternatives, ArrayNode filter) {
        ObjectNode request = pageRequest(query);
        request.put("track_total_hits", query.count());
        if (alternatives.size() == 1) { // sorted by time: its words are filters
            alternatives.get(0).required().forEach(term -> filter.add(inField(ANYWHERE, term, "all")));
            matching(request, filter, alternatives.get(0).excluded());
        } else {
            ObjectNode bool = matching(request, filter, List.of());
            ArrayNode any = bool.putArray("should");
            alternatives.forEach(alternative -> matches(alternative, any.addObject().putObject("bool")));
            bool.put("minimum_should_match", 1);
        }
        sort(request, query);

        JsonNode answer = index.search(request);
        JsonNode hits = answer.path("hits").path("hits");
        List<UUID> ids = new ArrayList<>();
        Cursor next = null;
        for (int i = 0; i < hits.size(); i++) {
            if (i == query.limit()) {
                next = cursorAfter(query.sort(), hits.get(i - 1));
                break;
            }
            ids.add(idOf(hits.get(i)));
        }
        Long total = query.count() ? answer.path("hits").path("total").path("value").asLong() : null;
        return new Found(ids, next, total, Map.of());
    }

    /** The snippets of these articles for the query's words. */
    private Map<UUID, String> highlights(List<UUID> ids, SearchSyntax syntax) {
        ObjectNode request = json.createObjectNode();
        request.put("size", ids.size());
        request.put("_source", false);
        ArrayNode values = request.putObject("query").putObject("ids").putArray("values");
        ids.forEach(id -> values.add(id.toString()));
        highlight(request, syntax);
        Map<UUID, String> highlights = new HashMap<>();
        for (JsonNode hit : index.search(request).path("hits").path("hits")) {
            if (hit.has("highlight")) {
                highlights.put(UUID.fromString(hit.path("_id").asText()), snippet(hit.path("highlight")));
            }
        }
        return highlights;
    }

    /** The filters of the list; false when one of them can match nothing (an unknown author). */
    private boolean filters(ArticleQuery query, ArrayNode filter) {
        switch (query.visibility()) {
            case PUBLIC -> {
                filter.addObject().putObject("term").put("status", "PUBLISHED");
                // to the second, so that the cluster can cache this filter for a second's searches: an article is
                // found by search up to a second after it is listed
                filter.addObject().putObject("range").putObject("sort_time").put("lte", Instant.now().truncatedTo(ChronoUnit.SECONDS).toString());
            }
            case PUBLISHED -> filter.addObject().putObject("term").put("status", "PUBLISHED");
            case DRAFT -> filter.addObject().putObject("term").put("status", "DRAFT");
            case ARCHIVED -> filter.addObject().putObject("term").put("status", "ARCHIVED");
            case ANY -> {
            }
        }
        if (query.tag() != null) {
            filter.addObject().putObject("term").put("tags", query.tag());
        }
        if (query.section() != null || query.author() != null) {
            // resolved before the search, not held during it: a connection is not kept waiting on the cluster
            try (Connection connection = dataSource.getConnection()) {
                if (query.section() != null) {
                    List<String> tree = strings(connection,
                            "select id from " + SectionTree.IDS_OF_SLUG_AND_CHILDREN + " t where id is not null", query.section());
                    if (tree.isEmpty()) {
                        throw UnknownSection.in("section", query.section());
                    }
                    ArrayNode ids = filter.addObject().putObject("terms").putArray("section_id");
                    tree.forEach(ids::add);
                }
                if (query.author() != null) {
                    List<String> author = strings(connection, "select id from author where slug = ?", query.author());
                    if (author.isEmpty()) {
                        return false;
                    }
                    filter.addObject().putObject("term").put("author_ids", author.get(0));
                }
            } catch (SQLException e) {
                throw new IllegalStateException("Reading a search's sections and author failed", e);
            }
        }
        if (query.featured() != null) {
            filter.addObject().putObject("term").put("featured", query.featured());
        }
        if (query.from() != null || query.to() != null) {
            ObjectNode range = filter.addObject().putObject("range").putObject("published_at");
            if (query.from() != null) {
                range.put("gte", query.from().toString());
            }
            if (query.to() != null) {
                range.put("lte", query.to().toString());
            }
        }
        return true;
    }

    /**
     * An alternative's clauses: each required term scores the weight of the best field it is in (these scores rank the
     * match), and no excluded one is anywhere.
     */
    private void matches(SearchSyntax.Alternative alternative, ObjectNode bool) {
        ArrayNode must = bool.putArray("must");
        alternative.required().forEach(term -> must.add(required(term)));
        exclude(alternative.excluded(), bool);
    }

    private void exclude(List<SearchSyntax.Term> excluded, ObjectNode bool) {
        if (!excluded.isEmpty()) {
            ArrayNode mustNot = bool.putArray("must_not");
            excluded.forEach(term -> mustNot.add(inField(ANYWHERE, term, "none")));
        }
    }

    /**
     * A required term, scored by the best field it is in. Wherever it is, it is in the article, which is worth the
     * body's weight; in the head it is worth that field's weight, the body's plus the difference. So matching reads one
     * list of articles per word (the field holding all four) and ranking only the head fields' short ones. A word the
     * analyzer splits (e-mail, O'Neill) matches with its parts anywhere; a phrase, within one field.
     */
    private ObjectNode required(SearchSyntax.Term term) {
        ObjectNode clause = json.createObjectNode();
        ObjectNode bool = clause.putObject("bool");
        // a term the analyzer reduces to nothing matches everywhere, as the database drops it
        bool.putArray("must").addObject().putObject("constant_score").put("boost", BODY_WEIGHT)
                .set("filter", inField(ANYWHERE, term, "all"));
        bool.putArray("should").add(headBonus(term));
        return clause;
    }

    /** What a term's best head field adds to the body's weight: 0 when it is in none. */
    private ObjectNode headBonus(SearchSyntax.Term term) {
        ObjectNode best = json.createObjectNode();
        ArrayNode head = best.putObject("dis_max").putArray("queries");
        HEAD_WEIGHTS.forEach((field, weight) -> head.addObject().putObject("constant_score").put("boost", weight - BODY_WEIGHT)
                .set("filter", inField(field, term, "none")));
        return best;
    }

    private ObjectNode inField(String field, SearchSyntax.Term term, String zeroTerms) {
        ObjectNode match = json.createObjectNode();
        ObjectNode options = match.putObject(term.phrase() ? "match_phrase" : "match").putObject(field)
                .put("query", term.text()).put("zero_terms_query", zeroTerms);
        if (!term.phrase()) {
            options.put("operator", "and");
        }
        return match;
    }

    /** A word (all its tokens, each in any field) or a phrase (in one field), for highlights in the fields themselves. */
    private ObjectNode inAnyTextField(SearchSyntax.Term term) {
        ObjectNode match = json.createObjectNode();
        ObjectNode multi = match.putObject("multi_match").put("query", term.text());
        TEXT_FIELDS.forEach(multi.putArray("fields")::add);
        if (term.phrase()) {
            multi.put("type", "phrase");
        } else {
            multi.put("type", "cross_fields").put("operator", "and");
        }
        return match;
    }

    /** Times in the index are to the millisecond: its date type spans years 1 to 9999 (nanoseconds end in 2262). */
    private void sort(ObjectNode request, ArticleQuery query) {
        ArrayNode sort = request.putArray("sort");
        ArticleSort order = query.sort();
        String direction = order.descending ? "desc" : "asc";
        String timeField = order == ArticleSort.RECENTLY_UPDATED ? "updated_at" : "sort_time";
        if (order.byRank()) {
            sort.addObject().put("_score", "desc");
        }
        sort.addObject().put(timeField, direction);
        sort.addObject().put("id", direction);
        Cursor cursor = query.cursor();
        if (cursor != null) {
            ArrayNode after = request.putArray("search_after");
            if (order.byRank()) {
                after.add(cursor.rank());
                after.add(cursor.rankedTime().toEpochMilli());
            } else {
                after.add(cursor.time().toEpochMilli());
            }
            after.add(cursor.id().toString());
        }
    }

    private static Cursor cursorAfter(ArticleSort order, JsonNode hit) {
        JsonNode values = hit.path("sort");
        UUID id = idOf(hit);
        if (order.byRank()) {
            return Cursor.after(order.parameter, (float) values.get(0).asDouble(), Instant.ofEpochMilli(values.get(1).asLong()), id);
        }
        return Cursor.after(order.parameter, Instant.ofEpochMilli(values.get(0).asLong()), id);
    }

    /** Marks the query's words and phrases (not the excluded ones) in the head whole and in up to two passages of the body. */
    private void highlight(ObjectNode request, SearchSyntax syntax) {
        ObjectNode highlight = request.putObject("highlight");
        highlight.putArray("pre_tags").add(MATCH_START);
        highlight.putArray("post_tags").add(MATCH_END);
        highlight.put("encoder", "default");
        highlight.put("require_field_match", false);
        ObjectNode fields = highlight.putObject("fields");
        for (String field : TEXT_FIELDS) {
            ObjectNode options = fields.putObject(field);
            if (field.equals("body")) {
                options.put("fragment_size", 160).put("number_of_fragments", SNIPPET_FRAGMENTS)
                        .put("max_analyzer_offset", RelevanceSearch.HIGHLIGHTED_BODY_CHARACTERS);
            } else {
                options.put("number_of_fragments", 0);
            }
        }
        ObjectNode terms = highlight.putObject("highlight_query").putObject("bool");
        ArrayNode should = terms.putArray("should");
        syntax.positiveTerms().forEach(term -> should.add(inAnyTextField(term)));
    }

    /** Up to two passages that show a match, head fields first, as the database engine's snippets. */
    private static String snippet(JsonNode highlight) {
        List<String> passages = new ArrayList<>();
        for (String field : TEXT_FIELDS) {
            for (JsonNode passage : highlight.path(field)) {
                if (passages.size() < SNIPPET_FRAGMENTS) {
                    passages.add(passage.asText().replace(MATCH_START + MATCH_END, ""));
                }
            }
        }
        return Snippets.toHtml(String.join(" … ", passages));
    }

    private static List<String> strings(Connection connection, String sql, String parameter) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(sql)) {
            query.setString(1, parameter);
            List<String> values = new ArrayList<>();
            try (ResultSet row = query.executeQuery()) {
                while (row.next()) {
                    values.add(row.getString(1));
                }
            }
            return values;
        }
    }

    /** The page of list items, read from the database in the index's order. */
    static Page<ArticleSummary> page(Found found, List<ArticleSummary> items) {
        List<ArticleSummary> shown = items.stream()
                .map(item -> found.highlights().containsKey(item.id()) ? item.withHighlight(found.highlights().get(item.id())) : item)
                .toList();
        return new Page<>(shown, found.next() == null ? null : found.next().encode(), found.total());
    }
}
