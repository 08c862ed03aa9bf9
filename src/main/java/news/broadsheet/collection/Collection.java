package news.broadsheet.collection;

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

/** An editors' ordered pick of articles ("Don't miss", "Top stories"). */
@Entity
@Table(name = "collection")
public class Collection extends PanacheEntityBase {

    @Id
    public UUID id;

    public String slug;

    public String name;

    public String description;

    /** In the editors' order; whether each is shown is decided when the collection is read. */
    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "article_ids", columnDefinition = "uuid[]")
    public List<UUID> articleIds = new ArrayList<>();

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "updated_at")
    public Instant updatedAt;

    @Version
    public long version;
}
