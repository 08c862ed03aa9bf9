package news.broadsheet.article;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class ArticleRepository implements PanacheRepositoryBase<Article, UUID> {

    Optional<Article> findBySlug(String slug) {
        return find("from Article a join fetch a.section where a.slug = ?1", slug).firstResultOptional();
    }

    /** Locks the article's row (not its section's) until the transaction ends. */
    Optional<Article> findBySlugForUpdate(String slug) {
        return find("slug", slug).withLock(LockModeType.PESSIMISTIC_WRITE).firstResultOptional();
    }

    /** Whether the public may see the article now: the one definition (V11__article_visibility.sql), on the database's clock. */
    boolean isPublic(Article article) {
        return holds("article_is_public", article.id);
    }

    /** Whether the article is PUBLISHED but waits for its time (V11__article_visibility.sql), on the database's clock. */
    boolean isScheduled(UUID id) {
        return holds("article_is_scheduled", id);
    }

    private boolean holds(String visibility, UUID id) {
        return (Boolean) getEntityManager().createNativeQuery("select " + visibility + "(a) from article a where a.id = ?1")
                .setParameter(1, id).getSingleResult();
    }

    boolean slugTaken(String slug) {
        return count("slug", slug) > 0;
    }
}
