package news.broadsheet.database;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

/**
 * Serializes writers of one slug until their transactions end (a PostgreSQL advisory lock), so parallel
 * create-or-replace calls of a new slug create it once and replace it after, instead of racing to insert.
 */
@ApplicationScoped
public class SlugLocks {

    private final EntityManager entityManager;

    SlugLocks(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    public void lock(String kind, String slug) {
        entityManager.createNativeQuery("select count(*) from (select pg_advisory_xact_lock(hashtextextended(:key, 0))) locked")
                .setParameter("key", kind + ":" + slug)
                .getSingleResult();
    }
}
