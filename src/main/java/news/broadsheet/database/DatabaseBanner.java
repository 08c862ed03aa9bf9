package news.broadsheet.database;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;

/** Logs one line at start saying which database this instance uses, and tells the embedded server when the service stops. */
@ApplicationScoped
class DatabaseBanner {

    private static final Logger LOG = Logger.getLogger(DatabaseBanner.class);

    /** Observed last: the requests in flight have finished, and nothing else will use the database. */
    void onStop(@Observes @Priority(Integer.MAX_VALUE) ShutdownEvent event) {
        EmbeddedPostgresServer.serviceRunning(false);
    }

    void onStart(@Observes StartupEvent event, DataSource dataSource,
                 @ConfigProperty(name = "quarkus.datasource.jdbc.url") String url) throws SQLException {
        String version;
        try (Connection connection = dataSource.getConnection()) {
            version = connection.getMetaData().getDatabaseProductVersion();
        }
        EmbeddedPostgresServer.serviceRunning(true);
        String where = url.replaceFirst("\\?.*$", "");
        String dataDir = EmbeddedPostgresServer.runningDataDir();
        if (dataDir != null && url.equals(System.getProperty("embedded-postgres.running-jdbc-url"))) {
            LOG.infof("Database: embedded PostgreSQL %s at %s, data in %s", version, where, dataDir);
        } else {
            LOG.infof("Database: PostgreSQL %s at %s (configured by URL)", version, where);
        }
    }
}
