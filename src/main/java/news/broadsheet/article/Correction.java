package news.broadsheet.article;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/** A correction, update or clarification note on an article: appended, never edited (V18__corrections.sql). */
@Entity
@Table(name = "article_correction")
public class Correction extends PanacheEntityBase {

    @Id
    @GeneratedValue
    public UUID id;

    @Column(name = "article_id")
    public UUID articleId;

    @Enumerated(EnumType.STRING)
    public CorrectionKind kind;

    public String text;

    @Column(name = "created_at")
    public Instant createdAt;

    /** The name of the token that wrote it; kept for the newsroom, never shown to readers. */
    @Column(name = "created_by")
    public String createdBy;
}
