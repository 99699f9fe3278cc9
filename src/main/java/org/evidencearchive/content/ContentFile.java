package org.evidencearchive.content;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Optional;

import org.evidencearchive.check.Diagnostics;

/**
 * A content file split into its YAML front matter and its Markdown body.
 *
 * @param display     the path as shown to the editor
 * @param frontMatter the YAML between the two {@code ---} lines
 * @param body        the Markdown after the closing line
 */
public record ContentFile(Path path, String display, String frontMatter, Body body) {

    /**
     * Decodes UTF-8 strictly; reports a file that is not UTF-8 at the line and column of its first bad byte
     * (found in one pass) and returns empty.
     */
    public static Optional<String> decode(byte[] bytes, String display, Diagnostics diagnostics) {
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length);
        CoderResult r = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT)
                .decode(in, out, true);
        if (!r.isError()) return Optional.of(out.flip().toString());
        int bad = in.position(); // the decoder stops at the first byte of the malformed sequence
        int line = 1;
        int column = 1;
        for (int i = 0; i < bad; i++) {
            if (bytes[i] == '\n') {
                line++;
                column = 1;
            } else if ((bytes[i] & 0xC0) != 0x80) {
                column++; // one per character: continuation bytes do not start one
            }
        }
        diagnostics.error(display, line, column, "file is not valid UTF-8 (byte " + bad + ")",
                "save the file as UTF-8 in your editor");
        return Optional.empty();
    }

    /** Splits text into front matter and body; reports a missing or unclosed front matter and returns empty. */
    public static Optional<ContentFile> split(Path path, String display, String text, Diagnostics diagnostics) {
        if (text.startsWith("\uFEFF")) text = text.substring(1);
        text = text.replace("\r\n", "\n");
        if (text.isBlank()) {
            diagnostics.error(display, 1, "file is empty",
                    "start the file with front matter between two '---' lines (see content/README.md)");
            return Optional.empty();
        }
        String[] lines = text.split("\n", -1);
        if (!lines[0].strip().equals("---")) {
            diagnostics.error(display, 1, "missing front matter: the first line must be '---'",
                    "start the file with '---', the YAML fields, then another '---'");
            return Optional.empty();
        }
        for (int i = 1; i < lines.length; i++) {
            if (lines[i].strip().equals("---")) {
                String yaml = String.join("\n", java.util.Arrays.copyOfRange(lines, 1, i));
                String body = String.join("\n", java.util.Arrays.copyOfRange(lines, i + 1, lines.length));
                return Optional.of(new ContentFile(path, display, yaml, new Body(body, new Origin(display, i + 2))));
            }
        }
        diagnostics.error(display, 1, "front matter is not closed: no second '---' line",
                "add a line '---' after the last front-matter field");
        return Optional.empty();
    }
}
