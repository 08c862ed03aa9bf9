package news.broadsheet.event;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.Arrays;

/** What changed, as events, the change feed and webhooks name it (V21__change_events_and_webhooks.sql writes them). */
@Schema(name = "EventType", enumeration = {"article.published", "article.updated", "article.unpublished", "article.deleted",
        "section.changed", "author.changed", "collection.changed", "media.changed"},
        description = "article.published: an article became public (a write, or a scheduled article's time came); article.updated: a "
                + "public article changed (a correction note included); article.unpublished: it is no longer public (draft, archived or "
                + "moved to a future time); article.deleted: a public article was deleted; section.changed, author.changed, "
                + "collection.changed, media.changed: one was created, changed or deleted (data.change says which; an article showing a changed image gets no event of its own: its answers change with the image). Drafts and scheduled articles "
                + "emit nothing until they are public.")
public enum EventType {
    ARTICLE_PUBLISHED("article.published"),
    ARTICLE_UPDATED("article.updated"),
    ARTICLE_UNPUBLISHED("article.unpublished"),
    ARTICLE_DELETED("article.deleted"),
    SECTION_CHANGED("section.changed"),
    AUTHOR_CHANGED("author.changed"),
    COLLECTION_CHANGED("collection.changed"),
    MEDIA_CHANGED("media.changed");

    private final String wireName;

    EventType(String wireName) {
        this.wireName = wireName;
    }

    @JsonValue
    public String wireName() {
        return wireName;
    }

    /** @throws IllegalArgumentException naming the accepted types, which the problem answer quotes */
    @JsonCreator
    public static EventType of(String wireName) {
        return Arrays.stream(values()).filter(type -> type.wireName.equals(wireName)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("must be one of " + Arrays.stream(values()).map(EventType::wireName).toList()));
    }

    @Override
    public String toString() {
        return wireName;
    }
}
