package news.broadsheet.section;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.Instant;
import java.util.UUID;

@Entity
@Table(name = "section")
public class Section extends PanacheEntityBase {

    @Id
    @GeneratedValue
    public UUID id;

    public String slug;

    public String name;

    public String description;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "parent_id")
    public Section parent;

    public int position;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "updated_at")
    public Instant updatedAt;

    @Version
    public long version;

    /** True when {@code other} is this section or lies above it in the tree. */
    boolean descendsFrom(Section other) {
        for (Section s = this; s != null; s = s.parent) {
            if (s.id != null && s.id.equals(other.id)) {
                return true;
            }
        }
        return false;
    }
}
