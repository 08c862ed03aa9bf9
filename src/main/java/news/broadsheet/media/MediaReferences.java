package news.broadsheet.media;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import news.broadsheet.web.problem.FieldError;
import org.hibernate.Session;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import javax.sql.DataSource;

/**
 * Images of the media library named by other content: an article's hero image and body ({@code ![alt](media:<id>)}),
 * an author's photo. A write reads the images it names locked against deletion until it commits (FOR KEY SHARE, which
 * a deletion's row lock waits for), so what it stored never names a deleted image; an answer adds the image's sizes and
 * renditions.
 */
@ApplicationScoped
public class MediaReferences {

    /** An image in a Markdown body: {@code ![alt](media:<id>)}, with an optional title. */
    private static final Pattern IN_BODY = Pattern.compile("\\]\\(\\s*<?media:([0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12})");
    private static final String SIZES = "(max-width: %1$dpx) 100vw, %1$dpx";

    private final MediaAddresses addresses;
    private final DataSource dataSource;
    private final EntityManager entityManager;

    MediaReferences(MediaAddresses addresses, DataSource dataSource, EntityManager entityManager) {
        this.addresses = addresses;
        this.dataSource = dataSource;
        this.entityManager = entityManager;
    }

    /** What an image named by a write is: enough to store a reference to it and to render it in a body. */
    public record Named(UUID id, int width, int height, String original, String alt, String caption, String credit,
                        List<Rendition> renditions) {
    }

    /** An image in a rendered body: a JPEG {@code src} for any browser and {@code srcset} of the widths. */
    public record BodyImage(String src, String srcset, String sizes, int width, int height) {
    }

    /** The media ids a Markdown body shows, in order of appearance. */
    public static Set<UUID> inBody(String markdown) {
        Set<UUID> ids = new LinkedHashSet<>();
        if (markdown != null && markdown.contains("media:")) {
            Matcher matcher = IN_BODY.matcher(markdown);
            while (matcher.find()) {
                ids.add(UUID.fromString(matcher.group(1)));
            }
        }
        return ids;
    }

    /** The images of these ids that exist, locked against deletion until the current transaction ends. */
    public Map<UUID, Named> lock(Collection<UUID> ids) {
        return ids.isEmpty() ? Map.of() : entityManager.unwrap(Session.class).doReturningWork(connection -> lock(connection, ids));
    }

    /** The same on a connection of the caller's (the import's). */
    public Map<UUID, Named> lock(Connection connection, Collection<UUID> ids) throws SQLException {
        return read(connection, ids, " for key share");
    }

    /** The images of these ids that exist, as answers show them; on a connection of its own, in or outside a transaction. */
    public Map<UUID, Named> find(Collection<UUID> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        try (Connection connection = dataSource.getConnection()) {
            return read(connection, ids, "");
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read media " + ids, e);
        }
    }

    private static Map<UUID, Named> read(Connection connection, Collection<UUID> ids, String lock) throws SQLException {
        Map<UUID, Named> found = new HashMap<>();
        if (ids.isEmpty()) {
            return found;
        }
        try (PreparedStatement query = connection.prepareStatement("""
                select id, width, height, original, alt, caption, credit, renditions::text from media
                where id = any(?)""" + lock)) {
            query.setArray(1, connection.createArrayOf("uuid", ids.toArray()));
            try (ResultSet row = query.executeQuery()) {
                while (row.next()) {
                    UUID id = row.getObject(1, UUID.class);
                    found.put(id, new Named(id, row.getInt(2), row.getInt(3), row.getString(4), row.getString(5), row.getString(6),
                            row.getString(7), RenditionsColumn.read(row.getString(8))));
                }
            }
        }
        return found;
    }

    /** The ids among {@code wanted} that {@code found} lacks, as errors of {@code field}. */
    public static List<FieldError> missing(String field, Collection<UUID> wanted, Map<UUID, ?> found) {
        List<FieldError> errors = new ArrayList<>();
        for (UUID id : wanted) {
            if (!found.containsKey(id)) {
                errors.add(new FieldError(field, "names media " + id + ", which does not exist: upload it (POST /api/v1/media) first"));
            }
        }
        return errors;
    }

