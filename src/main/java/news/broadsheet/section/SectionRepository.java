package news.broadsheet.section;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class SectionRepository implements PanacheRepositoryBase<Section, UUID> {

    public Optional<Section> findBySlug(String slug) {
        return find("slug", slug).firstResultOptional();
    }

    /** The section that answered at this slug before a rename (V17__slug_redirects.sql). */
    Optional<Section> findByOldSlug(String oldSlug) {
        List<UUID> ids = getEntityManager().createNativeQuery("select section_id from section_slug_redirect where slug = ?1", UUID.class)
                .setParameter(1, oldSlug).getResultList();
        return ids.isEmpty() ? Optional.empty() : findByIdOptional(ids.get(0));
    }

    Optional<Section> findBySlugForUpdate(String slug) {
        return find("slug", slug).withLock(LockModeType.PESSIMISTIC_WRITE).firstResultOptional();
    }

    public boolean slugTaken(String slug) {
        return count("slug", slug) > 0;
    }

    List<Section> listInNavigationOrder() {
        return find("from Section s left join fetch s.parent order by s.position, s.name").list();
    }

    long countChildren(Section section) {
        return count("parent", section);
    }

    long countArticles(Section section) {
        return ((Number) getEntityManager()
                .createNativeQuery("select count(*) from article where section_id = :id")
                .setParameter("id", section.id)
                .getSingleResult()).longValue();
    }
}
