package news.broadsheet.author;

import java.util.UUID;

/** An author as a writer of articles needs them: the id an article stores, the byline it shows, the version its ETag follows. */
public record Credit(UUID id, String slug, String name, long version) {

    public Byline byline() {
        return new Byline(slug, name);
    }
}