    /**
     * A picture as stored: an image of the library keeps the URL of its original and, where the writer left them out, the
     * image's alt text, caption and credit; one elsewhere is kept as given.
     */
    public HeroImage stored(HeroImage given, Map<UUID, Named> images) {
        if (given == null || given.media() == null) {
            return given;
        }
        Named image = images.get(given.media());
        return new HeroImage(addresses.url(image.id(), image.original()), image.id(),
                given.alt() != null ? given.alt() : image.alt(),
                given.caption() != null ? given.caption() : image.caption(),
                given.credit() != null ? given.credit() : image.credit());
    }

    /** Answers' pictures completed with their images' sizes and renditions, with one query for all of them. */
    public <T> List<T> complete(List<T> items, Function<T, ImageView> image, BiFunction<T, ImageView, T> withImage) {
        Set<UUID> ids = items.stream().map(image).filter(Objects::nonNull).map(ImageView::media).filter(Objects::nonNull)
                .collect(Collectors.toSet());
        if (ids.isEmpty()) {
            return items;
        }
        Map<UUID, Named> images = find(ids);
        return items.stream().map(item -> {
            ImageView view = image.apply(item);
            return view == null || view.media() == null ? item : withImage.apply(item, complete(view, images));
        }).toList();
    }

    private ImageView complete(ImageView view, Map<UUID, Named> images) {
        return view(new HeroImage(view.url(), view.media(), view.alt(), view.caption(), view.credit()), images);
    }

    /**
     * The version of a picture's image, for the ETag of what shows it: a new focal point changes the crops an answer
     * names. 0 for a picture that is not the library's (or is gone).
     */
    public long version(HeroImage stored) {
        if (stored == null || stored.media() == null) {
            return 0;
        }
        List<?> version = entityManager.createNativeQuery("select version from media where id = :id")
                .setParameter("id", stored.media()).getResultList();
        return version.isEmpty() ? 0 : ((Number) version.get(0)).longValue();
    }

    /** One picture completed, for a single answer. */
    public ImageView view(HeroImage stored) {
        return stored == null || stored.media() == null ? ImageView.of(stored) : view(stored, find(List.of(stored.media())));
    }

    /** A picture with its image's sizes and renditions, when it is one of the library's and it is among {@code images}. */
    public ImageView view(HeroImage stored, Map<UUID, Named> images) {
        if (stored == null) {
            return null;
        }
        Named image = stored.media() == null ? null : images.get(stored.media());
        if (image == null) {
            return ImageView.of(stored);
        }
        return new ImageView(addresses.url(image.id(), image.original()), image.id(), stored.alt(), stored.caption(), stored.credit(),
                image.width(), image.height(), addresses.renditions(image.id(), image.renditions()));
    }

    /** How a body shows an image: JPEG widths in srcset (every browser), at most the largest as its own width. */
    public Optional<BodyImage> bodyImage(UUID id, Map<UUID, Named> images) {
        Named image = images.get(id);
        if (image == null) {
            return Optional.empty();
        }
        List<Rendition> widths = image.renditions().stream()
                .filter(r -> r.name().startsWith("w") && r.mimeType().equals(ImageFormat.JPEG.mimeType())).toList();
        if (widths.isEmpty()) { // smaller than the smallest width: the original is the image
            String original = addresses.url(id, image.original());
            return Optional.of(new BodyImage(original, original + " " + image.width() + "w", String.format(SIZES, image.width()),
                    image.width(), image.height()));
        }
        Rendition largest = widths.get(widths.size() - 1);
        Rendition src = widths.stream().filter(r -> r.width() >= 960).findFirst().orElse(largest);
        String srcset = widths.stream().map(r -> addresses.url(id, r.file()) + " " + r.width() + "w").collect(Collectors.joining(", "));
        return Optional.of(new BodyImage(addresses.url(id, src.file()), srcset, String.format(SIZES, largest.width()),
                largest.width(), largest.height()));
    }
}
