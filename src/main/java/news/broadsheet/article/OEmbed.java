package news.broadsheet.article;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import news.broadsheet.author.Byline;
import news.broadsheet.site.SiteAddresses;
import news.broadsheet.web.Html;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An oEmbed 1.0 {@code rich} answer: a self-contained card for one article, every text in it escaped. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = "OEmbed", description = "An oEmbed 1.0 rich answer", requiredProperties = {"version", "type", "html", "width", "height"})
record OEmbed(
        @Schema(examples = "1.0") String version,
        @Schema(examples = "rich") String type,
        @Schema(examples = "Lviv's trams run again after the storm") String title,
        @JsonProperty("author_name") @Schema(examples = "Hanna Łukasik") String authorName,
        @JsonProperty("author_url") @Schema(examples = "https://news.example/authors/hanna-lukasik") String authorUrl,
        @JsonProperty("provider_name") @Schema(examples = "Broadsheet") String providerName,
        @JsonProperty("provider_url") @Schema(examples = "https://news.example/") String providerUrl,
        @JsonProperty("cache_age") @Schema(description = "Seconds a consumer may keep this answer", examples = "60") long cacheAge,
        @Schema(description = "The card: a blockquote with inline styles and links to the article and the site; no script",
                examples = "<blockquote class=\"broadsheet-embed\">...</blockquote>") String html,
        @Schema(examples = "600") int width,
        @Schema(examples = "220") int height) {

    static final int WIDTH = 600;
    static final int HEIGHT = 220;

    static OEmbed of(ArticleView article, SiteAddresses site, Integer maxWidth, Integer maxHeight, long cacheAge) {
        int width = maxWidth == null ? WIDTH : Math.min(WIDTH, maxWidth);
        int height = maxHeight == null ? HEIGHT : Math.min(HEIGHT, maxHeight);
        String page = site.article(article.section().slug(), article.slug());
        String byline = NinjsDocument.names(article.authors());
        Byline firstAuthor = article.authors().isEmpty() ? null : article.authors().get(0);
        StringBuilder card = new StringBuilder()
                .append("<blockquote class=\"broadsheet-embed\" style=\"margin:0;box-sizing:border-box;max-width:").append(width)
                .append("px;max-height:").append(height).append("px;overflow:hidden;border-left:4px solid #b3001b;padding:12px 16px;")
                .append("font-family:Georgia,serif;background:#fff;color:#111\">")
                .append("<p style=\"margin:0 0 8px;font-size:20px;font-weight:bold\"><a href=\"").append(Html.escape(page))
                .append("\" style=\"color:inherit;text-decoration:none\">").append(Html.escape(article.title())).append("</a></p>");
        if (article.summary() != null) {
            card.append("<p style=\"margin:0 0 8px;font-size:16px\">").append(Html.escape(article.summary())).append("</p>");
        }
        card.append("<p style=\"margin:0;font-size:13px;color:#555\">");
        if (!byline.isEmpty()) {
            card.append(Html.escape(byline)).append(" · ");
        }
        card.append("<a href=\"").append(Html.escape(site.home())).append("\" style=\"color:inherit\">")
                .append(Html.escape(site.publicationName())).append("</a></p></blockquote>");
        return new OEmbed("1.0", "rich", article.title(), firstAuthor == null ? null : firstAuthor.name(),
                firstAuthor == null ? null : site.author(firstAuthor.slug()),
                site.publicationName(), site.home(), cacheAge, card.toString(), width, height);
    }
}
