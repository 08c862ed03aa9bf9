package news.broadsheet.site;

import jakarta.enterprise.context.ApplicationScoped;
import news.broadsheet.BroadsheetConfig;

import java.net.URI;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The public website that renders the content, as configured ({@code broadsheet.site.*}): where an article's, a
 * section's or an author's page is, which article a page address shows, and who publishes.
 */
@ApplicationScoped
public class SiteAddresses {

    private static final String SLUG = "[a-z0-9]+(?:-[a-z0-9]+)*";

    /** The section and slug that an article page's address names. */
    public record ArticlePage(String section, String slug) {
    }

    private final BroadsheetConfig.Site site;
    private final Pattern articlePage;

    SiteAddresses(BroadsheetConfig config) {
        this.site = config.site();
        String[] parts = site.articleUrl().split("((?=\\{section})|(?<=\\{section})|(?=\\{slug})|(?<=\\{slug}))");
        StringBuilder regex = new StringBuilder();
        for (String part : parts) {
            regex.append(switch (part) {
                case "{section}" -> "(?<section>" + SLUG + ")";
                case "{slug}" -> "(?<slug>" + SLUG + ")";
                default -> Pattern.quote(part);
            });
        }
        this.articlePage = Pattern.compile(regex + "/?");
    }

    public String home() {
        return site.url();
    }

    public String publicationName() {
        return site.publicationName().orElse(site.title());
    }

    public String language() {
        return site.language();
    }

    public String logo() {
        return site.logoUrl();
    }

    public String article(String section, String slug) {
        return site.articleUrl().replace("{section}", section).replace("{slug}", slug);
    }

    public String section(String section) {
        return site.sectionUrl().replace("{section}", section);
    }

    /** An author's page on the public site. */
    public String author(String slug) {
        return site.authorUrl().replace("{author}", slug);
    }

    /** The article a page address shows, by the article URL pattern; query and fragment are ignored. */
    public Optional<ArticlePage> articleAt(URI page) {
        String address = page.getScheme() + "://" + page.getRawAuthority() + (page.getRawPath() == null ? "" : page.getRawPath());
        Matcher matcher = articlePage.matcher(address);
        if (!matcher.matches()) {
            return Optional.empty();
        }
        String section = site.articleUrl().contains("{section}") ? matcher.group("section") : null;
        return Optional.of(new ArticlePage(section, matcher.group("slug")));
    }
}
