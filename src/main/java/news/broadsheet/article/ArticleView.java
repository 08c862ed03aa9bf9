package news.broadsheet.article;

import news.broadsheet.author.Byline;
import news.broadsheet.media.ImageView;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

@Schema(name = "Article", description = "An article in full", requiredProperties = {"id", "slug", "title", "body", "bodyHtml",
        "section", "tags", "authors", "featured", "status", "createdAt", "updatedAt", "wordCount", "readingTimeMinutes", "corrections"})
public record ArticleView(
        @Schema(examples = "5d1e2f3a-4b5c-4d6e-8f70-8192a3b4c5d6") UUID id,
        @Schema(examples = "lviv-trams-run-again") String slug,
        @Schema(examples = "Lviv's trams run again after the storm") String title,
        @Schema(examples = "Crews cleared the lines overnight") String subtitle,
        @Schema(examples = "All twelve lines are running, the city says.") String summary,
        @Schema(description = "Markdown source, byte for byte as written") String body,
        @Schema(description = "The body rendered to HTML and sanitized: no script, no event handlers, no javascript: links",
                examples = "<p>Trams returned to <strong>all twelve lines</strong> on Monday.</p>") String bodyHtml,
        ArticleSection section,
        @Schema(examples = "[\"transport\", \"lviv\"]") List<String> tags,
        @Schema(description = "The authors in byline order") List<Byline> authors,
        @Schema(examples = "Lviv") String dateline,
        ImageView heroImage,
        @Schema(examples = "false") boolean featured,
        @Schema(examples = "PUBLISHED") ArticleStatus status,
        @Schema(examples = "2026-11-24T09:30:00Z") Instant publishedAt,
        @Schema(description = ArticleSummary.MODIFIED_AT_DOC, examples = "2026-11-24T11:10:00Z") Instant modifiedAt,
        @Schema(examples = "2026-11-24T08:05:00Z") Instant createdAt,
        @Schema(examples = "2026-11-24T09:30:00Z") Instant updatedAt,
        @Schema(examples = "412") int wordCount,
        @Schema(description = "At 230 words a minute, at least 1 for a non-empty body", examples = "2") int readingTimeMinutes,
        @Schema(description = "Corrections, updates and clarifications for readers, oldest first; empty when there are none")
        List<CorrectionView> corrections) {

    static ArticleView from(Article a, ImageView heroImage, List<Byline> authors, List<CorrectionView> corrections) {
        return new ArticleView(a.id, a.slug, a.title, a.subtitle, a.summary, a.body, a.bodyHtml,
                new ArticleSection(a.section.slug, a.section.name), List.copyOf(a.tags), authors, a.dateline,
                heroImage, a.featured, a.status, a.publishedAt, a.notedAt != null ? a.notedAt : a.publishedAt, a.createdAt,
                a.updatedAt, a.wordCount, a.readingTimeMinutes, corrections);
    }
}
