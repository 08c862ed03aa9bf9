package news.broadsheet.media;

import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import news.broadsheet.BroadsheetConfig;

import java.io.IOException;
import java.nio.file.Path;

/** The storage {@code broadsheet.media.storage} names. */
@ApplicationScoped
class MediaStorageProducer {

    @Produces
    @ApplicationScoped
    MediaStorage storage(BroadsheetConfig config) throws IOException {
        BroadsheetConfig.Media media = config.media();
        if (media.storage() == BroadsheetConfig.Media.Storage.S3) {
            Log.infof("Media files are kept in the S3 bucket %s%s", media.s3().bucket().orElse("?"),
                    media.s3().endpoint().map(endpoint -> " at " + endpoint).orElse(""));
            return new S3MediaStorage(media.s3());
        }
        LocalMediaStorage local = new LocalMediaStorage(Path.of(media.directory()));
        Log.infof("Media files are kept in %s", local.root());
        return local;
    }

    void close(@Disposes MediaStorage storage) {
        if (storage instanceof S3MediaStorage s3) {
            s3.close();
        }
    }
}
