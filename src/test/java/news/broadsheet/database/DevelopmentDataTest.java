package news.broadsheet.database;

import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URL;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

/** Dev mode's sample content lives apart from the packaged service's data, so a jar started later never serves it. */
class DevelopmentDataTest {

    private static String dataDirectory(String profile) throws IOException {
        URL properties = DevelopmentDataTest.class.getResource("/application.properties");
        SmallRyeConfig config = new SmallRyeConfigBuilder().withProfile(profile)
                .withSources(new PropertiesConfigSource(properties, 250)).build();
        // the fallback of EmbeddedPostgresConfigSourceFactory and BroadsheetConfig
        String directory = config.getOptionalValue("broadsheet.embedded-postgres.data-dir", String.class).orElse("data/postgres");
        return Path.of(directory).normalize().toString();
    }

    @Test
    void devModeKeepsItsDatabaseApartFromThePackagedService() throws IOException {
        assertEquals("data/postgres", dataDirectory("prod"));
        assertNotEquals(dataDirectory("prod"), dataDirectory("dev"));
        org.junit.jupiter.api.Assertions.assertFalse(Path.of(dataDirectory("dev")).startsWith("data/postgres"), "not inside the service's data");
        assertEquals("target/postgres-test", dataDirectory("test"));
    }
}
