package news.broadsheet.database;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import news.broadsheet.slug.Slugs;
import news.broadsheet.web.problem.Conflict;
import news.broadsheet.web.problem.InvalidInput;

import java.util.function.Predicate;

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

    /**
     * The slug a new resource of {@code kind} gets, its creators serialized: the one given (409 when taken), or else the
     * first free one derived from its {@code nameField} ({@code base}, {@code base-2}, ...).
     */
    public String claimNewSlug(String kind, String given, String name, String nameField, Predicate<String> taken) {
        if (given != null) {
            lock(kind, given);
            if (taken.test(given)) {
                throw Conflict.slugTaken(kind, given);
            }
            return given;
        }
        String base = Slugs.derive(name)
                .orElseThrow(() -> new InvalidInput("slug", "could not be derived from the " + nameField + "; give one"));
        lock(kind, base);
        return Slugs.firstFree(base, taken);
    }

    /** A rename from {@code current} to {@code wanted}, serialized with creators of that slug; 409 when another resource has it. */
    public void claimRename(String kind, String current, String wanted, Predicate<String> taken) {
        if (!wanted.equals(current)) {
            lock(kind, wanted);
            if (taken.test(wanted)) {
                throw Conflict.slugTaken(kind, wanted);
            }
        }
    }
}
