package news.broadsheet.feed;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * What a feed shows of one article; {@code bodyHtml} is null when the body is too long for a feed. A hero image of the
 * media library also has its type and size ({@code imageType} null otherwise), which an enclosure needs.
 */
record FeedEntry(UUID id, String slug, String title, String summary, String bodyHtml, String sectionSlug, String sectionName,
                 List<String> tags, List<String> authors, String imageUrl, String imageType, long imageLength, Instant publishedAt,
                 Instant modifiedAt) {
}
