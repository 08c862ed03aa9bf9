package news.broadsheet.article;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import news.broadsheet.author.Credit;
import news.broadsheet.media.HeroImage;
import news.broadsheet.section.Section;
import news.broadsheet.section.SectionRepository;
import news.broadsheet.web.caching.ETags;
import news.broadsheet.web.caching.Stored;
import news.broadsheet.web.paging.Cursor;
import news.broadsheet.web.paging.Page;
import news.broadsheet.web.problem.Conflict;
import news.broadsheet.web.problem.InvalidInput;
import news.broadsheet.web.problem.NotFound;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * An article's revisions (V20__revisions.sql): recorded by the database with every write; here they are listed and
 * read. A revision keeps the values its change replaced, so the state at revision n is the current article with the
 * replaced values of every later revision put back, newest first.
 */
@ApplicationScoped
public class ArticleRevisions {

    private static final String SORT = "revision";

    private final ArticleRepository articles;
    private final SectionRepository sections;
    private final ObjectMapper json;

    ArticleRevisions(ArticleRepository articles, SectionRepository sections, ObjectMapper json) {
        this.articles = articles;
        this.sections = sections;
        this.json = json;
    }

    /** Newest first, keyset-paged by number. */
    @Transactional
    public Page<RevisionSummary> list(String slug, int limit, String cursor) {
        Article article = find(slug);
        Integer before = null;
        if (cursor != null) {
            Cursor position = Cursor.decode(cursor, SORT);
            before = number(position.key());
            if (before == null || !position.id().equals(article.id)) {
                throw new InvalidInput("cursor", "is not a cursor of this article's revisions");
            }
        }
        List<RevisionSummary> found = articles.revisions(article.id, before, limit + 1);
        List<RevisionSummary> items = found.stream().limit(limit).toList();
        String next = found.size() > limit
                ? new Cursor(SORT, Integer.toString(items.get(items.size() - 1).number()), article.id).encode() : null;
        return new Page<>(items, next, null);
    }

    /** One revision in full; immutable, so its tag never changes. */
    @Transactional
    public Stored<RevisionView> get(String slug, String number) {
        Article article = find(slug);
        RevisionSummary revision = revision(article, number);
        return new Stored<>(RevisionView.of(revision, stateAt(article, revision.number())),
                ETags.of("revision", article.id, revision.number()), false);
    }

    /** The article as revision {@code number} left it, slug included; 404 when it has no such revision. */
    ArticleInput stateAt(Article article, String number) {
        return stateAt(article, revision(article, number).number());
    }

    private ArticleInput stateAt(Article article, int number) {
        State state = new State(article);
        for (String replaced : articles.replacedAfter(article.id, number)) {
            try {
                state.putBack(json.readTree(replaced));
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("A revision of article " + article.id + " holds unreadable JSON", e);
            }
        }
        Section section = state.sectionId.equals(article.section.id) ? article.section : sections.findById(state.sectionId);
        if (section == null) {
            throw new Conflict("revision-section-gone", "The section of revision " + number + " has been deleted since; "
                    + "restore it, or PUT the revision's article with another section");
        }
        List<String> authors = articles.creditsOf(state.authorIds).stream().map(Credit::slug).toList();
        return new ArticleInput(state.slug, state.title, state.subtitle, state.summary, state.body, new SectionRef(section.slug),
                state.tags, authors, state.dateline, state.heroImage, state.featured, state.status, state.publishedAt);
    }

    private Article find(String slug) {
        return articles.findBySlug(slug).orElseThrow(() -> new NotFound("article", slug));
    }

    private RevisionSummary revision(Article article, String number) {
        Integer parsed = number(number);
        if (parsed == null) {
            throw new InvalidInput("number", "must be a revision number: 1, 2, 3...");
        }
        return articles.revision(article.id, parsed).orElseThrow(() -> new NotFound("revision", article.slug + "/" + number));
    }

    private static Integer number(String text) {
        if (text == null || !text.matches("[1-9][0-9]{0,8}")) {
            return null;
        }
        return Integer.parseInt(text);
    }

    /** An article's content fields as stored, put back revision by revision. */
    private static final class State {
        String slug;
        String title;
        String subtitle;
        String summary;
        String body;
        UUID sectionId;
        List<String> tags;
        List<UUID> authorIds;
        String dateline;
        HeroImage heroImage;
        boolean featured;
        ArticleStatus status;
        Instant publishedAt;

        State(Article article) {
            slug = article.slug;
            title = article.title;
            subtitle = article.subtitle;
            summary = article.summary;
            body = article.body;
            sectionId = article.section.id;
            tags = List.copyOf(article.tags);
            authorIds = List.copyOf(article.authorIds);
            dateline = article.dateline;
            heroImage = article.heroImage;
            featured = article.featured;
            status = article.status;
            publishedAt = article.publishedAt;
        }

        /** The field names are those of V20__revisions.sql's trigger. */
        void putBack(JsonNode replaced) {
            replaced.fields().forEachRemaining(field -> {
                JsonNode value = field.getValue();
                String text = value.isNull() ? null : value.asText();
                switch (field.getKey()) {
                    case "slug" -> slug = text;
                    case "title" -> title = text;
                    case "subtitle" -> subtitle = text;
                    case "summary" -> summary = text;
                    case "body" -> body = text;
                    case "section" -> sectionId = UUID.fromString(text);
                    case "tags" -> tags = strings(value);
                    case "authors" -> authorIds = strings(value).stream().map(UUID::fromString).toList();
                    case "dateline" -> dateline = text;
                    case "heroImage" -> heroImage = value.isNull() ? null : new HeroImage(value.path("url").textValue(),
                            value.path("alt").textValue(), value.path("caption").textValue(), value.path("credit").textValue());
                    case "featured" -> featured = value.asBoolean();
                    case "status" -> status = ArticleStatus.valueOf(text);
                    case "publishedAt" -> publishedAt = text == null ? null : OffsetDateTime.parse(text).toInstant();
                    default -> throw new IllegalStateException("A revision names an unknown field: " + field.getKey());
                }
            });
        }

        private static List<String> strings(JsonNode array) {
            List<String> values = new ArrayList<>();
            array.forEach(item -> values.add(item.asText()));
            return List.copyOf(values);
        }
    }
}
