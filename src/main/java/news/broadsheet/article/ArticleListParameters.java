package news.broadsheet.article;

import jakarta.ws.rs.QueryParam;
import news.broadsheet.database.Clock;
import news.broadsheet.web.paging.Cursor;
import news.broadsheet.web.QueryParameters;
import news.broadsheet.web.paging.PageSize;
import news.broadsheet.web.problem.FieldError;
import news.broadsheet.web.problem.InvalidInput;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/** The list's query parameters as sent; {@link #toQuery} checks them all and names every bad one. */
public class ArticleListParameters {

    static final int MAX_QUERY_LENGTH = 500;

    @QueryParam("q")
    @Parameter(description = "Full-text search over title, subtitle, summary and body, in web-search syntax: words, \"quoted phrases\", "
            + "or, -excluded. Accent-insensitive and stemmed (Krakow finds Kraków, election finds elections); any syntax is accepted. "
            + "Unless sort is given, results come by relevance: first the 1,000 newest articles whose title, subtitle or summary "
            + "match, ranked (title above subtitle and summary; equal ranks newest first), then every other match, newest first. "
            + "An excluded word excludes an article wherever it appears, body included.",
            example = "tram")
    String q;

    @QueryParam("highlight")
    @Parameter(description = "With q: true adds to each item a short snippet of the text around the match (title, subtitle, summary "
            + "or the first 20,000 characters of the body), the matched words in <mark>; the rest of the snippet is HTML-escaped", schema = @Schema(type = SchemaType.BOOLEAN, defaultValue = "false"))
    String highlight;

    @QueryParam("limit")
    @Parameter(description = "Items per page", schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "100", defaultValue = "20"), example = "20")
    String limit;

    @QueryParam("cursor")
    @Parameter(description = "The `next` value of the previous page; opaque. Leave it out for the first page.")
    String cursor;

    @QueryParam("count")
    @Parameter(description = "true adds `total`, the number of matching articles", schema = @Schema(type = SchemaType.BOOLEAN, defaultValue = "false"))
    String count;

    @QueryParam("section")
    @Parameter(description = "Section slug; its child sections are included", example = "europe")
    String section;

    @QueryParam("tag")
    @Parameter(description = "Tag slug", example = "transport")
    String tag;

    @QueryParam("author")
    @Parameter(description = "Author slug: the articles this author is credited on; an unknown slug gives an empty list, not an error",
            example = "hanna-lukasik")
    String author;

    @QueryParam("featured")
    @Parameter(description = "true for editors' picks only, false for the rest", schema = @Schema(type = SchemaType.BOOLEAN))
    String featured;

    @QueryParam("from")
    @Parameter(description = "Published at or after: an RFC 3339 time, or a date (from its start, UTC)",
            schema = @Schema(type = SchemaType.STRING), example = "2026-11-01")
    String from;

    @QueryParam("to")
    @Parameter(description = "Published at or before: an RFC 3339 time, or a date (to its end, UTC)",
            schema = @Schema(type = SchemaType.STRING), example = "2026-11-30T23:59:59Z")
    String to;

    @QueryParam("sort")
    @Parameter(description = "Order of the list; default -publishedAt, or relevance when q is given (relevance needs q)",
            schema = @Schema(type = SchemaType.STRING, enumeration = {"-publishedAt", "publishedAt", "-updatedAt", "relevance"}))
    String sort;

    @QueryParam("status")
    @Parameter(description = "Editors only (a token is required): DRAFT, ARCHIVED, PUBLISHED (scheduled ones included) or ANY. "
            + "Without it, everyone gets the public view: published articles whose publishedAt has come.",
            schema = @Schema(type = SchemaType.STRING, enumeration = {"DRAFT", "PUBLISHED", "ARCHIVED", "ANY"}))
    String status;

    boolean asksForUnpublished() {
        return status != null;
    }

    ArticleQuery toQuery() {
        List<FieldError> errors = new ArrayList<>();
        int pageSize = PageSize.parse(limit, errors);
        String search = blankToNull(q);
        if (search != null && search.length() > MAX_QUERY_LENGTH) {
            errors.add(new FieldError("q", "must be at most " + MAX_QUERY_LENGTH + " characters"));
        }
        ArticleSort order = search == null ? ArticleSort.NEWEST : ArticleSort.RELEVANCE;
        if (sort != null) {
            order = ArticleSort.ofParameter(sort).orElse(null);
            if (order == null) {
                errors.add(new FieldError("sort", "must be one of -publishedAt, publishedAt, -updatedAt, relevance"));
            } else if (order.byRank() && search == null) {
                errors.add(new FieldError("sort", "relevance needs a search query (q)"));
                order = null;
            }
        }
        Cursor position = null;
        if (cursor != null && order != null) {
            try {
                position = Cursor.decode(cursor, order.parameter);
                if (order.byRank() && !position.hasTimeKey()) {
                    position.rank(); // a relevance cursor holds a rank and a time, or a time past the ranked part
                    position.rankedTime();
                } else {
                    position.time();
                }
            } catch (InvalidInput e) {
                errors.addAll(e.errors());
            }
        }
        Boolean withHighlight = QueryParameters.bool("highlight", highlight, errors);
        Instant fromTime = time("from", from, false, errors);
        Instant toTime = time("to", to, true, errors);
        ArticleQuery.Visibility visibility = ArticleQuery.Visibility.PUBLIC;
        if (status != null) {
            try {
                visibility = ArticleQuery.Visibility.valueOf(status);
                if (visibility == ArticleQuery.Visibility.PUBLIC) {
                    throw new IllegalArgumentException();
                }
            } catch (IllegalArgumentException e) {
                errors.add(new FieldError("status", "must be one of DRAFT, PUBLISHED, ARCHIVED, ANY"));
            }
        }
        Boolean featuredOnly = QueryParameters.bool("featured", featured, errors);
        Boolean withTotal = QueryParameters.bool("count", count, errors);
        if (!errors.isEmpty()) {
            throw new InvalidInput(errors);
        }
        return new ArticleQuery(search, Boolean.TRUE.equals(withHighlight) && search != null, blankToNull(section), blankToNull(tag), blankToNull(author), featuredOnly, fromTime, toTime,
                visibility, order, position, pageSize, Boolean.TRUE.equals(withTotal));
    }

    private static Instant time(String name, String value, boolean endOfDay, List<FieldError> errors) {
        if (value == null || value.isBlank()) {
            return null;
        }
        Instant time;
        try {
            time = OffsetDateTime.parse(value.trim()).toInstant();
        } catch (DateTimeParseException notATime) {
            try {
                LocalDate date = LocalDate.parse(value.trim());
                time = endOfDay ? date.plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC).minusNanos(1000)
                        : date.atStartOfDay().toInstant(ZoneOffset.UTC);
            } catch (DateTimeParseException notADate) {
                errors.add(new FieldError(name, "must be an RFC 3339 time (2026-11-24T09:30:00Z) or a date (2026-11-24)"));
                return null;
            }
        }
        if (!Clock.isStorable(time)) {
            errors.add(new FieldError(name, "must lie between the years 1 and 9999"));
            return null;
        }
        return time;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
