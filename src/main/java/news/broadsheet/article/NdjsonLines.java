package news.broadsheet.article;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;

/** Reads NDJSON one line at a time from a stream, never holding more than one line (of bounded length). */
final class NdjsonLines {

    /** One line as read: its number (from 1), its bytes, or null when it was longer than the limit. */
    record Line(long number, byte[] bytes) {
        boolean tooLong() {
            return bytes == null;
        }
    }

    private final InputStream in;
    private final int maxLineBytes;
    private final byte[] buffer = new byte[64 * 1024];
    private int position;
    private int limit;
    private long lineNumber;

    NdjsonLines(InputStream in, int maxLineBytes) {
        this.in = in;
        this.maxLineBytes = maxLineBytes;
    }

    /** The next line, or null at the end of the stream. */
    Line next() throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream(2048);
        boolean overflow = false;
        boolean readAnything = false;
        while (true) {
            if (position == limit) {
                limit = in.read(buffer);
                position = 0;
                if (limit <= 0) {
                    limit = 0;
                    if (!readAnything) {
                        return null;
                    }
                    break;
                }
            }
            readAnything = true;
            int start = position;
            while (position < limit && buffer[position] != '\n') {
                position++;
            }
            if (!overflow) {
                line.write(buffer, start, position - start);
                if (line.size() > maxLineBytes) {
                    overflow = true;
                    line.reset();
                }
            }
            if (position < limit) {
                position++; // the newline
                break;
            }
        }
        lineNumber++;
        if (overflow) {
            return new Line(lineNumber, null);
        }
        byte[] bytes = line.toByteArray();
        int length = bytes.length;
        if (length > 0 && bytes[length - 1] == '\r') {
            bytes = java.util.Arrays.copyOf(bytes, length - 1);
        }
        return new Line(lineNumber, bytes);
    }
}
