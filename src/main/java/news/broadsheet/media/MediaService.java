package news.broadsheet.media;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import news.broadsheet.BroadsheetConfig;
import news.broadsheet.database.Clock;
import news.broadsheet.web.MergePatch;
import news.broadsheet.web.caching.ETags;
import news.broadsheet.web.caching.Stored;
import news.broadsheet.web.paging.Cursor;
import news.broadsheet.web.paging.Page;
import news.broadsheet.web.problem.Conflict;
import news.broadsheet.web.problem.NotFound;
import news.broadsheet.web.problem.ServiceBusy;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The media library. An upload is examined from its bytes (type, size, metadata) before any pixel is decoded, rendered
 * outside any transaction (a few at once: {@code broadsheet.media.concurrent-renderings}), stored, and only then
 * recorded; a failure on the way removes what was stored, so there is never a row without its files nor files left
 * of a failed upload. Files a change no longer names are removed after the change commits.
 */
@ApplicationScoped
public class MediaService {

    static final String SORT = "media-newest";
    private static final Pattern FILE_NAME = Pattern.compile("[A-Za-z0-9-]{1,60}\\.(jpg|png|webp|gif)");

    private final MediaStorage storage;
    private final MediaFileCache memory;
    private final MediaAddresses addresses;
    private final MergePatch mergePatch;
    private final EntityManager entityManager;
    private final BroadsheetConfig.Media config;
    private final Semaphore renderings;

    MediaService(MediaStorage storage, MediaFileCache memory, MediaAddresses addresses, MergePatch mergePatch,
                 EntityManager entityManager, BroadsheetConfig config) {
        this.storage = storage;
        this.memory = memory;
        this.addresses = addresses;
        this.mergePatch = mergePatch;
        this.entityManager = entityManager;
        this.config = config.media();
        this.renderings = new Semaphore(config.media().concurrentRenderings(), true);
    }

    long maxUploadSize() {
        return config.maxUploadSize().asLongValue();
    }

    /** Whether a name can be a stored file's (so no path of any other shape reaches the storage). */
    static boolean isFileName(String file) {
        return file != null && FILE_NAME.matcher(file).matches();
    }

    /** Adds the uploaded image in {@code file}; editors' fields win over the file's own metadata. */
    public Stored<MediaView> upload(Path file, MediaInput fields) throws IOException {
        ImageFacts facts = ImageFacts.of(file, config.maxPixels());
        FocalPoint focalPoint = fields.focalPoint() == null ? FocalPoint.CENTRE : fields.focalPoint();
        Path folder = Files.createTempDirectory("broadsheet-media-");
        try {
            List<Rendition> files = rendered(() -> ImageRenderer.renderAll(ImageRenderer.decode(file, facts), facts.format(),
                    focalPoint, folder));
            UUID id = UUID.randomUUID();
            storage.store(id, files.stream().map(rendition -> folder.resolve(rendition.file())).toList());
            try {
                Media media = QuarkusTransaction.requiringNew().call(() -> {
                    Media created = new Media();
                    created.id = id;
                    created.mimeType = facts.format().mimeType();
                    created.width = files.get(0).width();
                    created.height = files.get(0).height();
                    created.original = files.get(0).file();
                    created.bytes = Files.size(folder.resolve(created.original));
                    created.renditions = new ArrayList<>(files.subList(1, files.size()));
                    created.alt = fields.alt();
                    created.caption = fields.caption() != null ? fields.caption() : clip(facts.caption(), 1000);
                    created.credit = fields.credit() != null ? fields.credit() : clip(facts.credit(), 300);
                    created.creator = fields.creator() != null ? fields.creator() : clip(facts.creator(), 300);
                    created.focalX = focalPoint.x();
                    created.focalY = focalPoint.y();
                    created.createdAt = Clock.now();
                    created.updatedAt = created.createdAt;
                    created.persist();
                    return created;
                });
                return new Stored<>(MediaView.from(media, addresses), etag(media), true);
            } catch (RuntimeException e) {
                removeQuietly(id, files.stream().map(Rendition::file).toList());
                throw e;
            }
        } finally {
            deleteFolder(folder);
        }
    }

    public Stored<MediaView> get(UUID id) {
        Media media = QuarkusTransaction.requiringNew().call(() -> find(id));
        return new Stored<>(MediaView.from(media, addresses), etag(media), false);
    }

    /** Newest first. */
    public Page<MediaView> list(Cursor after, int limit) {
        List<Media> page = QuarkusTransaction.requiringNew().call(() -> (after == null
                ? Media.<Media>find("order by createdAt desc, id desc")
                : Media.<Media>find("(createdAt, id) < (?1, ?2) order by createdAt desc, id desc", after.time(), after.id()))
                .page(0, limit + 1).list());
        String next = null;
        if (page.size() > limit) {
            page = page.subList(0, limit);
            Media last = page.get(limit - 1);
            next = Cursor.after(SORT, last.createdAt, last.id).encode();
        }
        return new Page<>(page.stream().map(media -> MediaView.from(media, addresses)).toList(), next, null);
    }

