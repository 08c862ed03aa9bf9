package news.broadsheet.author;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class AuthorRepository implements PanacheRepositoryBase<Author, UUID> {

    /** An author the public may see: credited on an article the public sees now (V11__article_visibility.sql). */
    private static final String CREDITED_ON_PUBLIC = """
            exists (select 1 from article a where a.author_ids @> array[au.id] and article_is_public(a))""";

    Optional<Author> findBySlug(String slug) {
        return find("slug", slug).firstResultOptional();
    }

    Optional<Author> findBySlugForUpdate(String slug) {
        return find("slug", slug).withLock(LockModeType.PESSIMISTIC_WRITE).firstResultOptional();
    }

    boolean slugTaken(String slug) {
        return count("slug", slug) > 0;
    }

    boolean isPublic(Author author) {
        return (Boolean) getEntityManager().createNativeQuery("select " + CREDITED_ON_PUBLIC + " from author au where au.id = ?1")
                .setParameter(1, author.id).getSingleResult();
    }

    /** Up to {@code limit} authors after {@code afterSlug} (null: from the first), by slug; all of them, or only public ones. */
    @SuppressWarnings("unchecked")
    List<Author> page(boolean all, String afterSlug, int limit) {
        return getEntityManager().createNativeQuery("select au.* from author au where (?1 or " + CREDITED_ON_PUBLIC + ") "
                        + "and (cast(?2 as text) is null or au.slug > cast(?2 as text)) order by au.slug limit ?3", Author.class)
                .setParameter(1, all).setParameter(2, afterSlug).setParameter(3, limit).getResultList();
    }

    long count(boolean all) {
        return ((Number) getEntityManager().createNativeQuery("select count(*) from author au where ?1 or " + CREDITED_ON_PUBLIC)
                .setParameter(1, all).getSingleResult()).longValue();
    }

    long countArticles(Author author) {
        return ((Number) getEntityManager().createNativeQuery("select count(*) from article where author_ids @> array[?1]::uuid[]")
                .setParameter(1, author.id).getSingleResult()).longValue();
    }
}
