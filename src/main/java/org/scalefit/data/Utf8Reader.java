package org.scalefit.data;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * A strict UTF-8 reader that drops a leading byte-order mark and, on the first invalid byte,
 * remembers its byte offset and line so that the message can point at it. Lines are counted by
 * {@code \n}; the byte offset counts from the start of the stream, BOM included.
 */
final class Utf8Reader extends Reader {
    private static final int FIRST_BUFFER = 1 << 10;
    private static final int MAX_BUFFER = 1 << 16;

    private final InputStream in;
    private final CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    private ByteBuffer bytes = ByteBuffer.allocate(FIRST_BUFFER).flip();
    private int fullReads;
    private long base;
    private long newlines;
    private boolean eof;
    private boolean done;
    private boolean started;
    private String error;

    Utf8Reader(InputStream in) {
        this.in = in;
    }

    /**
     * @param source the file name for the message
     * @return the message for the invalid byte met, or null if there was none
     */
    String error(String source) {
        return error == null ? null : source + " must be UTF-8 but is not: " + error + "; save it as UTF-8";
    }

    @Override
    public int read(char[] buf, int off, int len) throws IOException {
        if (error != null) {
            throw new IOException("invalid UTF-8");
        }
        if (len == 0) {
            return 0;
        }
        if (done) {
            return -1;
        }
        CharBuffer out = CharBuffer.wrap(buf, off, len);
        while (true) {
            CoderResult result = decoder.decode(bytes, out, eof);
            if (result.isError()) {
                int at = bytes.position();
                long lines = newlines + count(buf, off, out.position());
                error = String.format(Locale.ROOT, "invalid byte 0x%02X on line %d (byte offset %d)",
                        bytes.get(at) & 0xFF, lines + 1, base + at);
                throw new IOException("invalid UTF-8");
            }
            if (out.position() > off) {
                break;
            }
            if (result.isOverflow()) {
                break;
            }
            if (eof) {
                decoder.flush(out);
                done = true;
                break;
            }
            fill();
        }
        int n = out.position() - off;
        if (n == 0) {
            return -1;
        }
        if (!started) {
            started = true;
            if (buf[off] == '\uFEFF') {
                System.arraycopy(buf, off + 1, buf, off, n - 1);
                n--;
                if (n == 0) {
                    return read(buf, off, len);
                }
            }
        }
        newlines += count(buf, off, off + n);
        return n;
    }

    private void fill() throws IOException {
        base += bytes.position();
        bytes.compact();
        if (fullReads >= 2 && bytes.capacity() < MAX_BUFFER) {
            ByteBuffer bigger = ByteBuffer.allocate(bytes.capacity() * 4);
            bytes.flip();
            bigger.put(bytes);
            bytes = bigger;
            fullReads = 0;
        }
        int space = bytes.remaining();
        int read = in.read(bytes.array(), bytes.position(), space);
        if (read == space) {
            fullReads++;
        }
        if (read < 0) {
            eof = true;
        } else {
            bytes.position(bytes.position() + read);
        }
        bytes.flip();
    }

    private static long count(char[] buf, int from, int to) {
        long n = 0;
        for (int i = from; i < to; i++) {
            if (buf[i] == '\n') {
                n++;
            }
        }
        return n;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
