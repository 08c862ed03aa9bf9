package news.broadsheet.sitemap;

import jakarta.enterprise.context.ApplicationScoped;
import news.broadsheet.site.SiteAddresses;
import news.broadsheet.web.problem.NotFound;

import java.io.Writer;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The sitemap index and the sitemaps it names: one per month of publication (split in parts of 50,000), the sections,
 * and the News sitemap. Every address in them is the public site's.
 */
@ApplicationScoped
class Sitemaps {

    /** Google News takes articles of the last two days, at most 1,000 per sitemap. */
    static final Duration NEWS_WINDOW = Duration.ofHours(48);
    static final int NEWS_LIMIT = 1_000;
    /** A month, and for the parts after its first 50,000 articles the part's number: 2026-11, 2026-11-2. */
    private static final Pattern MONTH_PART = Pattern.compile("(\\d{4}-\\d{2})(?:-([2-9]|[1-9]\\d{1,5}))?");

    private final SitemapContent content;
    private final SiteAddresses site;
    private final Clock clock;

    Sitemaps(SitemapContent content, SiteAddresses site, Clock clock) {
        this.content = content;
        this.site = site;
        this.clock = clock;
    }

    void index(URI sitemaps, Writer out) {
        List<SitemapContent.SectionPage> sections = content.sections();
        List<SitemapContent.Month> months = content.months();
        try (SitemapDocument index = SitemapDocument.index(out)) {
            index.sitemap(sitemaps.resolve("sections.xml").toString(), sections.stream().map(SitemapContent.SectionPage::lastModified)
                    .filter(Objects::nonNull).max(Comparator.naturalOrder()).orElse(null));
            index.sitemap(sitemaps.resolve("news.xml").toString(), null);
            for (SitemapContent.Month month : months) {
                for (int part = 1; part <= content.parts(month); part++) {
                    index.sitemap(sitemaps.resolve(fileName(month.month(), part)).toString(), month.lastModified());
                }
            }
        }
    }

    void sections(Writer out) {
        try (SitemapDocument sitemap = SitemapDocument.pages(out)) {
            content.sections().forEach(section -> sitemap.page(site.section(section.slug()), section.lastModified()));
        }
    }

    void news(Writer out) {
        Instant now = clock.instant();
        try (SitemapDocument sitemap = SitemapDocument.news(out)) {
            for (SitemapContent.NewsArticle article : content.news(now.minus(NEWS_WINDOW), now, NEWS_LIMIT)) {
                sitemap.newsPage(site.article(article.section(), article.slug()), site.publicationName(), site.language(),
                        article.publishedAt(), article.title());
            }
        }
    }

    /** Where the part a sitemap's name names ({@code 2026-11}, {@code 2026-11-2}) starts, when it holds public articles. */
    SitemapContent.PartStart monthPart(String monthAndPart) {
        Matcher name = MONTH_PART.matcher(monthAndPart);
        Optional<YearMonth> month = name.matches() ? parseMonth(name.group(1)) : Optional.empty();
        int part = name.matches() && name.group(2) != null ? Integer.parseInt(name.group(2)) : 1;
        return month.flatMap(found -> content.partStart(found, part))
                .orElseThrow(() -> new NotFound("sitemap", "articles-" + monthAndPart + ".xml"));
    }

    void month(SitemapContent.PartStart start, Writer out) {
        try (SitemapDocument sitemap = SitemapDocument.pages(out)) {
            content.part(start, page -> sitemap.page(site.article(page.section(), page.slug()), page.lastModified()));
        }
    }

    private static String fileName(YearMonth month, int part) {
        return "articles-" + month + (part == 1 ? "" : "-" + part) + ".xml";
    }

    private static Optional<YearMonth> parseMonth(String text) {
        try {
            return Optional.of(YearMonth.parse(text));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
