package org.evidencearchive.publish;

import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.SequencedMap;
import java.util.SortedMap;
import java.util.TreeMap;

import org.evidencearchive.config.SiteConfig;
import org.evidencearchive.content.Source;
import org.evidencearchive.graph.Urls;

/**
 * What a web server must do for the site, made once per build and written for each kind of host by
 * {@link HostConfigs} ({@code _headers} and {@code _redirects}, nginx, Apache): the redirects of moved items
 * (HTTP 301, each to the same kind of resource), the security headers, the caching of each kind of file, the
 * link from an archived source's page to the original it archives, the headers of particular files (Memento's,
 * for the archived texts and their versions, and the types of the files no extension names), and the redirects
 * from the hosts the site has moved from.
 *
 * @param redirects old site path → the path it moved to (from the items' aliases)
 * @param originals the file serving a source's page (e.g. {@code sources/x/index.html}) → the original URL it
 *                  archives, for {@code Link: <…>; rel="original"}; the archived text's own Memento links (its
 *                  TimeMap, whose original is the text's time-generic URL) are in {@code paths}
 * @param paths     site path → the headers of that file, after those of every path: the {@code Link} and
 *                  {@code Memento-Datetime} of each archived text and version (RFC 7089, {@code export.MementoExport}),
 *                  a {@code Content-Type} (TimeMaps, the WARC and WACZ exports), a {@code Cache-Control} (a version,
 *                  whose URL names its checksum, never changes)
 * @param baseUrl   where the site is published (no trailing slash)
 * @param movedFrom base URLs the site was published at before (each host answers with a 301 to {@code baseUrl})
 */
public record HostRules(SortedMap<String, String> redirects, SortedMap<String, String> originals,
                        SequencedMap<String, SequencedMap<String, String>> paths, String baseUrl, List<String> movedFrom) {

    /** How long clients may keep a kind of file: the first rule whose prefix a path starts with applies. */
    public record Cache(String prefix, String value) {}

    /**
     * Caching by kind. Pages, texts, downloads and data: five minutes, so a correction reaches readers soon.
     * Search index files, styles and scripts keep their names from build to build (no content hash in them
     * yet), and a client mixing a new manifest with old shards, or new and old scripts, would go wrong: they are
     * revalidated on each use ({@code no-cache}: the server answers 304 while they are unchanged). Only a file
     * whose name changes with its content could be kept longer.
     */
    public static final List<Cache> CACHE = List.of(
            new Cache("/search/", "no-cache"),
            new Cache("/css/", "no-cache"),
            new Cache("/js/", "no-cache"),
            new Cache("/", "public, max-age=300"));

    /** The files of the site that are instructions to hosts, never served: each host's configuration and the build's marker. */
    public static final List<String> HOST_ONLY = List.of("_headers", "_redirects", HostConfigs.NGINX, ".htaccess", SiteWriter.MARKER);

    /** Makes the rules of a build from its redirects, sources and the headers of particular paths. */
    public static HostRules of(SortedMap<String, String> redirects, Iterable<Source> sources,
                               SequencedMap<String, ? extends SequencedMap<String, String>> paths, String baseUrl, List<String> movedFrom) {
        SortedMap<String, String> originals = new TreeMap<>();
        for (Source s : sources) {
            if (s.url() != null) originals.put(Urls.of(s).substring(1) + "index.html", headerSafe(s.url()));
        }
        SequencedMap<String, SequencedMap<String, String>> own = new LinkedHashMap<>();
        paths.forEach((path, headers) -> own.put(path, Collections.unmodifiableSequencedMap(new LinkedHashMap<>(headers))));
        return new HostRules(Collections.unmodifiableSortedMap(redirects), Collections.unmodifiableSortedMap(originals),
                Collections.unmodifiableSequencedMap(own), baseUrl, List.copyOf(movedFrom));
    }

    /** Returns the {@code Cache-Control} value of a site path: its own (in {@link #paths()}), or that of its kind. */
    public String cacheOf(String path) {
        SequencedMap<String, String> own = paths.get(path);
        return own != null && own.containsKey("Cache-Control") ? own.get("Cache-Control") : cache(path);
    }

    /** Returns the {@code Cache-Control} value of a site path. */
    public static String cache(String path) {
        for (Cache c : CACHE) if (path.startsWith(c.prefix())) return c.value();
        return CACHE.getLast().value();
    }

    /** Returns the headers every response carries (those of {@link SecurityHeaders}), in their order. */
    public SequencedMap<String, String> headers() {
        return SecurityHeaders.HEADERS;
    }

    /** Returns the Memento link header value for an original URL. */
    public static String originalLink(String url) {
        return "<" + url + ">; rel=\"original\"";
    }

    /** Returns each old host with the base URL it redirects to, in order. */
    public SequencedMap<String, String> oldHosts() {
        SequencedMap<String, String> out = new LinkedHashMap<>();
        for (String old : movedFrom) out.putIfAbsent(SiteConfig.hostOf(old), baseUrl);
        return out;
    }

    /**
     * Returns a URL as it may stand in a header and in every host's configuration: each byte outside the
     * characters URLs use unescaped (and {@code $}, {@code "}, {@code \}, braces, which configurations read) is
     * percent-encoded, as a browser does with an IRI.
     */
    static String headerSafe(String url) {
        StringBuilder out = new StringBuilder();
        for (byte b : url.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if (c > 0x20 && c < 0x7f && "$\"\\{}<>`^| ".indexOf(c) < 0) out.append((char) c);
            else out.append('%').append(String.format("%02X", c));
        }
        return out.toString();
    }
}
