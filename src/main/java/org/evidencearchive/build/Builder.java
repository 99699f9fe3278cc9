package org.evidencearchive.build;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;

import org.evidencearchive.check.Diagnostics;
import org.evidencearchive.cite.CitationExport;
import org.evidencearchive.config.SiteConfig;
import org.evidencearchive.content.ContentParser;
import org.evidencearchive.content.Corpus;
import org.evidencearchive.content.Item;
import org.evidencearchive.content.Source;
import org.evidencearchive.publish.ArchiveExport;
import org.evidencearchive.publish.FixityExport;
import org.evidencearchive.publish.GitVersion;
import org.evidencearchive.publish.Ledger;
import org.evidencearchive.publish.LinkChecker;
import org.evidencearchive.publish.Redirects;
import org.evidencearchive.publish.SecurityHeaders;
import org.evidencearchive.publish.SiteWriter;
import org.evidencearchive.render.PageFactory;
import org.evidencearchive.render.PageSpec;
import org.evidencearchive.render.TemplateRenderer;
import org.evidencearchive.search.SearchIndexer;
import org.evidencearchive.site.Archive;
import org.evidencearchive.site.Urls;

/**
 * The build pipeline: read and parse → link (resolve references and citations) → check bodies → render →
 * verify (links, URL ledger, fixity) → publish atomically. Each stage reports into one {@link Diagnostics};
 * nothing is written unless every stage succeeded.
 */
public final class Builder {
    private final Project project;

    /** Creates a builder for a project. */
    public Builder(Project project) {
        this.project = project;
    }

    /**
     * What a check or build found: the diagnostics, the graph when parsing got that far, and the URLs the
     * site publishes.
     */
    public record Result(Diagnostics diagnostics, Archive archive, int pagesWritten, Set<String> urls, Timings timings,
                         SiteWriter.Published published) {
        /** A result that published nothing. */
        public Result(Diagnostics diagnostics, Archive archive, int pagesWritten, Set<String> urls, Timings timings) {
            this(diagnostics, archive, pagesWritten, urls, timings, null);
        }

        /** Returns whether the run had no errors. */
        public boolean ok() {
            return !diagnostics.hasErrors();
        }
    }

    /** The stages up to rendering, shared by check and build. */
    private record Linked(Diagnostics diagnostics, SiteConfig site, Archive archive, PageFactory factory, Ledger ledger,
                          Timings timings) {}

