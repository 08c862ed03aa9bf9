package news.broadsheet.auth;

import io.quarkus.runtime.LaunchMode;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.TokenAuthenticationRequest;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import news.broadsheet.BroadsheetConfig;
import org.jboss.logging.Logger;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Optional;

/** The bootstrap admin token from {@code BROADSHEET_ADMIN_TOKEN}; without one, nobody can write. */
@ApplicationScoped
class AdminTokenIdentityProvider implements IdentityProvider<TokenAuthenticationRequest> {

    private static final Logger LOG = Logger.getLogger(AdminTokenIdentityProvider.class);

    private final Optional<byte[]> adminTokenHash;

    AdminTokenIdentityProvider(BroadsheetConfig config) {
        this.adminTokenHash = config.adminToken().filter(token -> !token.isBlank()).map(AdminTokenIdentityProvider::sha256);
    }

    void warnWhenReadOnly(@Observes StartupEvent event) {
        if (adminTokenHash.isEmpty()) {
            LOG.warnf("No admin token is configured (BROADSHEET_ADMIN_TOKEN): this %s instance serves reads only and refuses every write",
                    LaunchMode.current().getDefaultProfile());
        }
    }

    @Override
    public Class<TokenAuthenticationRequest> getRequestType() {
        return TokenAuthenticationRequest.class;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(TokenAuthenticationRequest request, AuthenticationRequestContext context) {
        byte[] presented = sha256(request.getToken().getToken());
        // comparing digests keeps the comparison constant-time whatever the token's length
        if (adminTokenHash.isPresent() && MessageDigest.isEqual(adminTokenHash.get(), presented)) {
            return Uni.createFrom().item(QuarkusSecurityIdentity.builder()
                    .setPrincipal(new QuarkusPrincipal("admin-token"))
                    .addRole(Roles.ADMIN)
                    .addRole(Roles.EDITOR)
                    .build());
        }
        return Uni.createFrom().failure(new AuthenticationFailedException("unknown token"));
    }

    private static byte[] sha256(String token) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
