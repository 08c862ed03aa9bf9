package news.broadsheet.article;

import com.fasterxml.jackson.annotation.JsonInclude;
import news.broadsheet.author.Byline;
import news.broadsheet.media.ImageView;
import news.broadsheet.site.SiteAddresses;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * An article as an IPTC ninjs 3.1 news item ({@code application/ninjs+json}), the JSON that news agencies and their
 * partners exchange. 3.1 is the current version (2025): camelCase names, JSON Schema 2020-12, and associations for
 * pictures, which 2.x lacks in this form.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
@Schema(name = "NinjsDocument", description = "An IPTC ninjs 3.1 document; it validates against "
        + "http://www.iptc.org/std/ninjs/ninjs-schema_3.1.json", requiredProperties = {"uri", "standard", "type", "version",
        "versionCreated", "pubStatus", "language", "headlines", "bodies"})
record NinjsDocument(
        @Schema(description = "urn:uuid: and the article's id; stable across slug and section changes",
                examples = "urn:uuid:5d1e2f3a-4b5c-4d6e-8f70-8192a3b4c5d6") String uri,
        Standard standard,
        @Schema(examples = "text") String type,
        @Schema(examples = "full") String representationType,
        @Schema(description = "An opaque identifier of this version: the article's JSON ETag", examples = "q3KJ7f0m6Wgq1nUfM2pDbA")
        String version,
        @Schema(examples = "2026-11-24T08:05:00Z") Instant firstCreated,
        @Schema(examples = "2026-11-24T09:30:00Z") Instant versionCreated,
        @Schema(description = "The publication time of a scheduled article (editors only see those)") Instant embargoedUntil,
        @Schema(description = "usable when published, withheld for a draft, canceled when archived", examples = "usable") String pubStatus,
        @Schema(examples = "en") String language,
        @Schema(examples = "lviv-trams-run-again") String slugline,
        @Schema(examples = "Hanna Łukasik") String by,
        @Schema(examples = "Lviv") String located,
        List<Text> headlines,
        List<Text> descriptions,
        List<Body> bodies,
        List<Subject> subjects,
        List<Person> people,
        List<Association> associations) {

    static final String VERSION = "3.1";
    static final String SCHEMA = "http://www.iptc.org/std/ninjs/ninjs-schema_3.1.json";

    @Schema(name = "NinjsStandard")
    record Standard(@Schema(examples = "ninjs") String name, @Schema(examples = "3.1") String version,
                    @Schema(examples = SCHEMA) String schema) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(name = "NinjsText", requiredProperties = "value")
    record Text(@Schema(examples = "main") String role, @Schema(examples = "text/plain") String contentType,
                @Schema(examples = "Lviv's trams run again after the storm") String value) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(name = "NinjsBody", requiredProperties = "value")
    record Body(@Schema(examples = "main") String role, @Schema(examples = "text/html") String contentType,
                @Schema(examples = "412") Integer wordCount, @Schema(examples = "<p>Trams returned.</p>") String value) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(name = "NinjsSubject")
    record Subject(@Schema(examples = "transport") String name, @Schema(description = "tag, or section for the article's section",
            examples = "tag") String rel, @Schema(examples = "transport") String literal) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(name = "NinjsPerson")
    record Person(@Schema(examples = "Hanna Łukasik") String name, @Schema(examples = "author") String rel,
                  @Schema(examples = "https://news.example/authors/hanna-lukasik") String uri) {
    }

    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    @Schema(name = "NinjsAssociation", description = "The hero image, as a picture news object", requiredProperties = {"name", "uri"})
    record Association(@Schema(examples = "featureimage") String name, @Schema(examples = "picture") String type,
                       @Schema(examples = "https://images.example.org/lviv-tram.jpg") String uri,
                       @Schema(description = "The credit") String by,
                       List<Text> descriptions, List<Rendition> renditions) {
    }

    @Schema(name = "NinjsRendition", requiredProperties = "name")
    record Rendition(@Schema(examples = "original") String name, @Schema(examples = "https://images.example.org/lviv-tram.jpg") String href,
                     @Schema(examples = "image/webp") @JsonInclude(JsonInclude.Include.NON_NULL) String contenttype,
                     @Schema(examples = "640") @JsonInclude(JsonInclude.Include.NON_NULL) Integer width,
                     @Schema(examples = "360") @JsonInclude(JsonInclude.Include.NON_NULL) Integer height) {
    }

    static NinjsDocument of(ArticleView article, String version, boolean scheduled, SiteAddresses site) {
        List<Text> headlines = new ArrayList<>(List.of(new Text("main", "text/plain", article.title())));
        if (article.subtitle() != null) {
            headlines.add(new Text("sub", "text/plain", article.subtitle()));
        }
        List<Subject> subjects = new ArrayList<>();
        subjects.add(new Subject(article.section().name(), "section", article.section().slug()));
        article.tags().forEach(tag -> subjects.add(new Subject(tag, "tag", tag)));
        return new NinjsDocument("urn:uuid:" + article.id(), new Standard("ninjs", VERSION, SCHEMA), "text", "full", version,
                article.createdAt(), article.updatedAt(), scheduled ? article.publishedAt() : null, pubStatus(article.status()),
                site.language(), article.slug(), article.authors().isEmpty() ? null : names(article.authors()),
                article.dateline(), headlines,
                article.summary() == null ? List.of() : List.of(new Text("summary", "text/plain", article.summary())),
                List.of(new Body("main", "text/html", article.wordCount(), article.bodyHtml()),
                        new Body("source", "text/markdown", null, article.body())),
                subjects,
                article.authors().stream().map(author -> new Person(author.name(), "author", site.author(author.slug()))).toList(),
                article.heroImage() == null ? List.of() : List.of(heroImage(article.heroImage())));
    }

    /** A byline as printed: "Hanna Łukasik, Oleh Bondar". */
    static String names(List<Byline> authors) {
        return String.join(", ", authors.stream().map(Byline::name).toList());
    }

    private static Association heroImage(ImageView image) {
        List<Text> descriptions = new ArrayList<>();
        if (image.caption() != null) {
            descriptions.add(new Text("caption", "text/plain", image.caption()));
        }
        if (image.alt() != null) {
            descriptions.add(new Text("alt", "text/plain", image.alt()));
        }
        List<Rendition> renditions = new ArrayList<>(List.of(new Rendition("original", image.url(), null, image.width(), image.height())));
        if (image.renditions() != null) {
            image.renditions().forEach(r -> renditions.add(new Rendition(r.name() + "-" + r.mimeType().substring("image/".length()), r.url(),
                    r.mimeType(), r.width(), r.height())));
        }
        return new Association("featureimage", "picture", image.url(), image.credit(), descriptions, renditions);
    }

    private static String pubStatus(ArticleStatus status) {
        return switch (status) {
            case PUBLISHED -> "usable";
            case DRAFT -> "withheld";
            case ARCHIVED -> "canceled";
        };
    }
}
