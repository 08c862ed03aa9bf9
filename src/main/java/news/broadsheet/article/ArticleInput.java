package news.broadsheet.article;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import news.broadsheet.slug.Slugs;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.List;

@Schema(name = "ArticleInput", description = "An article as written by an editor. On PUT the path gives the slug.")
public record ArticleInput(
        @Schema(description = "Left out on create: derived from the title (transliterated to ASCII); a taken derived slug gets -2, -3, ...",
                examples = "lviv-trams-run-again", maxLength = 120, pattern = Slugs.PATTERN)
        @Pattern(regexp = Slugs.PATTERN, message = "must be " + Slugs.RULE) @Size(max = Slugs.MAX_LENGTH)
        String slug,

        @Schema(examples = "Lviv's trams run again after the storm", maxLength = 300, required = true)
        @NotBlank @Size(max = 300)
        String title,

        @Schema(examples = "Crews cleared the lines overnight", maxLength = 500)
        @Size(max = 500)
        String subtitle,

        @Schema(description = "The standfirst shown in lists", examples = "All twelve lines are running, the city says.", maxLength = 2000)
        @Size(max = 2000)
        String summary,

        @Schema(description = "Markdown (CommonMark with GFM tables, strikethrough and autolinks), kept byte for byte. Empty when left out.",
                examples = "Trams returned to **all twelve lines** on Monday.\n\n> We worked through the night, said a driver.\n", maxLength = 1000000)
        @Size(max = 1_000_000)
        String body,

        @Schema(ref = "SectionRef", required = true)
        @NotNull(message = "must name a section") @Valid
        SectionRef section,

        @Schema(description = "Tag slugs; empty when left out", examples = "[\"transport\", \"lviv\"]", maxItems = 30)
        @Size(max = 30)
        List<@NotBlank @Pattern(regexp = Slugs.PATTERN, message = "must be " + Slugs.RULE) @Size(max = 60) String> tags,

        @Schema(description = "Bylines, as printed", examples = "[\"Hanna Łukasik\"]", maxItems = 20)
        @Size(max = 20)
        List<@NotBlank @Size(max = 200) String> authors,

        @Schema(examples = "Lviv", maxLength = 200)
        @Size(max = 200)
        String dateline,

        @Valid
        HeroImage heroImage,

        @Schema(description = "Editors' pick (\"Don't miss\"); false when left out", examples = "false")
        Boolean featured,

        @Schema(description = "DRAFT when left out. A PUBLISHED article whose publishedAt lies in the future is scheduled: invisible to the public until then.",
                examples = "PUBLISHED")
        ArticleStatus status,

        @Schema(description = "Publication time; for PUBLISHED it defaults to the time it was first published, or now", examples = "2026-11-24T09:30:00Z")
        Instant publishedAt) {

    static ArticleInput from(Article article) {
        return new ArticleInput(article.slug, article.title, article.subtitle, article.summary, article.body,
                new SectionRef(article.section.slug), List.copyOf(article.tags), List.copyOf(article.authors),
                article.dateline, article.heroImage, article.featured, article.status, article.publishedAt);
    }
}