    private Linked link(GitVersion version) {
        Timings timings = new Timings();
        Diagnostics d = new Diagnostics();
        Path settings = project.siteConfig().resolve("site.yaml");
        SiteConfig site = SiteConfig.read(settings, Project.display(settings), d);
        Corpus corpus = new ContentParser(project.content(), Path.of("").toAbsolutePath(), d).parse();
        timings.lap("parse");
        Archive archive = Archive.link(corpus, d);
        timings.lap("link");
        Map<Path, GitVersion> versions = version == GitVersion.UNVERSIONED ? Map.of()
                : GitVersion.ofFiles(project.root(), project.content());
        PageFactory factory = new PageFactory(archive, site, version, versions);
        factory.checkBodies(d);
        Ledger ledger;
        try {
            ledger = Ledger.read(project.siteConfig());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ledger.checkFixity(archive.sources(), d);
        timings.lap("check");
        return new Linked(d, site, archive, factory, ledger, timings);
    }

    /** Validates the whole archive, including the URL ledger, without rendering or writing anything. */
    public Result check() {
        Linked l = link(GitVersion.UNVERSIONED);
        Map<String, byte[]> planned = new TreeMap<>();
        List<PageSpec> pages = l.factory().pages();
        for (PageSpec p : pages) planned.put(p.path(), new byte[0]);
        planned.putAll(extras(l, false, pages));
        l.ledger().checkUrls(planned.keySet(), Project.display(project.siteConfig()), l.diagnostics());
        return new Result(l.diagnostics(), l.archive(), 0, Ledger.publishable(planned.keySet()), l.timings());
    }

    /**
     * Builds the site into the output folder; on any error the previous output is left untouched. Pages stream
     * through: each is rendered (its model made just before), read for the link gate, and handed to the
     * publish transaction, which writes it aside only if it changed; nothing is moved into place until every
     * check has passed.
     */
    public Result build() {
        GitVersion version = GitVersion.of(project.root(), project.content());
        Linked l = link(version);
        Diagnostics d = l.diagnostics();
        if (d.hasErrors()) return new Result(d, l.archive(), 0, Set.of(), l.timings());

        SiteWriter.Transaction tx = null;
        try {
            tx = SiteWriter.begin(project.out());
            SiteWriter.Transaction publish = tx;
            TemplateRenderer renderer = new TemplateRenderer(project.root(), project.templates(),
                    project.siteConfig().resolve("jbake.properties"), project.out(), Project.display(project.templates()));
            List<PageSpec> pages = l.factory().pages();
            Map<String, LinkChecker.Page> read = new java.util.concurrent.ConcurrentHashMap<>();
            Set<String> paths = java.util.concurrent.ConcurrentHashMap.newKeySet();
            TemplateRenderer.PageSink sink = (path, bytes) -> {
                paths.add(path);
                if (path.endsWith(".html")) read.put(path, LinkChecker.read(bytes));
                publish.put(path, bytes);
            };
            l.timings().lap("plan");
            renderer.render(pages, d, sink);
            l.timings().lap("render");
            if (d.hasErrors()) return failed(tx, d, l);
            putAll(extras(l, true, pages), sink);
            LinkChecker.check(read, paths, Project.display(project.out()), d);
            l.ledger().checkUrls(paths, Project.display(project.siteConfig()), d);
            l.timings().lap("verify");
            if (d.hasErrors()) return failed(tx, d, l);
            Set<String> urls = Ledger.publishable(paths);
            read.clear();
            // the index's files go to the transaction as they are made: they are never all in memory at once
            SearchIndexer.build(SearchDocuments.of(l.archive())).forEachFile((path, bytes) -> publish.put("search/" + path, bytes));
            l.timings().lap("index");
            SiteWriter.Published published = tx.commit();
            l.timings().lap("publish");
            return new Result(d, l.archive(), pages.size(), urls, l.timings(), published);
        } catch (IOException | UncheckedIOException e) {
            d.error(Project.display(project.out()), 0, "cannot write the site: " + e.getMessage(),
                    "check that the output folder is writable; the previous site is unchanged");
            return failed(tx, d, l);
        } catch (RuntimeException | Error e) {
            // a bug, or running out of memory: the previous site stays as it was, then the caller reports it
            abandon(tx, e);
            throw e;
        }
    }

    /** Abandons a publish that an unexpected exception or error interrupted; a failure to clean up is kept with it. */
    private static void abandon(SiteWriter.Transaction tx, Throwable cause) {
        if (tx == null) return;
        try {
            tx.abort();
        } catch (IOException | RuntimeException e) {
            cause.addSuppressed(e);
        }
    }

    /** Hands files to a sink, in parallel. */
    private static void putAll(Map<String, byte[]> files, TemplateRenderer.PageSink sink) throws IOException {
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

    /** Abandons a publish: the previous site stays as it was. */
    private Result failed(SiteWriter.Transaction tx, Diagnostics d, Linked l) {
        if (tx != null) {
            try {
                tx.abort();
            } catch (IOException e) {
                d.error(Project.display(project.out()), 0, "cannot remove the temporary files of a failed build: " + e.getMessage(),
                        "delete files ending in .publishing and folders named .site.staging-* by hand");
            }
        }
        return new Result(d, l.archive(), 0, Set.of(), l.timings());
    }

    /** Builds, then records every published URL and any new archived text's checksum in the ledgers. */
    public Result updateLedger() throws IOException {
        Result r = build();
        if (r.ok()) Ledger.read(project.siteConfig()).update(r.urls(), r.archive().sources());
        return r;
    }

    /** Files beside the rendered pages: assets, archived texts, data exports and redirects. */
    private Map<String, byte[]> extras(Linked l, boolean withContent, List<PageSpec> pageSpecs) {
        Map<String, byte[]> files = new TreeMap<>();
        try {
            files.putAll(assets(withContent));
            for (Source s : l.archive().sources()) {
                files.put(Urls.of(s).substring(1) + "text.txt", withContent ? Files.readAllBytes(s.textFile()) : new byte[0]);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        files.putAll(CitationExport.files(l.archive(), l.site().baseUrl()));
        files.putAll(l.factory().citationFiles());
        files.put("_headers", SecurityHeaders.headersFile());
        files.put("data/fixity.json", FixityExport.json(l.archive().sources(), l.site().baseUrl()));
        files.put("data/archive.json", ArchiveExport.json(l.archive(), l.site().baseUrl(), l.site().title()));
        try {
            Path schema = project.root().resolve("docs/schema/archive.schema.json");
            if (Files.isRegularFile(schema)) files.put("data/archive.schema.json", Files.readAllBytes(schema));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<Item> items = new ArrayList<>();
        items.addAll(l.archive().sources());
        items.addAll(l.archive().commentary());
        items.addAll(l.archive().claims());
        items.addAll(l.archive().topics());
        items.addAll(l.archive().people());
        Set<String> pages = new java.util.TreeSet<>();
        for (PageSpec p : pageSpecs) pages.add(p.path());
        Redirects.add(items, pages, files, l.site().baseUrl(), l.diagnostics());
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
