package news.broadsheet.database;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

/**
 * Serializes writers of one key (a slug, an email address) until their transactions end (a PostgreSQL advisory
 * lock), so parallel create-or-replace calls of a new key create it once and replace it after, instead of racing.
 */
@ApplicationScoped
public class WriteLocks {

    private final EntityManager entityManager;

    WriteLocks(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    public void lock(String kind, String key) {
        entityManager.createNativeQuery("select count(*) from (select pg_advisory_xact_lock(hashtextextended(:key, 0))) locked")
                .setParameter("key", kind + ":" + key)
                .getSingleResult();
    }
}
