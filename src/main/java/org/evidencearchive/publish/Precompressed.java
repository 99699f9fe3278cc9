package org.evidencearchive.publish;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.zip.Deflater;
import java.util.zip.GZIPOutputStream;

/**
 * Precompressed copies for servers that send a file's {@code .gz} twin to clients that accept gzip (nginx's
 * {@code gzip_static}, the {@code .htaccess} rules). Pages, archived texts, data exports, feeds, styles and
 * scripts always have one, so that a page rewritten by {@code archive serve} never keeps a stale twin; search
 * index files have one from {@link #SEARCH_MIN} bytes (the index is always published whole, and a whole publish
 * removes every file it was not given); the "cite this" downloads (a few hundred bytes) have none. The gzip stream
 * is deterministic: the JDK writes no file name and a zero modification time in its header.
 */
public final class Precompressed {
    /** The extension of a gzip twin. */
    public static final String GZ = ".gz";

    private Precompressed() {}

    /** Where a file goes: its path and bytes (a publish transaction, a map of files). */
    @FunctionalInterface
    public interface Sink {
        /** Takes one file. */
        void put(String path, byte[] bytes) throws IOException;
    }

    /** The size from which a search index file gets a twin: below it, a response fits a few packets anyway. */
    public static final int SEARCH_MIN = 1024;

    /** Returns whether files of this path may have a gzip twin: text files, not the downloads, not twins themselves. */
    public static boolean compressible(String path) {
        if (path.endsWith(GZ)) return false;
        String name = path.substring(path.lastIndexOf('/') + 1);
        if (name.startsWith("cite.")) return false;
        ContentTypes.Type t = ContentTypes.of(name);
        return t != null && (t.utf8() || t.mediaType().endsWith("json") || t.mediaType().endsWith("+xml"));
    }

    /** Returns whether a file of this path and size is published with a gzip twin. */
    public static boolean compressed(String path, int size) {
        return compressible(path) && (!path.startsWith("search/") || path.endsWith(".html") || size >= SEARCH_MIN);
    }

    /** Gives a file to the sink, and its gzip twin when it has one. */
    public static void put(Sink sink, String path, byte[] bytes) throws IOException {
        sink.put(path, bytes);
        if (compressed(path, bytes.length)) sink.put(path + GZ, gzip(bytes));
    }

    /** Adds the gzip twin of every file of the map that has one. */
    public static void addTwins(Map<String, byte[]> files) {
        Map<String, byte[]> twins = new java.util.concurrent.ConcurrentHashMap<>();
        files.entrySet().parallelStream().filter(e -> compressed(e.getKey(), e.getValue().length))
                .forEach(e -> twins.put(e.getKey() + GZ, gzip(e.getValue())));
        files.putAll(twins);
    }

    /** Returns the path of the file a twin is the gzip of ({@code a.json.gz} → {@code a.json}), or the path itself. */
    public static String original(String path) {
        return path.endsWith(GZ) ? path.substring(0, path.length() - GZ.length()) : path;
    }

    /** Returns the paths with the twin of each that has one: what removing those files must remove. */
    public static List<String> withTwins(Collection<String> paths) {
        List<String> out = new ArrayList<>(paths);
        for (String p : paths) if (compressible(p)) out.add(p + GZ);
        return out;
    }

    /** Returns the bytes gzipped at the best compression (files are compressed once and served many times). */
    public static byte[] gzip(byte[] bytes) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(bytes.length / 3 + 64);
        try (GZIPOutputStream gz = new GZIPOutputStream(out, 8192) {
            {
                def.setLevel(Deflater.BEST_COMPRESSION);
            }
        }) {
            gz.write(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a byte array stream does not fail
        }
        return out.toByteArray();
    }
}
