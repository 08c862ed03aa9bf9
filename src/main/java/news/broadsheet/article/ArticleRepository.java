package news.broadsheet.article;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import news.broadsheet.author.Bylines;
import news.broadsheet.author.Credit;
import org.hibernate.Session;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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

    /** The author each byline string names, created when missing and locked until the transaction ends ({@link Bylines}). */
    List<Credit> credit(List<String> bylines) {
        Map<String, Credit> credits = session().doReturningWork(connection -> Bylines.resolve(connection, bylines));
        return credits.values().stream().distinct().toList();
    }

    /** The article's authors in byline order. */
    List<Credit> creditsOf(Article article) {
        return session().doReturningWork(connection -> Bylines.of(connection, article.authorIds));
    }

    private Session session() {
        return getEntityManager().unwrap(Session.class);
    }

    /** The ids of the articles of these slugs that exist, by slug. */
    Map<String, UUID> idsOf(Collection<String> slugs) {
        Map<String, UUID> ids = new HashMap<>();
        for (Object[] row : getEntityManager().createQuery("select a.slug, a.id from Article a where a.slug in :slugs", Object[].class)
                .setParameter("slugs", slugs).getResultList()) {
            ids.put((String) row[0], (UUID) row[1]);
        }
        return ids;
    }

    /** The slugs of the articles of these ids that exist, by id. */
    Map<UUID, String> slugsOf(Collection<UUID> ids) {
        Map<UUID, String> slugs = new HashMap<>();
        for (Object[] row : getEntityManager().createQuery("select a.id, a.slug from Article a where a.id in :ids", Object[].class)
                .setParameter("ids", ids).getResultList()) {
            slugs.put((UUID) row[0], (String) row[1]);
        }
        return slugs;
    }

    boolean slugTaken(String slug) {
        return count("slug", slug) > 0;
    }
}
