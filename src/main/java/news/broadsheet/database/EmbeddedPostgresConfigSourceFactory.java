package news.broadsheet.database;

import io.quarkus.runtime.configuration.DurationConverter;
import io.smallrye.config.ConfigSourceContext;
import io.smallrye.config.ConfigSourceFactory;
import io.smallrye.config.ConfigValue;
import org.eclipse.microprofile.config.spi.ConfigSource;

import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;

/**
 * Points the datasource at an embedded PostgreSQL when no {@code quarkus.datasource.jdbc.url} is configured.
 * The server starts lazily, the first time the URL is read, so builds that never read it start nothing.
 */
public class EmbeddedPostgresConfigSourceFactory implements ConfigSourceFactory {

    static final String URL = "quarkus.datasource.jdbc.url";
    static final String USERNAME = "quarkus.datasource.username";
    static final String PASSWORD = "quarkus.datasource.password";

    @Override
    public Iterable<ConfigSource> getConfigSources(ConfigSourceContext context) {
        if (isSet(context.getValue(URL))) {
            return List.of();
        }
        var settings = new EmbeddedPostgresSettings(
                valueOr(context, "broadsheet.embedded-postgres.data-dir", "data/postgres"),
                Integer.parseInt(valueOr(context, "broadsheet.embedded-postgres.port", "0")),
                Boolean.parseBoolean(valueOr(context, "broadsheet.embedded-postgres.clean", "false")),
                Boolean.parseBoolean(valueOr(context, "broadsheet.embedded-postgres.durable", "true")),
                DurationConverter.parseDuration(valueOr(context, "broadsheet.embedded-postgres.restart-delay", "2s")));
        return List.of(new LazyEmbeddedSource(settings));
    }

    @Override
    public OptionalInt getPriority() {
        return OptionalInt.of(50);
    }

    private static boolean isSet(ConfigValue value) {
        return value != null && value.getValue() != null && !value.getValue().isBlank();
    }

    private static String valueOr(ConfigSourceContext context, String name, String fallback) {
        ConfigValue value = context.getValue(name);
        return isSet(value) ? value.getValue() : fallback;
    }

    /** Below application.properties, so any configured URL, user or password wins. */
    private static final class LazyEmbeddedSource implements ConfigSource {
        private final EmbeddedPostgresSettings settings;

        LazyEmbeddedSource(EmbeddedPostgresSettings settings) {
            this.settings = settings;
        }

        /**
         * Listed as none: the build records the values of every listed runtime property as defaults,
         * which would start a server at build time and bake its port into the application.
         */
        @Override
        public Set<String> getPropertyNames() {
            return Set.of();
        }

        @Override
        public Map<String, String> getProperties() {
            return Map.of();
        }

        @Override
        public String getValue(String propertyName) {
            return switch (propertyName) {
                case URL -> EmbeddedPostgresServer.jdbcUrl(settings);
                case USERNAME -> EmbeddedPostgresServer.USER;
                case PASSWORD -> EmbeddedPostgresServer.PASSWORD;
                default -> null;
            };
        }

        @Override
        public int getOrdinal() {
            return 50;
        }

        @Override
        public String getName() {
            return "embedded-postgres";
        }
    }
}
