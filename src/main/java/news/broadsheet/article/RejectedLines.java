package news.broadsheet.article;

import news.broadsheet.web.problem.Problems;

import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;

/**
 * The lines one import refused, whether its reader refused them or a writer did: every one counted, the
 * {@value ImportReport#MAX_LISTED} with the lowest line numbers kept with their problems, so the report stays small
 * however many lines a file gets wrong.
 */
final class RejectedLines {

    /** The kept lines, the highest line number on top, to be dropped first for a lower one. */
    private final PriorityQueue<ImportReport.RejectedLine> kept =
            new PriorityQueue<>(Comparator.comparingLong(ImportReport.RejectedLine::line).reversed());
    private long count;

    /** Counts a refused line; its problem is described only when the line is kept. */
    synchronized void add(long line, Throwable refusal) {
        count++;
        if (kept.size() == ImportReport.MAX_LISTED) {
            if (line > kept.peek().line()) {
                return;
            }
            kept.poll();
        }
        kept.add(new ImportReport.RejectedLine(line, Problems.of(refusal, null).problem()));
    }

    synchronized long count() {
        return count;
    }

    /** The kept lines in file order. */
    synchronized List<ImportReport.RejectedLine> listed() {
        return kept.stream().sorted(Comparator.comparingLong(ImportReport.RejectedLine::line)).toList();
    }
}
