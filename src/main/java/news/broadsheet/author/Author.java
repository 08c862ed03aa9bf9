package news.broadsheet.author;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.AttributeOverride;
import jakarta.persistence.AttributeOverrides;
import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import news.broadsheet.media.HeroImage;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** A person credited in bylines: staff or guest, with or without a token of their own. */
@Entity
@Table(name = "author")
public class Author extends PanacheEntityBase {

    @Id
    public UUID id;

    public String slug;

    public String name;

    @Column(name = "job_title")
    public String jobTitle;

    /** Markdown source. */
    public String bio;

    /** {@link #bio} rendered and sanitized as article bodies are. */
    @Column(name = "bio_html")
    public String bioHtml;

    @Embedded
    @AttributeOverrides({
            @AttributeOverride(name = "url", column = @Column(name = "photo_url")),
            @AttributeOverride(name = "media", column = @Column(name = "photo_media")),
            @AttributeOverride(name = "alt", column = @Column(name = "photo_alt")),
            @AttributeOverride(name = "caption", column = @Column(name = "photo_caption")),
            @AttributeOverride(name = "credit", column = @Column(name = "photo_credit"))})
    public HeroImage photo;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(columnDefinition = "text[]")
    public List<String> links = new ArrayList<>();

    public String email;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "updated_at")
    public Instant updatedAt;

    @Version
    public long version;
}
