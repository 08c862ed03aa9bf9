package news.broadsheet.media;

/**
 * One stored file of an image: the original or a rendition. {@code name} says what it is ("original", "w640" for a
 * width, "16x9-w640" for a crop); a crop's file name carries its focal point, so moving the point makes new files and
 * a URL never changes what it serves.
 */
public record Rendition(String name, int width, int height, String mimeType, String file) {
}
