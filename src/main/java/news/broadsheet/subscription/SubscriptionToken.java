package news.broadsheet.subscription;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

import java.time.Instant;

/** A subscriber's token, kept as the SHA-256 of the secret that went out by mail. */
@Entity
@Table(name = "subscription_token")
public class SubscriptionToken extends PanacheEntityBase {

    @Id
    public byte[] hash;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "subscription_id")
    public Subscription subscription;

    @Column(name = "issued_at")
    public Instant issuedAt;
}
