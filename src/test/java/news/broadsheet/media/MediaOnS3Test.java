package news.broadsheet.media;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Object;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/** Every media test again, with the files in an S3-compatible bucket (a real S3Mock server) instead of a directory. */
@QuarkusTest
@TestProfile(MediaOnS3Test.S3Storage.class)
class MediaOnS3Test extends MediaTest {

    public static class S3Storage implements QuarkusTestProfile {
        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(S3MockServer.class));
        }
    }

    @Test
    void theFilesAreObjectsOfTheBucket() {
        JsonPath media = upload(TestImages.jpeg(TestImages.halves(700, 400)), "image/jpeg");
        String id = media.getString("id");
        List<String> keys = keys("media/" + id + "/");
        assertEquals(1 + media.getList("renditions").size(), keys.size(), keys.toString());
        assertFalse(Files.exists(Path.of("target/media-test", id)), "nothing in the local directory");
    }

    @Override
    long storedFiles() {
        return keys("").size();
    }

    private static List<String> keys(String prefix) {
        try (S3Client s3 = S3Client.builder().httpClient(UrlConnectionHttpClient.create()).region(Region.US_EAST_1)
                .endpointOverride(URI.create(S3MockServer.endpoint())).forcePathStyle(true)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(S3MockServer.ACCESS_KEY,
                        S3MockServer.SECRET_KEY))).build()) {
            return s3.listObjectsV2Paginator(list -> list.bucket(S3MockServer.BUCKET).prefix(prefix)).contents().stream()
                    .map(S3Object::key).sorted().toList();
        }
    }
}
