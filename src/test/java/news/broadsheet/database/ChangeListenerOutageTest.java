package news.broadsheet.database;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import news.broadsheet.Api;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.time.Duration;

import static news.broadsheet.Api.anonymous;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

/**
 * While the connection that hears the database's change notifications is down, a change made meanwhile (by another
 * instance; here written in SQL as it would write it) reaches nobody's memory: this instance must answer from the
 * database, never from what it kept.
 */
@QuarkusTest
class ChangeListenerOutageTest {

    @Inject
    DataSource dataSource;

    @Inject
    ContentVersion contentVersion;

    @Test
    void nothingIsServedFromMemoryWhileTheListenerIsDown() throws Exception {
        String slug = Api.create(Api.article(Api.section()));
        String path = "/api/v1/articles/" + slug;
        String keptTag = anonymous().get(path).then().statusCode(200).extract().header("ETag");
        assertEquals(keptTag, anonymous().get(path).then().statusCode(200).extract().header("ETag"), "kept and served from memory");
        await().atMost(Duration.ofSeconds(10)).until(() -> contentVersion.knownTag().isPresent());

        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("select pg_terminate_backend(pid) from pg_stat_activity where application_name = '"
                    + ContentChanges.APPLICATION_NAME + "'");
            // the listener notices at once and waits a second before it listens again
            await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(5)).until(() -> contentVersion.knownTag().isEmpty());
            try (PreparedStatement change = connection.prepareStatement("update article set title = 'Changed by hand', version = version + 1 where slug = ?")) {
                change.setString(1, slug);
                assertEquals(1, change.executeUpdate());
            }
        }
        String fresh = anonymous().header("If-None-Match", keptTag).get(path).then().statusCode(200)
                .body("title", equalTo("Changed by hand")).extract().header("ETag");
        assertNotEquals(keptTag, fresh);
        await().atMost(Duration.ofSeconds(10)).until(() -> contentVersion.knownTag().isPresent()); // and it follows again
        anonymous().get(path).then().statusCode(200).body("title", equalTo("Changed by hand"));
    }
}
