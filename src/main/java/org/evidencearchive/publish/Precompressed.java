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
 * {@code gzip_static}, the {@code .htaccess} rules): styles and scripts, the search index files from
 * {@link #SEARCH_MIN} bytes, and the other text files (pages, archived texts, data exports, feeds, the search's
 * result fragments) from {@link #LARGE} bytes. A
 * smaller file is compressed by the server as it sends it (the nginx and Apache configurations turn that on; static
 * hosts do it anyway): a twin of every file doubled the files a host stores and uploads (a 1,000-source site had
 * 14,560 twins, 4,754 of them claim, commentary and people pages of 5 to 20 kB). The "cite this" downloads (a few
 * hundred bytes) have none. A file that shrinks below the threshold loses its twin: a whole publish removes every
 * file it was not given, and a patch is told of the twin that must go ({@link Sink#absent}). The gzip stream is
 * deterministic: the JDK writes no file name and a zero modification time in its header.
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

        /** Hears that a file of this path is not published (a twin of a file now below its threshold). */
        default void absent(String path) throws IOException {}
    }

    /**
     * The size from which a file of the search index proper gets a twin (manifest, dictionary shards, posting tiers,
     * figures, filters: a query reads several, so each is sent at its smallest); below it, a response fits a few
     * packets anyway. The result fragments ({@code search/docs/}: a result's title and passages, one file per
     * document chunk, two thirds of the twins at 10,000 sources) follow {@link #LARGE}, as pages do.
     */
    public static final int SEARCH_MIN = 1024;

    /**
     * The size from which any other text file gets a twin: the source pages, topic and figure pages, archived
     * texts and data exports; most claim, commentary and people pages are smaller, and are compressed as they are
     * sent.
     */
    public static final int LARGE = 16 * 1024;

    /** Returns whether files of this path may have a gzip twin: text files, not the downloads, not twins themselves. */
    public static boolean compressible(String path) {
        if (path.endsWith(GZ)) return false;
        String name = path.substring(path.lastIndexOf('/') + 1);
        if (name.startsWith("cite.")) return false;
        ContentTypes.Type t = ContentTypes.of(name);
        return t != null && compressible(t);
    }

    /** Whether files of this type are worth compressing: text, JSON and XML. */
    static boolean compressible(ContentTypes.Type t) {
        return t.utf8() || t.mediaType().endsWith("json") || t.mediaType().endsWith("+xml");
    }

    /** The media types the servers compress as they send them (the files below a twin's threshold), in a stable order. */
    public static java.util.SequencedSet<String> compressibleTypes() {
        java.util.SequencedSet<String> types = new java.util.LinkedHashSet<>();
        for (ContentTypes.Type t : ContentTypes.TYPES) if (compressible(t)) types.add(t.mediaType());
        return types;
    }

    /** Returns whether a file of this path and size is published with a gzip twin. */
    public static boolean compressed(String path, int size) {
        if (!compressible(path)) return false;
        if (path.endsWith(".css") || path.endsWith(".js")) return true; // few, and every page fetches them
        return size >= (path.startsWith("search/") && !path.startsWith("search/docs/") ? SEARCH_MIN : LARGE);
    }

    /** Gives a file to the sink, and its gzip twin when it has one (else tells the sink the twin is absent). */
    public static void put(Sink sink, String path, byte[] bytes) throws IOException {
        sink.put(path, bytes);
        if (compressed(path, bytes.length)) sink.put(path + GZ, gzip(bytes));
        else if (compressible(path)) sink.absent(path + GZ);
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
