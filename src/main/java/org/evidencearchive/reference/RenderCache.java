package org.evidencearchive.reference;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.evidencearchive.export.Json;

/**
 * "Cite this" kept from one build for the next: the processor's work is most of a build's CPU time spent on "cite
 * this" (a cold JVM compiles citeproc-java's code as it goes), and an item whose record did not change renders the
 * same. An entry is found by a SHA-256 of everything its HTML depends on: the item's CSL-JSON record, the style and
 * locale files, the paragraph of a pinpoint, and the code that renders (the identity the build gives: its
 * {@code Fingerprint.tool}, the jar and its libraries, with the Java version). Classes read from a folder (the tests,
 * an IDE) have no such identity, so nothing is kept then. A file that cannot be read is a cache that starts empty.
 *
 * <p>The file keeps the entries one whole build used, so entries of removed or changed items go with the next one.
 */
final class RenderCache {
    private static final String FORMAT = "evidence-archive cite-this 1";

    private final Path file;
    private final String tool;
    private final Map<String, String> before;
    private final Map<String, String> used = new ConcurrentHashMap<>();
    private final Map<String, String> prefixes = new ConcurrentHashMap<>();

    private RenderCache(Path file, String tool, Map<String, String> before) {
        this.file = file;
        this.tool = tool;
        this.before = before;
    }

    /** Returns the cache kept in a file by the code of the given identity (its entries, if the file is one of them). */
    static RenderCache open(Path file, String tool) {
        Map<String, String> before = new HashMap<>();
        if (Files.isRegularFile(file)) {
            try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file)))) {
                if (in.readUTF().equals(FORMAT) && in.readUTF().equals(tool)) {
                    int n = in.readInt();
                    for (int i = 0; i < n; i++) before.put(in.readUTF(), readLong(in));
                }
            } catch (IOException | RuntimeException e) {
                before.clear(); // damaged or of another format: rendered again
            }
        }
        return new RenderCache(file, tool, before);
    }

    /**
     * Returns the key of one rendering: a style and locale, a pinpoint's paragraph (or null), an item's record (as
     * {@link Json#compact} writes it).
     */
    String key(CitationStyles.Style style, String locale, String paragraph, String record) {
        String prefix = prefixes.computeIfAbsent(style + "\n" + locale, k -> sha256(tool + "\n" + k + "\n"
                + CitationStyles.styleXml(style) + "\n" + CitationStyles.localeXml(locale)));
        return sha256(prefix + "\n" + (paragraph == null ? "" : "paragraph " + paragraph) + "\n" + record);
    }

    /** Returns the HTML kept under a key, or null. */
    String get(String key) {
        String html = used.get(key);
        if (html == null && (html = before.get(key)) != null) used.put(key, html);
        return html;
    }

    void put(String key, String html) {
        used.put(key, html);
    }

    /** Writes the entries used since the cache was opened (replacing the file at once: a reader sees one or the other). */
    void save() throws IOException {
        if (used.keySet().equals(before.keySet())) return;
        Files.createDirectories(file.getParent());
        Path tmp = Files.createTempFile(file.getParent(), file.getFileName().toString(), ".tmp");
        try {
            try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(tmp)))) {
                out.writeUTF(FORMAT);
                out.writeUTF(tool);
                out.writeInt(used.size());
                for (Map.Entry<String, String> e : new java.util.TreeMap<>(used).entrySet()) {
                    out.writeUTF(e.getKey());
                    writeLong(out, e.getValue());
                }
            }
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /** A string of any length (writeUTF stops at 64 KB). */
    private static void writeLong(DataOutputStream out, String s) throws IOException {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        out.writeInt(b.length);
        out.write(b);
    }

    private static String readLong(DataInputStream in) throws IOException {
        int n = in.readInt();
        if (n < 0 || n > 1 << 24) throw new EOFException("entry of " + n + " bytes");
        byte[] b = in.readNBytes(n);
        if (b.length < n) throw new EOFException("entry cut short");
        return new String(b, StandardCharsets.UTF_8);
    }

    private static String sha256(String s) {
        return org.evidencearchive.content.ContentParser.sha256(s.getBytes(StandardCharsets.UTF_8));
    }
}
