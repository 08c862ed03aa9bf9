package news.broadsheet.article;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import news.broadsheet.site.SiteAddresses;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.List;

/**
 * An article as schema.org structured data ({@code application/ld+json}): the properties Google's article
 * documentation reads, for the frontend to place in its page.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
@Schema(name = "NewsArticleJsonLd", description = "A schema.org NewsArticle. `<`, `>` and `&` are escaped as \\u003c, \\u003e and "
        + "\\u0026, so the answer can be placed in the page's JSON-LD script element as it is.",
        requiredProperties = {"@context", "@type", "headline", "mainEntityOfPage", "url", "publisher", "isAccessibleForFree"})
record NewsArticleLd(
        @JsonProperty("@context") @Schema(examples = "https://schema.org") String context,
        @JsonProperty("@type") @Schema(examples = "NewsArticle") String type,
        @Schema(description = "The title, cut to 110 characters on a word boundary", examples = "Lviv's trams run again after the storm")
        String headline,
        @Schema(examples = "Crews cleared the lines overnight") String alternativeHeadline,
        @Schema(examples = "All twelve lines are running, the city says.") String description,
        WebPage mainEntityOfPage,
        @Schema(description = "The article's page on the public site", examples = "https://news.example/europe/lviv-trams-run-again") String url,
        @Schema(description = "The hero image, when there is one", examples = "[\"https://images.example.org/lviv-tram.jpg\"]") List<String> image,
        @Schema(examples = "2026-11-24T09:30:00Z") Instant datePublished,
        @Schema(description = "The article's modifiedAt: its latest correction or update note, else its publication", examples = "2026-11-24T10:02:00Z") Instant dateModified,
        @Schema(description = "The bylines; left out for an article without one") List<Person> author,
        Organization publisher,
        @Schema(description = "The section's name", examples = "Europe") String articleSection,
        @Schema(description = "The tags", examples = "[\"transport\", \"lviv\"]") List<String> keywords,
        @Schema(examples = "412") Integer wordCount,
        @Schema(examples = "Lviv") String dateline,
        @Schema(description = "broadsheet.site.language", examples = "en") String inLanguage,
        @Schema(examples = "true") boolean isAccessibleForFree,
        @Schema(description = "The article's corrections and clarifications (update notes are not corrections), oldest first")
        List<CorrectionComment> correction) {

    private static final int LONGEST_HEADLINE = 110;

    @Schema(name = "JsonLdWebPage", requiredProperties = {"@type", "@id"})
    record WebPage(@JsonProperty("@type") @Schema(examples = "WebPage") String type,
                   @JsonProperty("@id") @Schema(examples = "https://news.example/europe/lviv-trams-run-again") String id) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(name = "JsonLdPerson", requiredProperties = {"@type", "name"})
    record Person(@JsonProperty("@type") @Schema(examples = "Person") String type,
                  @Schema(examples = "Hanna Łukasik") String name,
                  @Schema(description = "The author's page (broadsheet.site.author-url)", examples = "https://news.example/authors/hanna-lukasik")
                  String url) {
    }

    @Schema(name = "JsonLdCorrectionComment", requiredProperties = {"@type", "text", "datePublished"})
    record CorrectionComment(@JsonProperty("@type") @Schema(examples = "CorrectionComment") String type,
                             @Schema(examples = "An earlier version of this article gave the wrong number of tram lines.") String text,
                             @Schema(examples = "2026-11-24T11:10:00Z") Instant datePublished) {
    }

    @Schema(name = "JsonLdOrganization", requiredProperties = {"@type", "name", "url", "logo"})
    record Organization(@JsonProperty("@type") @Schema(examples = "Organization") String type,
                        @Schema(examples = "Broadsheet") String name,
                        @Schema(examples = "https://news.example/") String url,
                        ImageObject logo) {
    }

    @Schema(name = "JsonLdImageObject", requiredProperties = {"@type", "url"})
    record ImageObject(@JsonProperty("@type") @Schema(examples = "ImageObject") String type,
                       @Schema(examples = "https://news.example/logo.png") String url) {
    }

    static NewsArticleLd of(ArticleView article, SiteAddresses site) {
        String page = site.article(article.section().slug(), article.slug());
        return new NewsArticleLd("https://schema.org", "NewsArticle", headline(article.title()), article.subtitle(), article.summary(),
                new WebPage("WebPage", page), page,
                article.heroImage() == null ? List.of() : List.of(article.heroImage().url()),
                article.publishedAt(), article.modifiedAt(),
                article.authors().stream().map(author -> new Person("Person", author.name(), site.author(author.slug()))).toList(),
                new Organization("Organization", site.publicationName(), site.home(), new ImageObject("ImageObject", site.logo())),
                article.section().name(), article.tags(), article.wordCount(), article.dateline(), site.language(), true,
                article.corrections().stream().filter(note -> note.kind() != CorrectionKind.UPDATE)
                        .map(note -> new CorrectionComment("CorrectionComment", note.text(), note.createdAt())).toList());
    }

    /** Google shows at most 110 characters: a longer title is cut after its last whole word that fits, with an ellipsis. */
    static String headline(String title) {
        if (title.codePointCount(0, title.length()) <= LONGEST_HEADLINE) {
            return title;
        }
        int limit = title.offsetByCodePoints(0, LONGEST_HEADLINE - 1); // room for the ellipsis
        int cut = title.lastIndexOf(' ', limit);
        String kept = (cut > 0 ? title.substring(0, cut) : title.substring(0, limit)).stripTrailing();
        return kept.replaceAll("[,;:\\-–—]+$", "") + "…";
    }
}