    /**
     * RFC 7396 merge patch of what editors write. A new focal point renders new crops (new file names) before the row
     * changes; the old crops are removed once it has.
     */
    public Stored<MediaView> patch(UUID id, String patch, String ifMatch) throws JsonProcessingException {
        Media read = QuarkusTransaction.requiringNew().call(() -> find(id));
        ETags.requireMatch(ifMatch, etag(read), "media");
        MediaInput patched = mergePatch.apply(MediaInput.of(read), patch, MediaInput.class);
        FocalPoint focalPoint = patched.focalPoint() == null ? FocalPoint.CENTRE : patched.focalPoint();
        boolean newCrops = !focalPoint.equals(read.focalPoint());
        List<Rendition> crops = newCrops ? crops(read, focalPoint) : List.of();
        Set<String> before = read.renditions.stream().map(Rendition::file).collect(Collectors.toSet());
        Media media;
        try {
            media = QuarkusTransaction.requiringNew().call(() -> {
                Media current = Media.findById(id, LockModeType.PESSIMISTIC_WRITE);
                if (current == null) {
                    throw new NotFound("media", id.toString());
                }
                if (current.version != read.version) {
                    throw new Conflict("concurrent-change", "The image changed while this patch was applied; read it and try again");
                }
                current.alt = patched.alt();
                current.caption = patched.caption();
                current.credit = patched.credit();
                current.creator = patched.creator();
                if (newCrops) {
                    List<Rendition> renditions = new ArrayList<>(current.renditions.stream().filter(r -> !ImageRenderer.isCrop(r)).toList());
                    renditions.addAll(crops);
                    current.renditions = renditions;
                    current.focalX = focalPoint.x();
                    current.focalY = focalPoint.y();
                }
                current.updatedAt = Clock.now();
                entityManager.flush();
                return current;
            });
        } catch (RuntimeException e) {
            removeQuietly(id, crops.stream().map(Rendition::file).filter(file -> !before.contains(file)).toList());
            throw e;
        }
        Set<String> after = media.renditions.stream().map(Rendition::file).collect(Collectors.toSet());
        removeQuietly(id, before.stream().filter(file -> !after.contains(file)).toList());
        return new Stored<>(MediaView.from(media, addresses), etag(media), false);
    }

    /** @throws Conflict while an article or author shows the image */
    public void delete(UUID id, String ifMatch) {
        Media media = QuarkusTransaction.requiringNew().call(() -> {
            Media current = Media.findById(id, LockModeType.PESSIMISTIC_WRITE);
            if (current == null) {
                throw new NotFound("media", id.toString());
            }
            ETags.requireMatch(ifMatch, etag(current), "media");
            List<String> users = users(id);
            if (!users.isEmpty()) {
                throw new Conflict("media-in-use", "The image is shown by " + String.join(", ", users)
                        + "; remove it there first");
            }
            current.delete();
            return current;
        });
        List<String> files = new ArrayList<>(media.renditions.stream().map(Rendition::file).toList());
        files.add(media.original);
        removeQuietly(id, files);
    }

    /** What shows the image: articles (hero image or body) and authors (photo), a few named. */
    @SuppressWarnings("unchecked")
    private List<String> users(UUID id) {
        List<String> articles = entityManager.createNativeQuery("""
                        select 'article ' || slug from article
                        where hero_image_media = :id or body_media @> array[cast(:id as uuid)] and body_media <> '{}'
                        order by slug limit 5""")
                .setParameter("id", id).getResultList();
        List<String> authors = entityManager.createNativeQuery(
                        "select 'author ' || slug from author where photo_media = :id order by slug limit 5")
                .setParameter("id", id).getResultList();
        return Stream.concat(articles.stream(), authors.stream()).toList();
    }

    private List<Rendition> crops(Media media, FocalPoint focalPoint) {
        Path folder;
        try {
            folder = Files.createTempDirectory("broadsheet-media-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try {
            ImageFormat format = ImageFormat.ofExtension(media.original.substring(media.original.lastIndexOf('.') + 1)).orElseThrow();
            List<Rendition> crops = rendered(() -> {
                Path original = folder.resolve(media.original);
                try (InputStream in = storage.open(media.id, media.original)) {
                    Files.copy(in, original);
                }
                BufferedImage image = ImageCodecs.read(original, format);
                return ImageRenderer.renderCrops(image, focalPoint, folder);
            });
            storage.store(media.id, crops.stream().map(crop -> folder.resolve(crop.file())).toList());
            return crops;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            deleteFolder(folder);
        }
    }

    private interface Rendering {
        List<Rendition> run() throws IOException;
    }

    /** Runs a rendering when one of the permits is free: the memory renderings take stays bounded, whatever the uploads. */
    private List<Rendition> rendered(Rendering rendering) throws IOException {
        boolean permitted;
        try {
            permitted = renderings.tryAcquire(config.renderingWait().toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ServiceBusy("media-busy", "The upload was interrupted while waiting for its turn", 10);
        }
        if (!permitted) {
            throw new ServiceBusy("media-busy", "Other uploads are being processed; try again in a few seconds", 10);
        }
        try {
            return rendering.run();
        } finally {
            renderings.release();
        }
    }

    private Media find(UUID id) {
        Media media = Media.findById(id);
        if (media == null) {
            throw new NotFound("media", id.toString());
        }
        return media;
    }

    static String etag(Media media) {
        return ETags.of("media", media.id, media.version);
    }

    private void removeQuietly(UUID id, List<String> files) {
        if (files.isEmpty()) {
            return;
        }
        try {
            storage.delete(id, files);
            memory.forget(id, files);
        } catch (IOException | RuntimeException e) {
            Log.warnf("Could not remove %d files of media %s (%s); they are no longer named by any answer", files.size(), id, e.getMessage());
        }
    }

    private static String clip(String value, int length) {
        return value == null || value.length() <= length ? value : value.substring(0, length);
    }

    private static void deleteFolder(Path folder) {
        try (Stream<Path> files = Files.walk(folder)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            Log.debugf("Temporary folder %s not removed: %s", folder, e.getMessage());
        }
    }
}
