package news.broadsheet.database;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A JVM killed with SIGKILL leaves its embedded postgres running; the next start must cope, data intact. */
class StaleServerTest {

    @Test
    void postmasterOfAKilledJvmIsStoppedAndItsDataKept(@TempDir Path dataDir) throws Exception {
        Process jvm = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), ServerThatGetsKilled.class.getName(), dataDir.toString())
                .redirectErrorStream(true).start();
        String port = null;
        try (var output = new BufferedReader(new InputStreamReader(jvm.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while (port == null && (line = output.readLine()) != null) {
                port = line.startsWith("READY ") ? line.substring("READY ".length()) : null; // else the child's own log lines
            }
        }
        jvm.destroyForcibly().waitFor(20, TimeUnit.SECONDS);
        long postmasterPid = Long.parseLong(Files.readAllLines(dataDir.resolve("postmaster.pid")).get(0).trim());
        ProcessHandle orphan = ProcessHandle.of(postmasterPid).orElseThrow();
        assertTrue(orphan.isAlive(), "the killed JVM's postgres outlives it");

        // issue 19, finding 8: an idle session (say, an editor's psql) kept a smart shutdown waiting for ever
        try (Connection idle = DriverManager.getConnection("jdbc:postgresql://localhost:" + port + "/postgres", "postgres", "")) {
            EmbeddedPostgresServer.stopStaleServer(dataDir);
            assertFalse(idle.isValid(2), "the stale server's sessions were ended");
        }

        assertFalse(orphan.isAlive());
        try (EmbeddedPostgres restarted = EmbeddedPostgres.builder().setDataDirectory(dataDir).setCleanDataDirectory(false).start();
             Connection connection = restarted.getPostgresDatabase().getConnection();
             ResultSet rows = connection.createStatement().executeQuery("select headline from kept")) {
            assertTrue(rows.next());
            assertEquals("still here", rows.getString(1));
        }
    }

    @Test
    void directoryHeldByALiveServerIsRefused(@TempDir Path dataDir) throws Exception {
        try (EmbeddedPostgres running = EmbeddedPostgres.builder().setDataDirectory(dataDir).setCleanDataDirectory(false).start()) {
            var refused = assertThrows(IllegalStateException.class, () -> EmbeddedPostgresServer.stopStaleServer(dataDir));
            assertTrue(refused.getMessage().contains("in use"));
            try (Connection connection = running.getPostgresDatabase().getConnection()) {
                assertTrue(connection.isValid(2), "the live server was left alone");
            }
        }
    }

    /** Run in a child JVM: starts a server, writes a row, says READY and waits to be killed. */
    public static final class ServerThatGetsKilled {
        public static void main(String[] args) throws Exception {
            EmbeddedPostgres server = EmbeddedPostgres.builder()
                    .setDataDirectory(Path.of(args[0])).setCleanDataDirectory(false).setRegisterShutdownHook(false).start();
            try (Connection connection = server.getPostgresDatabase().getConnection()) {
                for (String sql : List.of("create table kept (headline text)", "insert into kept values ('still here')")) {
                    connection.createStatement().execute(sql);
                }
            }
            System.out.println("READY " + server.getPort());
            System.out.flush();
            Thread.sleep(Long.MAX_VALUE);
        }
    }
}
