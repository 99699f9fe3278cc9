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
        files.putAll(globalExtras(l));
        Set<String> pages = new java.util.TreeSet<>();
        for (PageSpec p : pageSpecs) pages.add(p.path());
        Redirects.add(l.archive().items(), pages, Set.of(), files, l.site(), l.diagnostics());
        return files;
    }

    /** The files of some items: a source's archived text (empty unless {@code withContent}), and the "cite this" downloads. */
    Map<String, byte[]> itemExtras(Builder.Linked l, List<Item> items, boolean withContent) {
        Map<String, byte[]> files = new TreeMap<>();
        try {
            for (Item i : items) {
                if (i instanceof Source s) {
                    files.put(Urls.of(s).substring(1) + "text.txt", withContent ? archivedBytes(s) : new byte[0]);
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

    /** The files made from the whole archive: data exports. */
    Map<String, byte[]> globalExtras(Builder.Linked l) {
        Map<String, byte[]> files = new TreeMap<>();
        files.putAll(CitationExport.files(l.archive(), l.site().baseUrl()));
        files.put("data/sources.csl.json", l.factory().sourcesCsl());
        files.put("data/fixity.json", FixityExport.json(l.archive().sources(), l.site().baseUrl()));
        files.put("data/archive.json", ArchiveExport.json(l.archive(), l.site().baseUrl(), l.site().title()));
        try {
            Path schema = Builder.schema(project);
            if (Files.isRegularFile(schema)) files.put("data/archive.schema.json", Files.readAllBytes(schema));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return files;
    }

    private Map<String, byte[]> assets(boolean withContent) throws IOException {
        Map<String, byte[]> out = new TreeMap<>();
        if (!Files.isDirectory(project.assets())) return out;
        try (Stream<Path> s = Files.walk(project.assets())) {
            for (Path p : s.filter(Files::isRegularFile).sorted().toList()) {
                String rel = project.assets().relativize(p).toString().replace('\\', '/');
                if (!rel.startsWith(".")) out.put(rel, withContent ? Files.readAllBytes(p) : new byte[0]);
            }
        }
        return out;
    }
}
