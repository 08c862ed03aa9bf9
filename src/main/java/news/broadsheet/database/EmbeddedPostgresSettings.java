package news.broadsheet.database;

import java.time.Duration;

record EmbeddedPostgresSettings(String dataDir, int port, boolean clean, boolean durable, Duration restartDelay) {
}
