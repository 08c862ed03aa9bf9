package news.broadsheet.media;

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

/** An image of the media library: what describes it, and the files stored for it (V22__media.sql). */
@Entity
@Table(name = "media")
public class Media extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "mime_type")
    public String mimeType;

    public int width;

    public int height;

    /** The size of the stored original. */
    public long bytes;

    /** The original's file name. */
    public String original;

    /** Every rendition stored, the original not included. */
    @JdbcTypeCode(SqlTypes.JSON)
    public List<Rendition> renditions = new ArrayList<>();

    public String alt;

    public String caption;

    public String credit;

    public String creator;

    @Column(name = "focal_x")
    public double focalX = 0.5;

    @Column(name = "focal_y")
    public double focalY = 0.5;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "updated_at")
    public Instant updatedAt;

    @Version
    public long version;

    FocalPoint focalPoint() {
        return new FocalPoint(focalX, focalY);
    }
}
