package news.broadsheet.collection;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class CollectionRepository implements PanacheRepositoryBase<Collection, UUID> {

    Optional<Collection> findBySlug(String slug) {
        return find("slug", slug).firstResultOptional();
    }

    Optional<Collection> findBySlugForUpdate(String slug) {
        return find("slug", slug).withLock(LockModeType.PESSIMISTIC_WRITE).firstResultOptional();
    }

    boolean slugTaken(String slug) {
        return count("slug", slug) > 0;
    }

    List<Collection> listBySlug() {
        return find("order by slug").list();
    }
}
