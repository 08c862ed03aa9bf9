package news.broadsheet.article;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import news.broadsheet.auth.TokenSecrets;
import news.broadsheet.database.Clock;
import news.broadsheet.web.problem.InvalidInput;
import news.broadsheet.web.problem.NotFound;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.UUID;

/**
 * Preview links: a random token (256 bits) that opens one article until it expires or is revoked. Only its SHA-256 is
 * stored and looked up, so neither the table nor the lookup's timing tells anything about a token.
 */
@ApplicationScoped
public class ArticlePreviews {

    static final Duration DEFAULT_LIFETIME = Duration.ofHours(24);
    static final Duration MAX_LIFETIME = Duration.ofDays(30);
    /** A token is 43 characters; anything much longer is not one, and is not hashed. */
    private static final int MAX_TOKEN_LENGTH = 100;

    /** A link just made: the token is answered this once. */
    record NewLink(String slug, String token, Instant expiresAt) {
    }

    private final ArticleRepository articles;
    private final java.time.Clock clock;

    ArticlePreviews(ArticleRepository articles, java.time.Clock clock) {
        this.articles = articles;
        this.clock = clock;
    }

    @Transactional
    public NewLink create(String slug, PreviewLinkInput input, String by) {
        Duration lifetime = lifetime(input == null ? null : input.expiresIn());
        Article article = articles.findBySlug(slug).orElseThrow(() -> new NotFound("article", slug));
        String token = TokenSecrets.randomSecret();
        PreviewLink link = new PreviewLink();
        link.tokenHash = TokenSecrets.hash(token);
        link.articleId = article.id;
        link.createdAt = Clock.stored(clock.instant());
        link.expiresAt = link.createdAt.plus(lifetime);
        link.createdBy = by;
        link.persist();
        return new NewLink(article.slug, token, link.expiresAt);
    }

    /** Revokes every link to the article. */
    @Transactional
    public void revoke(String slug) {
        Article article = articles.findBySlug(slug).orElseThrow(() -> new NotFound("article", slug));
        PreviewLink.delete("articleId", article.id);
    }

    /** Whether this token opens this article now. */
    boolean opens(String token, UUID articleId) {
        if (token.isEmpty() || token.length() > MAX_TOKEN_LENGTH) {
            return false;
        }
        byte[] hash = TokenSecrets.hash(token);
        PreviewLink link = PreviewLink.<PreviewLink>find("tokenHash", hash).firstResult();
        // found by its hash: the secret itself is never compared, so no timing tells anything about it
        return link != null && link.articleId.equals(articleId)
                && clock.instant().isBefore(link.expiresAt);
    }

    private static Duration lifetime(String expiresIn) {
        if (expiresIn == null) {
            return DEFAULT_LIFETIME;
        }
        Duration lifetime;
        try {
            lifetime = Duration.parse(expiresIn);
        } catch (DateTimeParseException e) {
            throw new InvalidInput("expiresIn", "must be an ISO 8601 duration such as PT24H or P7D");
        }
        if (lifetime.isNegative() || lifetime.isZero() || lifetime.compareTo(MAX_LIFETIME) > 0) {
            throw new InvalidInput("expiresIn", "must be more than nothing and at most 30 days (P30D)");
        }
        return lifetime;
    }
}
