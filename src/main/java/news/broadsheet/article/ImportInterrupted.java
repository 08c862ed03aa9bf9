package news.broadsheet.article;

/**
 * An import stopped by a batch the database could not write. The batches committed before it stay, and their report
 * goes to the client with the problem: importing the same file again finishes the job, as stored lines are unchanged.
 */
class ImportInterrupted extends RuntimeException {

    private final ImportReport report;
    private final long lastLineRead;

    ImportInterrupted(ImportReport report, long lastLineRead, Throwable cause) {
        super("The import stopped after line " + lastLineRead + " because a batch could not be written", cause);
        this.report = report;
        this.lastLineRead = lastLineRead;
    }

    ImportReport report() {
        return report;
    }

    long lastLineRead() {
        return lastLineRead;
    }
}
