package news.broadsheet.article;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An article's section as answered: enough to link and label it. */
@Schema(name = "ArticleSection", requiredProperties = {"slug", "name"})
public record ArticleSection(@Schema(examples = "europe") String slug, @Schema(examples = "Europe") String name) {
}
