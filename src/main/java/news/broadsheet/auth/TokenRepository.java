package news.broadsheet.auth;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.UUID;

@ApplicationScoped
class TokenRepository implements PanacheRepositoryBase<ApiToken, UUID> {

    List<ApiToken> listByCreation() {
        return list("order by createdAt, id");
    }
}
