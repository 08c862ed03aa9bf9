package news.broadsheet.article;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/** A link that shows one article, published or not, to whoever holds it until it expires (V19__preview_links.sql). */
@Entity
@Table(name = "article_preview_link")
public class PreviewLink extends PanacheEntityBase {

    @Id
    @GeneratedValue
    public UUID id;

    /** SHA-256 of the token; the token itself is answered once and kept nowhere. */
    @Column(name = "token_hash")
    public byte[] tokenHash;

    @Column(name = "article_id")
    public UUID articleId;

    @Column(name = "expires_at")
    public Instant expiresAt;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "created_by")
    public String createdBy;
}
