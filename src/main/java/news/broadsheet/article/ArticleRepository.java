package news.broadsheet.article;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import news.broadsheet.author.Bylines;
import news.broadsheet.author.Credit;
import news.broadsheet.database.SqlArrays;
import org.hibernate.Session;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
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

    /** The article that answered at this slug before a rename (V17__slug_redirects.sql), with its section. */
    Optional<Article> findByOldSlug(String oldSlug) {
        List<UUID> ids = getEntityManager().createNativeQuery("select article_id from article_slug_redirect where slug = ?1", UUID.class)
                .setParameter(1, oldSlug).getResultList();
        return ids.isEmpty() ? Optional.empty()
                : find("from Article a join fetch a.section where a.id = ?1", ids.get(0)).firstResultOptional();
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
        return creditsOf(article.authorIds);
    }

    /** Names the token that writes in this transaction, for the revisions the database records (V20__revisions.sql). */
    void signAs(String writer) {
        if (writer != null) {
            getEntityManager().createNativeQuery("select set_config('broadsheet.actor', ?1, true)").setParameter(1, writer)
                    .getSingleResult();
        }
    }

    /** The article's revisions below {@code before} (all when null), newest first. */
    List<RevisionSummary> revisions(UUID articleId, Integer before, int limit) {
        return session().doReturningWork(connection -> {
            try (PreparedStatement query = connection.prepareStatement(REVISIONS + " and number < ? order by number desc limit ?")) {
                query.setObject(1, articleId);
                query.setInt(2, before == null ? Integer.MAX_VALUE : before);
                query.setInt(3, limit);
                return revisionsOf(query);
            }
        });
    }

    Optional<RevisionSummary> revision(UUID articleId, int number) {
        return session().doReturningWork(connection -> {
            try (PreparedStatement query = connection.prepareStatement(REVISIONS + " and number = ?")) {
                query.setObject(1, articleId);
                query.setInt(2, number);
                return revisionsOf(query).stream().findFirst();
            }
        });
    }

    /** What the revisions after {@code number} replaced, newest first (JSON objects of the replaced fields). */
    List<String> replacedAfter(UUID articleId, int number) {
        return session().doReturningWork(connection -> {
            try (PreparedStatement query = connection.prepareStatement(
                    "select replaced::text from article_revision where article_id = ? and number > ? order by number desc")) {
                query.setObject(1, articleId);
                query.setInt(2, number);
                List<String> replaced = new ArrayList<>();
                try (ResultSet row = query.executeQuery()) {
                    while (row.next()) {
                        replaced.add(row.getString(1));
                    }
                }
                return replaced;
            }
        });
    }

    private static final String REVISIONS = "select number, created_at, created_by, changed from article_revision where article_id = ?";

    private static List<RevisionSummary> revisionsOf(PreparedStatement query) throws SQLException {
        List<RevisionSummary> revisions = new ArrayList<>();
        try (ResultSet row = query.executeQuery()) {
            while (row.next()) {
                revisions.add(new RevisionSummary(row.getInt("number"), ArticleRows.instant(row, "created_at"),
                        row.getString("created_by"), SqlArrays.strings(row.getArray("changed"))));
            }
        }
        return revisions;
    }

    /** These authors in this order, those deleted since left out. */
    List<Credit> creditsOf(List<UUID> authorIds) {
        return session().doReturningWork(connection -> Bylines.of(connection, authorIds));
    }

    /** The article's corrections, oldest first. */
    List<CorrectionView> correctionsOf(Article article) {
        return getEntityManager().createQuery("from Correction c where c.articleId = ?1 order by c.createdAt, c.id", Correction.class)
                .setParameter(1, article.id).getResultStream().map(CorrectionView::from).toList();
    }

    void addCorrection(Correction correction) {
        getEntityManager().persist(correction);
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
