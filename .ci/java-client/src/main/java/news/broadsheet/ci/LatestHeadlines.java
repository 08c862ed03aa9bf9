package news.broadsheet.ci;

import news.broadsheet.client.ApiClient;
import news.broadsheet.client.ApiException;
import news.broadsheet.client.api.ArticlesApi;
import news.broadsheet.client.model.Article;
import news.broadsheet.client.model.ArticleList;
import news.broadsheet.client.model.ArticleSummary;

/**
 * What an integrator writes with the generated client; that it compiles is CI's check of the client's shape:
 * a keyset walk over a section's articles, then one article in full.
 */
public final class LatestHeadlines {

    private LatestHeadlines() {
    }

    public static void main(String[] args) throws ApiException {
        ApiClient client = new ApiClient();
        client.updateBaseUri(args.length > 0 ? args[0] : "http://localhost:8080");
        ArticlesApi articles = new ArticlesApi(client);
        String cursor = null;
        String newest = null;
        do {
            ArticleList page = articles.listArticles(null, null, cursor, null, null, null, 20, null, "world", null, null,
                    null, null, null);
            for (ArticleSummary item : page.getItems()) {
                System.out.println(item.getPublishedAt() + "  " + item.getSection().getName() + "  " + item.getTitle());
                newest = newest == null ? item.getSlug() : newest;
            }
            cursor = page.getNext();
        } while (cursor != null);
        if (newest != null) {
            Article article = articles.getArticle(newest, null, null); // no preview token, no If-None-Match
            System.out.println(article.getBodyHtml());
        }
    }
}
