package news.broadsheet.article;

import com.fasterxml.jackson.annotation.JsonInclude;
import news.broadsheet.author.Byline;
import news.broadsheet.media.ImageView;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

@Schema(name = "ArticleSummary", description = "An article in a list: everything but body and bodyHtml",
        requiredProperties = {"id", "slug", "title", "section", "tags", "authors", "featured", "status", "createdAt", "updatedAt",
                "wordCount", "readingTimeMinutes"})
public record ArticleSummary(
        @Schema(examples = "5d1e2f3a-4b5c-4d6e-8f70-8192a3b4c5d6") UUID id,
        @Schema(examples = "lviv-trams-run-again") String slug,
        @Schema(examples = "Lviv's trams run again after the storm") String title,
        @Schema(examples = "Crews cleared the lines overnight") String subtitle,
        @Schema(examples = "All twelve lines are running, the city says.") String summary,
        ArticleSection section,
        @Schema(examples = "[\"transport\", \"lviv\"]") List<String> tags,
        @Schema(description = "The authors in byline order") List<Byline> authors,
        @Schema(examples = "Lviv") String dateline,
        ImageView heroImage,
        @Schema(examples = "false") boolean featured,
        @Schema(examples = "PUBLISHED") ArticleStatus status,
        @Schema(examples = "2026-11-24T09:30:00Z") Instant publishedAt,
        @Schema(description = MODIFIED_AT_DOC, examples = "2026-11-24T09:30:00Z") Instant modifiedAt,
        @Schema(examples = "2026-11-24T08:05:00Z") Instant createdAt,
        @Schema(examples = "2026-11-24T09:30:00Z") Instant updatedAt,
        @Schema(examples = "412") int wordCount,
        @Schema(examples = "2") int readingTimeMinutes,
        @Schema(description = "Only with q and highlight=true: the text around the match, HTML-escaped, matched words in <mark>",
                examples = "... trams returned to all twelve <mark>lines</mark> on Monday ...")
        @JsonInclude(JsonInclude.Include.NON_NULL) String highlight) {

    static final String MODIFIED_AT_DOC = "When readers were last told of a change: the latest correction or update note, else "
            + "publishedAt (null while there is neither). Feeds and structured data give it as the update time; an edit without "
            + "a note moves updatedAt only";

    ArticleSummary withHeroImage(ImageView image) {
        return new ArticleSummary(id, slug, title, subtitle, summary, section, tags, authors, dateline, image, featured, status,
                publishedAt, modifiedAt, createdAt, updatedAt, wordCount, readingTimeMinutes, highlight);
    }

    ArticleSummary withHighlight(String snippet) {
        return new ArticleSummary(id, slug, title, subtitle, summary, section, tags, authors, dateline, heroImage, featured, status,
                publishedAt, modifiedAt, createdAt, updatedAt, wordCount, readingTimeMinutes, snippet);
    }
}
