package news.broadsheet.database;

record EmbeddedPostgresSettings(String dataDir, int port, boolean clean, boolean durable) {
}
