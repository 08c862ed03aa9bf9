package news.broadsheet.webhook;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** A receiver of events (V21__change_events_and_webhooks.sql); its secrets are kept encrypted ({@link WebhookSecrets}). */
@Entity
@Table(name = "webhook")
public class Webhook extends PanacheEntityBase {

    static final String WEBHOOK = "webhook";
    static final String WEBSUB = "websub";

    @Id
    public UUID id;

    /** webhook: an admin's; websub: the configured hub ({@link WebSubHub}), never shown to admins. */
    public String kind = WEBHOOK;

    public String url;

    /** Event types by their wire names (article.published...), as the outbox trigger matches them. */
    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(columnDefinition = "text[]")
    public List<String> events = new ArrayList<>();

    public String description;

    public boolean enabled;

    @Column(name = "disabled_reason")
    public String disabledReason;

    public byte[] secret;

    @Column(name = "previous_secret")
    public byte[] previousSecret;

    @Column(name = "previous_secret_until")
    public Instant previousSecretUntil;

    /** Since when every delivery failed; cleared by a success. Long enough, and the webhook is disabled. */
    @Column(name = "failing_since")
    public Instant failingSince;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "updated_at")
    public Instant updatedAt;

    @Version
    public long version;
}
