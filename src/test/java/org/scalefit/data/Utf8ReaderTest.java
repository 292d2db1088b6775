package org.scalefit.data;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * {@link Utf8Reader}'s hand-written decoder against Java's strict UTF-8 decoder on random byte strings (ASCII,
 * valid 2-, 3- and 4-byte characters, and every kind of invalid byte: stray continuations, overlong forms,
 * surrogates, code points above U+10FFFF, sequences cut short), read in random slices of 1 to 9 characters: the
 * same text, or an error at the same byte offset and line.
 */
class Utf8ReaderTest {
    private static final String[] PIECES = {"a", "1", ",", "\n", "\r\n", " ", "é", "€", "𝄞", "中"};
    private static final byte[][] BAD = {{(byte) 0x80}, {(byte) 0xC0, (byte) 0x80}, {(byte) 0xC3}, {(byte) 0xE0, (byte) 0x80, (byte) 0x80},
        {(byte) 0xED, (byte) 0xA0, (byte) 0x80}, {(byte) 0xF4, (byte) 0x90, (byte) 0x80, (byte) 0x80}, {(byte) 0xF5},
        {(byte) 0xFF}, {(byte) 0xE2, (byte) 0x82}, {(byte) 0xF0, (byte) 0x9D, (byte) 0x84}};

    @Test
    void decodesAndFailsExactlyAsJavasDecoder() {
        SplittableRandom rng = new SplittableRandom(8);
        int failures = 0;
        for (int c = 0; c < 20_000; c++) {
            java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
            if (rng.nextInt(10) == 0) {
                out.writeBytes(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
            }
            int n = rng.nextInt(30);
            for (int i = 0; i < n; i++) {
                if (rng.nextInt(40) == 0) {
                    out.writeBytes(BAD[rng.nextInt(BAD.length)]);
                } else {
                    out.writeBytes(PIECES[rng.nextInt(PIECES.length)].getBytes(StandardCharsets.UTF_8));
                }
            }
            byte[] bytes = out.toByteArray();
            String expected = reference(bytes);
            String actual = ours(bytes, rng);
            assertEquals(expected, actual, () -> java.util.HexFormat.ofDelimiter(" ").formatHex(bytes));
            failures += expected.startsWith("error") ? 1 : 0;
        }
        assertEquals(true, failures > 2000 && failures < 18_000, "cases with an error: " + failures);
    }

    /** Long ASCII runs (the decoder's fast loop) across its buffer refills, broken by characters of 2 to 4 bytes or a bad byte. */
    @Test
    void longAsciiRunsAcrossBufferRefills() {
        SplittableRandom rng = new SplittableRandom(16);
        for (int c = 0; c < 80; c++) {
            java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
            int pieces = 1 + rng.nextInt(4);
            for (int p = 0; p < pieces; p++) {
                int run = rng.nextInt(40_000);
                for (int i = 0; i < run; i++) {
                    out.write(rng.nextInt(12) == 0 ? '\n' : '0' + rng.nextInt(10));
                }
                int k = rng.nextInt(12);
                out.writeBytes(k < 8 ? PIECES[6 + k % 4].getBytes(StandardCharsets.UTF_8) : BAD[rng.nextInt(BAD.length)]);
            }
            byte[] bytes = out.toByteArray();
            assertEquals(reference(bytes), ours(bytes, rng), "case " + c);
        }
    }

    private static String reference(byte[] bytes) {
        CharsetDecoder d = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length + 2);
        CoderResult r = d.decode(in, out, true);
        if (r.isError()) {
            int at = in.position();
            long lines = 1;
            for (int i = 0; i < at; i++) {
                lines += bytes[i] == '\n' ? 1 : 0;
            }
            return String.format("error at byte 0x%02X offset %d line %d", bytes[at] & 0xFF, at, lines);
        }
        String s = out.flip().toString();
        return s.startsWith("\uFEFF") ? s.substring(1) : s;
    }

    private static String ours(byte[] bytes, SplittableRandom rng) {
        Utf8Reader r = new Utf8Reader(new ByteArrayInputStream(bytes));
        StringBuilder sb = new StringBuilder();
        char[] buf = new char[16];
        try {
            for (int n = r.read(buf, 0, 1 + rng.nextInt(9)); n >= 0; n = r.read(buf, 0, 1 + rng.nextInt(9))) {
                sb.append(buf, 0, n);
            }
        } catch (IOException e) {
            String m = r.error("f");
            // "f must be UTF-8 but is not: invalid byte 0xE9 on line 3 (byte offset 11); save it as UTF-8"
            java.util.regex.Matcher x = java.util.regex.Pattern.compile("invalid byte (0x..) on line (\\d+) \\(byte offset (\\d+)\\)").matcher(m);
            x.find();
            return "error at byte " + x.group(1) + " offset " + x.group(3) + " line " + x.group(2);
        }
        return sb.toString();
    }
}
