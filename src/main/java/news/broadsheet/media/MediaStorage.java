package news.broadsheet.media;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.Collection;
import java.util.Optional;
import java.util.UUID;

/**
 * Where the files of the media library are kept, each under its image's id and its file name. Writes are whole: a file
 * is readable complete or not at all. A database row names files only after they are stored, and files are removed
 * only after the row that named them is gone, so an answer never points at a missing file.
 */
public interface MediaStorage {

    /** Stores each file (by its name) under the image's id. */
    void store(UUID media, Collection<Path> files) throws IOException;

    /** A stored file, or empty. */
    Optional<StoredFile> find(UUID media, String file) throws IOException;

    /** The whole file, for rendering from it. */
    InputStream open(UUID media, String file) throws IOException;

    /** Removes these files of the image; those already gone are skipped. */
    void delete(UUID media, Collection<String> files) throws IOException;

    /** Whether finding and reading files waits on the network (so it never runs on an event loop). */
    boolean remote();

    /** A stored file as an answer sends it. */
    interface StoredFile {
        long length();

        /** The file on this machine's disk, which the HTTP layer hands to the kernel to send; empty in remote storage. */
        Optional<Path> localPath();

        /** The bytes from {@code offset}, {@code count} of them at least (a reader stops at {@code count}). */
        InputStream open(long offset, long count) throws IOException;
    }
}
