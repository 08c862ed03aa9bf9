package news.broadsheet.article;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class ArticleRepository implements PanacheRepositoryBase<Article, UUID> {

    Optional<Article> findBySlug(String slug) {
        return find("from Article a join fetch a.section where a.slug = ?1", slug).firstResultOptional();
    }

    boolean slugTaken(String slug) {
        return count("slug", slug) > 0;
    }
}
