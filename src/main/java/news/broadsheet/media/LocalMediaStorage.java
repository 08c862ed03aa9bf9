package news.broadsheet.media;

import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Collection;
import java.util.Optional;
import java.util.UUID;

/**
 * A directory, {root}/{id}/{file}. A file is copied to a temporary name in the image's folder and renamed into place,
 * which is atomic on one file system: a reader finds the whole file or none.
 */
final class LocalMediaStorage implements MediaStorage {

    private final Path root;

    LocalMediaStorage(Path root) throws IOException {
        this.root = Files.createDirectories(root.toAbsolutePath().normalize());
    }

    @Override
    public boolean remote() {
        return false;
    }

    Path root() {
        return root;
    }

    @Override
    public void store(UUID media, Collection<Path> files) throws IOException {
        Path folder = Files.createDirectories(folder(media));
        for (Path file : files) {
            Path target = folder.resolve(file.getFileName().toString());
            Path partial = Files.createTempFile(folder, ".incoming-", ".part");
            try {
                Files.copy(file, partial, StandardCopyOption.REPLACE_EXISTING);
                try {
                    Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                } catch (AtomicMoveNotSupportedException e) {
                    Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING);
                }
            } finally {
                Files.deleteIfExists(partial);
            }
        }
    }

    @Override
    public Optional<StoredFile> find(UUID media, String file) throws IOException {
        Path path = folder(media).resolve(file);
        try {
            long length = Files.size(path);
            return Optional.of(new StoredFile() {
                @Override
                public long length() {
                    return length;
                }

                @Override
                public Optional<Path> localPath() {
                    return Optional.of(path);
                }

                @Override
                public InputStream open(long offset, long count) throws IOException {
                    FileChannel channel = FileChannel.open(path);
                    return Channels.newInputStream(channel.position(offset));
                }
            });
        } catch (NoSuchFileException e) {
            return Optional.empty();
        }
    }

    @Override
    public InputStream open(UUID media, String file) throws IOException {
        return Files.newInputStream(folder(media).resolve(file));
    }

    @Override
    public void delete(UUID media, Collection<String> files) throws IOException {
        Path folder = folder(media);
        for (String file : files) {
            Files.deleteIfExists(folder.resolve(file));
        }
        try (var left = Files.list(folder)) {
            if (left.findAny().isEmpty()) {
                Files.deleteIfExists(folder);
            }
        } catch (NoSuchFileException e) {
            // already gone
        }
    }

    private Path folder(UUID media) {
        return root.resolve(media.toString());
    }
}
