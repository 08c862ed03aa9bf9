package news.broadsheet.article;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import news.broadsheet.media.HeroImage;
import news.broadsheet.section.Section;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

@Entity
@Table(name = "article")
public class Article extends PanacheEntityBase {

    @Id
    @GeneratedValue
    public UUID id;

    public String slug;

    public String title;

    public String subtitle;

    public String summary;

    /** Markdown source, kept byte for byte. */
    public String body;

    /** {@link #body} rendered and sanitized. */
    @Column(name = "body_html")
    public String bodyHtml;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "section_id")
    public Section section;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(columnDefinition = "text[]")
    public List<String> tags = new ArrayList<>();

    /** The authors' ids in byline order (news.broadsheet.author.Bylines finds and locks them). */
    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "author_ids", columnDefinition = "uuid[]")
    public List<UUID> authorIds = new ArrayList<>();

    public String dateline;

    @Embedded
    public HeroImage heroImage;

    public boolean featured;

    @Enumerated(EnumType.STRING)
    public ArticleStatus status;

    @Column(name = "published_at")
    public Instant publishedAt;

    /** The time of the latest correction or update note; null while there is none. */
    @Column(name = "noted_at")
    public Instant notedAt;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "updated_at")
    public Instant updatedAt;

    @Column(name = "word_count")
    public int wordCount;

    @Column(name = "reading_time_minutes")
    public int readingTimeMinutes;

    @Version
    public long version;
}
