package news.broadsheet.media;

import news.broadsheet.BroadsheetConfig;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Exception;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Path;
import java.util.Collection;
import java.util.Optional;
import java.util.UUID;

/**
 * An S3-compatible bucket, {prefix}{id}/{file}: what several instances behind a load balancer share. An object PUT is
 * atomic in S3, so a reader finds a whole file or none.
 */
final class S3MediaStorage implements MediaStorage, AutoCloseable {

    private final S3Client s3;
    private final String bucket;
    private final String prefix;

    S3MediaStorage(BroadsheetConfig.Media.S3 config) {
        this.bucket = config.bucket().orElseThrow(() -> new IllegalStateException(
                "broadsheet.media.storage=s3 needs broadsheet.media.s3.bucket (BROADSHEET_MEDIA_S3_BUCKET)"));
        this.prefix = config.prefix();
        S3ClientBuilder builder = S3Client.builder()
                .httpClient(UrlConnectionHttpClient.create())
                .region(Region.of(config.region()))
                .forcePathStyle(config.pathStyle());
        config.endpoint().ifPresent(endpoint -> builder.endpointOverride(URI.create(endpoint)));
        if (config.accessKeyId().isPresent() && config.secretAccessKey().isPresent()) {
            builder.credentialsProvider(StaticCredentialsProvider.create(
                    AwsBasicCredentials.create(config.accessKeyId().get(), config.secretAccessKey().get())));
        } else {
            builder.credentialsProvider(DefaultCredentialsProvider.builder().build());
        }
        this.s3 = builder.build();
    }

    @Override
    public boolean remote() {
        return true;
    }

    @Override
    public void store(UUID media, Collection<Path> files) throws IOException {
        for (Path file : files) {
            String name = file.getFileName().toString();
            try {
                s3.putObject(put -> put.bucket(bucket).key(key(media, name)).contentType(contentType(name)), RequestBody.fromFile(file));
            } catch (S3Exception e) {
                throw new IOException("S3 refused to store " + key(media, name) + ": " + e.getMessage(), e);
            }
        }
    }

    @Override
    public Optional<StoredFile> find(UUID media, String file) throws IOException {
        String key = key(media, file);
        try {
            long length = s3.headObject(head -> head.bucket(bucket).key(key)).contentLength();
            return Optional.of(new StoredFile() {
                @Override
                public long length() {
                    return length;
                }

                @Override
                public Optional<Path> localPath() {
                    return Optional.empty();
                }

                @Override
                public InputStream open(long offset, long count) {
                    return s3.getObject(get -> get.bucket(bucket).key(key).range("bytes=" + offset + "-" + (offset + count - 1)));
                }
            });
        } catch (NoSuchKeyException e) {
            return Optional.empty();
        } catch (S3Exception e) {
            if (e.statusCode() == 404) {
                return Optional.empty();
            }
            throw new IOException("S3 could not be asked for " + key + ": " + e.getMessage(), e);
        }
    }

    @Override
    public InputStream open(UUID media, String file) throws IOException {
        try {
            return s3.getObject(get -> get.bucket(bucket).key(key(media, file)));
        } catch (S3Exception e) {
            throw new IOException("S3 could not read " + key(media, file) + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void delete(UUID media, Collection<String> files) throws IOException {
        for (String file : files) {
            try {
                s3.deleteObject(delete -> delete.bucket(bucket).key(key(media, file)));
            } catch (S3Exception e) {
                throw new IOException("S3 could not delete " + key(media, file) + ": " + e.getMessage(), e);
            }
        }
    }

    @Override
    public void close() {
        s3.close();
    }

    private String key(UUID media, String file) {
        return prefix + media + "/" + file;
    }

    private static String contentType(String file) {
        String extension = file.substring(file.lastIndexOf('.') + 1);
        return ImageFormat.ofExtension(extension).map(ImageFormat::mimeType).orElse("application/octet-stream");
    }
}
