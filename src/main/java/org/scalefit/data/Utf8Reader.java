package org.scalefit.data;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.util.Locale;

/**
 * A strict UTF-8 reader that drops a leading byte-order mark and, on the first invalid byte,
 * remembers its byte offset and line so that the message can point at it. Lines are counted by
 * {@code \n}; the byte offset counts from the start of the stream, BOM included.
 *
 * <p>It decodes by hand rather than through a {@code CharsetDecoder}: ASCII, nearly all of a data file, is
 * copied a byte at a time in the same loop that counts lines, where the decoder's several passes (and a
 * second one to count lines) took a quarter of the time of reading a large CSV. Multi-byte sequences are
 * checked as Java's decoder checks them (no overlong forms, surrogates or code points above U+10FFFF), and
 * an invalid sequence is reported at its first byte, as the decoder reports it.
 */
final class Utf8Reader extends Reader {
    private static final int FIRST_BUFFER = 1 << 10;
    private static final int MAX_BUFFER = 1 << 16;

    private final InputStream in;
    private byte[] bytes = new byte[FIRST_BUFFER];
    /** Undecoded bytes are {@code bytes[pos, limit)}; {@code base} is the stream offset of {@code bytes[0]}. */
    private int pos;
    private int limit;
    private int fullReads;
    private long base;
    private long newlines;
    private boolean eof;
    private boolean started;
    private String error;
    /** The low surrogate of a character whose high surrogate filled the caller's last slot, or 0. */
    private char pendingLow;

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
        if (pendingLow != 0) {
            buf[off] = pendingLow;
            pendingLow = 0;
            return 1;
        }
        while (true) {
            if (!started && (limit - pos >= 3 || eof)) {
                started = true;
                if (limit - pos >= 3 && bytes[pos] == (byte) 0xEF && bytes[pos + 1] == (byte) 0xBB && bytes[pos + 2] == (byte) 0xBF) {
                    pos += 3;
                }
            }
            if (started) {
                int n = decode(buf, off, len);
                if (n > 0) {
                    return n;
                }
                if (eof) {
                    if (pos < limit) {
                        throw invalid(pos);
                    }
                    return -1;
                }
            }
            fill();
        }
    }

    /** Decodes whole characters into buf; stops at the end of the bytes, of buf, or before an incomplete sequence. */
    private int decode(char[] buf, int off, int len) throws IOException {
        byte[] b = bytes;
        int p = pos;
        int j = off;
        int end = off + len;
        long lines = newlines;
        int stop = limit;
        while (j < end && p < stop) {
            // A run of ASCII bytes, one bound for both arrays (the common case: a plain numeric file is all ASCII).
            int asciiEnd = p + Math.min(end - j, stop - p);
            int c = 0;
            while (p < asciiEnd && (c = b[p]) >= 0) {
                buf[j++] = (char) c;
                if (c == '\n') {
                    lines++;
                }
                p++;
            }
            if (p == asciiEnd) {
                continue;
            }
            int lead = c & 0xFF;
            int need = lead >= 0xC2 && lead <= 0xDF ? 2 : lead >= 0xE0 && lead <= 0xEF ? 3 : lead >= 0xF0 && lead <= 0xF4 ? 4 : 0;
            if (need == 0) {
                newlines = lines;
                throw invalid(p);
            }
            if (p + need > limit) {
                if (!eof) {
                    break;
                }
                // Incomplete at the end: invalid unless what there is already breaks the rules.
            }
            int avail = Math.min(need, limit - p);
            int lo = 0x80;
            int hi = 0xBF;
            if (lead == 0xE0) {
                lo = 0xA0;
            } else if (lead == 0xED) {
                hi = 0x9F;
            } else if (lead == 0xF0) {
                lo = 0x90;
            } else if (lead == 0xF4) {
                hi = 0x8F;
            }
            int cp = lead & (need == 2 ? 0x1F : need == 3 ? 0x0F : 0x07);
            for (int k = 1; k < avail; k++) {
                int cont = b[p + k] & 0xFF;
                if (cont < (k == 1 ? lo : 0x80) || cont > (k == 1 ? hi : 0xBF)) {
                    newlines = lines;
                    throw invalid(p);
                }
                cp = cp << 6 | (cont & 0x3F);
            }
            if (avail < need) {
                newlines = lines;
                throw invalid(p);
            }
            if (cp >= 0x10000) {
                buf[j++] = Character.highSurrogate(cp);
                if (j == end) {
                    pendingLow = Character.lowSurrogate(cp);
                    p += need;
                    break;
                }
                buf[j++] = Character.lowSurrogate(cp);
            } else {
                buf[j++] = (char) cp;
            }
            p += need;
        }
        pos = p;
        newlines = lines;
        return j - off;
    }

    private IOException invalid(int at) {
        error = String.format(Locale.ROOT, "invalid byte 0x%02X on line %d (byte offset %d)", bytes[at] & 0xFF,
                newlines + 1, base + at);
        return new IOException("invalid UTF-8");
    }

    private void fill() throws IOException {
        if (pos > 0) {
            System.arraycopy(bytes, pos, bytes, 0, limit - pos);
            base += pos;
            limit -= pos;
            pos = 0;
        }
        if (fullReads >= 2 && bytes.length < MAX_BUFFER) {
            bytes = java.util.Arrays.copyOf(bytes, bytes.length * 4);
            fullReads = 0;
        }
        int space = bytes.length - limit;
        int read = in.read(bytes, limit, space);
        if (read == space) {
            fullReads++;
        }
        if (read < 0) {
            eof = true;
        } else {
            limit += read;
        }
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
