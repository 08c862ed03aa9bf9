package news.broadsheet.article;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import news.broadsheet.author.Bylines;
import news.broadsheet.author.Credit;
import news.broadsheet.database.Clock;
import news.broadsheet.media.HeroImage;
import news.broadsheet.slug.Slugs;
import news.broadsheet.web.problem.InvalidInput;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

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

        @Schema(description = "The authors in byline order, each an author's slug or a display name. A name names the author whose "
                + "slug derives from it (\"Hanna Łukasik\" and \"hanna-lukasik\" are one person), who is created, named as written, "
                + "when there is none yet; empty when left out", examples = "[\"Hanna Łukasik\"]", maxItems = 20)
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

    /**
     * The one rule for what an upload stores, for single writes and imports alike: every default applied, so it compares
     * equal to the stored article when nothing changes. A PUBLISHED article without a time keeps the time it was first
     * published ({@code publishedBefore}), else now.
     */
    ArticleInput normalized(String slug, Instant publishedBefore) {
        ArticleStatus normalStatus = Objects.requireNonNullElse(status, ArticleStatus.DRAFT);
        Instant published = Clock.stored(publishedAt);
        if (published != null && !Clock.isStorable(published)) {
            throw new InvalidInput("publishedAt", "must lie between the years 1 and 9999");
        }
        if (normalStatus == ArticleStatus.PUBLISHED && published == null) {
            published = publishedBefore != null ? publishedBefore : Clock.now();
        }
        List<String> normalTags = tags == null ? List.of() : tags.stream().distinct().toList();
        List<String> normalAuthors = authors == null ? List.of() : authors.stream().map(String::strip).distinct().toList();
        normalAuthors.forEach(Bylines::slugOf); // refused here, before anything is written
        return new ArticleInput(slug, title.strip(), subtitle, summary, Objects.requireNonNullElse(body, ""),
                new SectionRef(section.slug()), normalTags, normalAuthors, dateline, heroImage, Boolean.TRUE.equals(featured),
                normalStatus, published);
    }

    /** The same input with another publication time. */
    ArticleInput withPublishedAt(Instant time) {
        return new ArticleInput(slug, title, subtitle, summary, body, section, tags, authors, dateline, heroImage, featured,
                status, time);
    }

    /** The same input crediting these authors (their slugs, once each). */
    public ArticleInput withHeroImage(HeroImage stored) {
        return new ArticleInput(slug, title, subtitle, summary, body, section, tags, authors, dateline, stored, featured, status,
                publishedAt);
    }

    ArticleInput withAuthors(List<Credit> credits) {
        return new ArticleInput(slug, title, subtitle, summary, body, section, tags, slugs(credits), dateline, heroImage, featured,
                status, publishedAt);
    }

    /** The stored article as an upload, its authors by slug. */
    static ArticleInput from(Article article, List<Credit> credits) {
        return new ArticleInput(article.slug, article.title, article.subtitle, article.summary, article.body,
                new SectionRef(article.section.slug), List.copyOf(article.tags), slugs(credits),
                article.dateline, article.heroImage, article.featured, article.status, article.publishedAt);
    }

    private static List<String> slugs(List<Credit> credits) {
        return credits.stream().map(Credit::slug).distinct().toList();
    }
}
