package org.evidencearchive.pipeline;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;

import org.evidencearchive.content.ContentParser;
import org.evidencearchive.content.Item;
import org.evidencearchive.content.Source;
import org.evidencearchive.export.ArchiveExport;
import org.evidencearchive.export.CitationExport;
import org.evidencearchive.export.FixityExport;
import org.evidencearchive.export.Licensing;
import org.evidencearchive.export.MementoExport;
import org.evidencearchive.export.TextVersions;
import org.evidencearchive.export.WaczExport;
import org.evidencearchive.export.WarcExport;
import org.evidencearchive.graph.Urls;
import org.evidencearchive.publish.Redirects;
import org.evidencearchive.render.PageSpec;

/**
 * The files a build writes beside the rendered pages: assets, archived texts, "cite this" downloads, data
 * exports, and redirects with each host's configuration.
 */
final class SiteFiles {
    private final Project project;

    SiteFiles(Project project) {
        this.project = project;
    }

    /** Files beside the rendered pages: assets, archived texts, downloads, data exports and redirects. */
    Map<String, byte[]> extras(Builder.Linked l, boolean withContent, List<PageSpec> pageSpecs) {
        Map<String, byte[]> files = new TreeMap<>();
        try {
            files.putAll(assets(withContent));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        files.putAll(itemExtras(l, l.archive().items(), withContent));
        files.putAll(globalExtras(l, withContent));
        Set<String> pages = new java.util.TreeSet<>();
        for (PageSpec p : pageSpecs) pages.add(p.path());
        Redirects.add(l.archive().items(), pages, Set.of(), files, l.site(), pathHeaders(l), l.diagnostics());
        return files;
    }

    /** The files of some items: a source's archived text (empty unless {@code withContent}), and the "cite this" downloads. */
    Map<String, byte[]> itemExtras(Builder.Linked l, List<Item> items, boolean withContent) {
        Map<String, byte[]> files = new TreeMap<>();
        try {
            for (Item i : items) {
                if (i instanceof Source s) {
                    byte[] current = withContent ? archivedBytes(s) : new byte[0];
                    files.put(Urls.of(s).substring(1) + "text.txt", current);
                    TextVersions versions = l.factory().versions(s);
                    for (TextVersions.Version v : versions.versions()) {
                        files.put(v.url().substring(1), v == versions.current() || !withContent ? current : versionBytes(v));
                    }
                    files.put(TextVersions.timeMap(s).substring(1), MementoExport.timeMap(versions, l.site().baseUrl()));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        files.putAll(l.factory().citationFiles(items));
        return files;
    }

    /**
     * A source's archived text as parsed: read again to publish, and refused unless it still has the checksum it
     * had when parsed (a file swapped for another, or a link, between parsing and publishing is never published).
     */
    private static byte[] archivedBytes(Source s) throws IOException {
        byte[] bytes = Files.readAllBytes(s.textFile());
        if (!org.evidencearchive.content.ContentParser.sha256(bytes).equals(s.sha256())) {
            throw new IOException(s.textFile().getFileName() + " changed while the site was being built; build again");
        }
        return bytes;
    }

    /**
     * One version of an archived text, read to publish and refused unless it has the checksum it is recorded with
     * (the current text's, or the {@code previous_sha256} of the correction that replaced it).
     */
    private static byte[] versionBytes(TextVersions.Version v) throws IOException {
        byte[] bytes = Files.readAllBytes(v.file());
        if (!ContentParser.sha256(bytes).equals(v.sha256())) {
            throw new IOException(v.file().getFileName() + " changed while the site was being built; build again");
        }
        return bytes;
    }

    /** The files made from the whole archive: data exports, robots.txt and the WARC and WACZ exports. */
    Map<String, byte[]> globalExtras(Builder.Linked l) {
        return globalExtras(l, true);
    }

    /** The files made from the whole archive; without content (for check) the WARC export is left empty. */
    private Map<String, byte[]> globalExtras(Builder.Linked l, boolean withContent) {
        Map<String, byte[]> files = new TreeMap<>();
        Licensing licensing = Licensing.of(l.site());
        files.putAll(CitationExport.files(l.archive(), l.site().baseUrl(), licensing, l.factory().identifiers()));
        files.put("data/sources.csl.json", l.factory().sourcesCsl());
        List<TextVersions> versions = l.archive().sources().stream().map(l.factory()::versions).toList();
        files.put("robots.txt", robots(l.site().baseUrl()));
        if (!withContent) { // check: only the paths
            files.put(WarcExport.PATH, new byte[0]);
            files.put(WaczExport.PATH, new byte[0]);
        } else {
            try {
                java.time.Instant date = java.time.OffsetDateTime.parse(l.factory().siteVersion().feedDate()).toInstant();
                WarcExport.Warc warc = WarcExport.write(versions, l.site().baseUrl(), l.site().title(), date, SiteFiles::versionBytes);
                files.put(WarcExport.PATH, warc.bytes());
                files.put(WaczExport.PATH, WaczExport.wacz(warc, l.site().title(), date));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        files.put("data/fixity.json", FixityExport.json(l.archive().sources(), l.site().baseUrl(), licensing, l.factory().identifiers()));
        files.put("data/archive.json", ArchiveExport.json(l.archive(), l.site().baseUrl(), l.site().title(), licensing, l.factory().identifiers()));
        // the format's JSON Schema (docs/schema in the tool's sources, packed in its jar), whatever folders an archive has
        try (java.io.InputStream schema = SiteFiles.class.getResourceAsStream("/schema/archive.schema.json")) {
            if (schema == null) throw new IllegalStateException("no schema/archive.schema.json in the tool's jar");
            files.put("data/archive.schema.json", schema.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return files;
    }

    /** robots.txt: every crawler may read everything; the sitemap is at the base URL. */
    static byte[] robots(String baseUrl) {
        return ("User-agent: *\nAllow: /\n\nSitemap: " + baseUrl + "/sitemap.xml\n").getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }

    /**
     * The headers of particular paths, after the security headers of every path: Memento's for the archived texts
     * and their versions (a version, whose URL names its checksum, is also cached for a year), and the media types
     * of the TimeMaps and the WARC and WACZ exports. Every host's configuration ({@code publish.HostConfigs}:
     * {@code _headers}, nginx, Apache) carries them.
     */
    static java.util.SequencedMap<String, java.util.SequencedMap<String, String>> pathHeaders(Builder.Linked l) {
        List<TextVersions> versions = l.archive().sources().stream().map(l.factory()::versions).toList();
        var headers = MementoExport.headers(versions, l.site().baseUrl());
        for (TextVersions v : versions) {
            for (TextVersions.Version version : v.versions()) {
                var h = new java.util.LinkedHashMap<>(headers.get(version.url()));
                h.put("Cache-Control", IMMUTABLE);
                headers.put(version.url(), h);
            }
        }
        headers.put("/" + WarcExport.PATH, new java.util.LinkedHashMap<>(Map.of("Content-Type", WarcExport.MEDIA_TYPE)));
        headers.put("/" + WaczExport.PATH, new java.util.LinkedHashMap<>(Map.of("Content-Type", "application/zip")));
        return headers;
    }

    /** The caching of a file that never changes at its URL. */
    static final String IMMUTABLE = "public, max-age=31536000, immutable";

    private Map<String, byte[]> assets(boolean withContent) throws IOException {
        Map<String, byte[]> out = new TreeMap<>();
        if (!Files.isDirectory(project.assets())) return out;
        try (Stream<Path> s = Files.walk(project.assets())) {
            for (Path p : s.filter(Files::isRegularFile).sorted().toList()) {
                String rel = project.assets().relativize(p).toString().replace('\\', '/');
                if (rel.startsWith(".")) continue;
                byte[] bytes = withContent ? Files.readAllBytes(p) : new byte[0];
                out.put(rel, withContent && rel.endsWith(".js") ? org.evidencearchive.publish.Scripts.compact(bytes) : bytes);
            }
        }
        return out;
    }

    /** The number of redirects in the site's {@code _redirects} (its lines that are not comments). */
    static int redirects(Map<String, byte[]> files) {
        byte[] list = files.get("_redirects");
        if (list == null) return 0;
        return (int) new String(list, java.nio.charset.StandardCharsets.UTF_8).lines()
                .filter(line -> !line.isBlank() && !line.startsWith("#")).count();
    }

    /** Hands files to a sink, in parallel. */
    static void putAll(Map<String, byte[]> files, org.evidencearchive.render.TemplateRenderer.PageSink sink) throws IOException {
        try {
            files.entrySet().parallelStream().forEach(e -> {
                try {
                    sink.accept(e.getKey(), e.getValue());
                } catch (IOException x) {
                    throw new UncheckedIOException(x);
                }
            });
        } catch (UncheckedIOException x) {
            throw x.getCause();
        }
    }
}
