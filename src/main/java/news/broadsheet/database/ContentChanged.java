package news.broadsheet.database;

/**
 * Fired (synchronously, on the listener's thread: observers must only note it) when the database notifies a committed
 * write to content, by any instance.
 */
public record ContentChanged() {
}
