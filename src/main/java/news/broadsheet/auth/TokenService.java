package news.broadsheet.auth;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import news.broadsheet.database.Clock;
import news.broadsheet.web.problem.NotFound;

import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class TokenService {

    private final TokenRepository tokens;

    TokenService(TokenRepository tokens) {
        this.tokens = tokens;
    }

    @Transactional
    public NewToken create(TokenInput input) {
        String secret = TokenSecrets.newSecret();
        ApiToken token = new ApiToken();
        token.id = UUID.randomUUID();
        token.name = input.name().strip();
        token.role = input.role();
        token.secretHash = TokenSecrets.hash(secret);
        token.createdAt = Clock.now();
        tokens.persist(token);
        return new NewToken(token.id, token.name, token.role, secret, token.createdAt);
    }

    @Transactional
    public List<TokenView> list() {
        return tokens.listByCreation().stream().map(TokenView::from).toList();
    }

    /** Revokes at once: the next request with the token finds nothing. */
    @Transactional
    public void revoke(String id) {
        UUID key;
        try {
            key = UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw new NotFound("token", id);
        }
        if (!tokens.deleteById(key)) {
            throw new NotFound("token", id);
        }
    }
}
