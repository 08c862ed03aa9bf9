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

import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import javax.sql.DataSource;

/**
 * Turns a bearer secret into an identity: the bootstrap admin token from {@code BROADSHEET_ADMIN_TOKEN}, or an
 * API token looked up by the SHA-256 of its secret on every request, so a revoked token fails at once.
 */
@ApplicationScoped
class TokenIdentityProvider implements IdentityProvider<TokenAuthenticationRequest> {

    private static final Logger LOG = Logger.getLogger(TokenIdentityProvider.class);
    /** lastUsedAt is written at most this often per token and instance, not on every request. */
    private static final Duration LAST_USED_RESOLUTION = Duration.ofMinutes(1);

    private final DataSource dataSource;
    private final Optional<byte[]> bootstrapAdminHash;
    private final Map<UUID, Instant> lastRecordedUse = new ConcurrentHashMap<>();

    TokenIdentityProvider(DataSource dataSource, BroadsheetConfig config) {
        this.dataSource = dataSource;
        this.bootstrapAdminHash = config.adminToken().filter(token -> !token.isBlank()).map(TokenSecrets::hash);
    }

    void warnWhenNoBootstrapAdmin(@Observes StartupEvent event) {
        if (bootstrapAdminHash.isEmpty()) {
            LOG.warnf("No admin token is configured (BROADSHEET_ADMIN_TOKEN): this %s instance accepts only API tokens "
                    + "created earlier; with none, it serves reads only and refuses every write", LaunchMode.current().getDefaultProfile());
        }
    }

    @Override
    public Class<TokenAuthenticationRequest> getRequestType() {
        return TokenAuthenticationRequest.class;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(TokenAuthenticationRequest request, AuthenticationRequestContext context) {
        byte[] presented = TokenSecrets.hash(request.getToken().getToken());
        // digests compare in constant time whatever the secret's length
        if (bootstrapAdminHash.isPresent() && MessageDigest.isEqual(bootstrapAdminHash.get(), presented)) {
            return Uni.createFrom().item(identity("bootstrap-admin", TokenRole.ADMIN));
        }
        return context.runBlocking(() -> lookUp(presented));
    }

    private SecurityIdentity lookUp(byte[] presented) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement query = connection.prepareStatement("select id, name, role, secret_hash from api_token where secret_hash = ?")) {
            query.setBytes(1, presented);
            try (ResultSet row = query.executeQuery()) {
                if (!row.next() || !MessageDigest.isEqual(row.getBytes("secret_hash"), presented)) {
                    throw new AuthenticationFailedException("unknown token");
                }
                UUID id = row.getObject("id", UUID.class);
                recordUse(connection, id);
                return identity(row.getString("name"), TokenRole.of(row.getString("role")));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Looking up an API token failed", e);
        }
    }

    private void recordUse(Connection connection, UUID id) throws SQLException {
        Instant now = Instant.now();
        Instant last = lastRecordedUse.get(id);
        if (last != null && last.plus(LAST_USED_RESOLUTION).isAfter(now)) {
            return;
        }
        lastRecordedUse.put(id, now);
        try (PreparedStatement update = connection.prepareStatement("update api_token set last_used_at = now() where id = ?")) {
            update.setObject(1, id);
            update.executeUpdate();
        }
    }

    private static SecurityIdentity identity(String name, TokenRole role) {
        return QuarkusSecurityIdentity.builder()
                .setPrincipal(new QuarkusPrincipal(name))
                .addRoles(role.grants())
                .build();
    }
}
