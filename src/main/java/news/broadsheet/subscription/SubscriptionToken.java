package news.broadsheet.subscription;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.Instant;
import java.util.List;

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

    /** The choices of the sign-up this token's confirmation mail answers, applied when it is confirmed; null on other tokens. */
    @Column(name = "name")
    public String signUpName;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "sections", columnDefinition = "text[]")
    public List<String> signUpSections;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "newsletters", columnDefinition = "text[]")
    public List<String> signUpNewsletters;

    @Column(name = "consent_at")
    public Instant consentAt;

    @Column(name = "consent_address")
    public String consentAddress;

    boolean carriesSignUp() {
        return signUpSections != null;
    }
}
