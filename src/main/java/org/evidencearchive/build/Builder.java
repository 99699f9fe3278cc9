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
import org.evidencearchive.export.CitationExport;
import org.evidencearchive.config.SiteConfig;
import org.evidencearchive.content.ContentParser;
import org.evidencearchive.content.Corpus;
import org.evidencearchive.content.Item;
import org.evidencearchive.content.Source;
import org.evidencearchive.export.ArchiveExport;
import org.evidencearchive.export.FixityExport;
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
import org.evidencearchive.graph.Archive;
import org.evidencearchive.graph.Urls;

/**
 * The build pipeline: read and parse → link (resolve references and citations) → check bodies → render →
 * verify (links, URL ledger, fixity) → publish atomically. Each stage reports into one {@link Diagnostics};
 * nothing is written unless every stage succeeded.
 */
public final class Builder {
    private final Project project;

    /** What to do about an output folder that a build refuses. */
    public static final String OUT_HINT = "pass --out with a new or empty folder, or one that an earlier build made";

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
                          Timings timings, Map<Path, GitVersion> versions) {
        Linked(Diagnostics diagnostics, SiteConfig site, Archive archive, PageFactory factory, Ledger ledger, Timings timings) {
            this(diagnostics, site, archive, factory, ledger, timings, Map.of());
        }
    }

    private Linked link(GitVersion version, Live live) {
        Timings timings = new Timings();
        Diagnostics d = new Diagnostics();
        Path settings = project.siteConfig().resolve("site.yaml");
        SiteConfig site = SiteConfig.read(settings, Project.display(settings), d);
        Corpus corpus = new ContentParser(project.content(), Path.of("").toAbsolutePath(), d, live == null ? null : live.parse).parse();
        timings.lap("parse");
        Archive archive = Archive.link(corpus, d, live == null ? org.evidencearchive.graph.LinkMemo.none() : live.memo);
        timings.lap("link");
        Map<Path, GitVersion> versions = version == GitVersion.UNVERSIONED ? Map.of()
                : live != null && live.state != null ? live.state.versions
                : GitVersion.ofFiles(project.root(), project.content());
        PageFactory factory = new PageFactory(archive, site, version, versions);
        if (live == null) {
            factory.checkBodies(d);
        } else {
            factory.checkBodies(d, live.bodyChecks, live.state != null && archive.sameTargets(live.state.archive));
        }
        org.evidencearchive.evidence.EvidenceChecks.run(archive, d);
        Ledger ledger;
        try {
            ledger = Ledger.read(project.siteConfig());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ledger.checkFixity(archive.sources(), d);
        timings.lap("check");
        return new Linked(d, site, archive, factory, ledger, timings, versions);
    }

    /** Validates the whole archive, including the URL ledger, without rendering or writing anything. */
    public Result check() {
        Linked l = link(GitVersion.UNVERSIONED, null);
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
        return build(null);
    }

    /**
     * Builds with what a {@link Live} build kept from the previous one: after an edit to content files only,
     * the files that changed are re-parsed, and only the pages that read something the edit changed are
     * rendered and written (with the changed items' downloads); the data exports and the search index are left
     * to {@link Live#finish}. Without a previous build this is a full build that starts the record.
     */
    public Result build(Live live) {
        Live.State last = live == null ? null : live.state;
        if (last == null) {
            try {
                project.checkOut();
            } catch (SiteWriter.NotASiteException e) {
                Diagnostics d = new Diagnostics();
                d.error(Project.display(project.out()), 0, e.getMessage(), OUT_HINT);
                return new Result(d, null, 0, Set.of(), new Timings());
            }
        }
        GitVersion version = last != null ? last.version : GitVersion.of(project.root(), project.content());
        Linked l = link(version, live);
        Diagnostics d = l.diagnostics();
        if (d.hasErrors()) return new Result(d, l.archive(), 0, Set.of(), l.timings());

        SiteWriter.Transaction tx = null;
        try {
            TemplateRenderer renderer = live != null && live.renderer != null ? live.renderer
                    : new TemplateRenderer(project.root(), project.templates(),
                    project.siteConfig().resolve("jbake.properties"), project.out(), Project.display(project.templates()));
            List<PageSpec> planned = l.factory().pages();
            Set<String> plannedPaths = new java.util.HashSet<>();
            planned.forEach(p -> plannedPaths.add(p.path()));
            Set<String> changed = last == null ? null : l.archive().changedSince(last.archive);
            boolean sameItems = last != null && l.archive().sameItems(last.archive);
            List<PageSpec> pages = last == null ? planned : Live.affected(planned, last, changed, sameItems);
            List<Item> edited = last == null ? List.of() : changedItems(l.archive(), changed);
            // The redirect pages stay as they are when no item is new or gone and no edited item has or had aliases.
            boolean sameRedirects = sameItems && edited.stream().allMatch(i -> i.aliases().isEmpty()
                    && last.archive.item(i.kind(), i.id()).map(was -> was.aliases().isEmpty()).orElse(true));
            List<PageSpec> deferred = List.of();
            if (last != null) { // the whole-site lists wait, with the search index, for finish()
                deferred = pages.stream().filter(p -> Live.DEFERRED.contains(p.path())).toList();
                pages = pages.stream().filter(p -> !Live.DEFERRED.contains(p.path())).toList();
            }
            Set<String> redirects = live == null ? Set.of() : sameRedirects ? last.redirects : Redirects.files(l.archive().items());
            List<String> removed = last == null ? List.of()
                    : Live.withGoneRedirects(Live.removed(last, plannedPaths, pages), last, redirects, plannedPaths);
            tx = last == null ? SiteWriter.begin(project.out()) : SiteWriter.patch(project.out(), removed);
            SiteWriter.Transaction publish = tx;
            Map<String, LinkChecker.Page> read = new java.util.concurrent.ConcurrentHashMap<>();
            Set<String> paths = java.util.concurrent.ConcurrentHashMap.newKeySet();
            TemplateRenderer.PageSink sink = (path, bytes) -> {
                paths.add(path);
                if (path.endsWith(".html")) read.put(path, LinkChecker.read(bytes));
                publish.put(path, bytes);
            };
            Map<String, Set<String>> deps = new java.util.concurrent.ConcurrentHashMap<>();
            if (live != null) pages = Live.recording(pages, deps);
            l.timings().lap("plan");
            renderer.render(pages, d, sink);
            l.timings().lap("render");
            if (d.hasErrors()) return failed(tx, d, l);
            if (last == null) {
                putAll(extras(l, true, planned), sink);
            } else {
                Map<String, byte[]> files = itemExtras(l, edited, true);
                if (!sameRedirects) {
                    Set<String> others = new java.util.HashSet<>(last.paths); // every other file: no alias may replace it
                    others.removeAll(last.redirects);
                    removed.forEach(others::remove);
                    Redirects.add(l.archive().items(), plannedPaths, others, files, l.site().baseUrl(), d);
                }
                putAll(files, sink);
            }
            Set<String> sitePaths = last == null ? paths : new Live.PathsAfter(last.paths, removed, paths);
            java.util.function.Function<String, Set<String>> idsOf = p -> {
                LinkChecker.Page page = read.get(p);
                return page != null ? page.ids() : last == null || removed.contains(p) ? null : last.ids.get(p);
            };
            if (last != null && Live.lostTargets(last, read, removed)) {
                Map<String, LinkChecker.Page> all = new java.util.HashMap<>(Live.readAll(project.out(), last.ids.keySet(), read.keySet()));
                removed.forEach(all::remove);
                all.putAll(read);
                LinkChecker.check(all, sitePaths, idsOf, Project.display(project.out()), d);
            } else {
                LinkChecker.check(read, sitePaths, idsOf, Project.display(project.out()), d);
            }
            if (last == null || !removed.isEmpty()) l.ledger().checkUrls(sitePaths, Project.display(project.siteConfig()), d);
            l.timings().lap("verify");
            if (d.hasErrors()) return failed(tx, d, l);
            Set<String> urls = last == null ? Ledger.publishable(sitePaths) : Set.of();
            Map<String, Set<String>> ids = new java.util.HashMap<>(); // a first live build keeps every page's anchors
            if (last == null) {
                if (live != null) read.forEach((p, page) -> ids.put(p, page.ids()));
                read.clear();
                // the index's files go to the transaction as they are made: they are never all in memory at once
                SearchIndexer.build(SearchDocuments.of(l.archive())).forEachFile((path, bytes) -> publish.put("search/" + path, bytes));
                l.timings().lap("index");
            }
            SiteWriter.Published published = tx.commit();
            if (live != null) {
                live.renderer = renderer;
                if (last == null) {
                    live.state = new Live.State(l.archive(), l.site(), l.factory(), version, l.versions(),
                            Live.shapes(planned), deps, ids, paths);
                } else {
                    last.update(l.archive(), l.factory(), Live.shapes(planned), removed, deps, read, paths, deferred);
                }
                live.state.redirects = redirects;
            }
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

    /**
     * Writes what a live build left for later: the whole-site lists (feed, sitemap), the data exports and the
     * search index, as they are for the archive the last build published. Returns the diagnostics (a failure
     * leaves the site as it was); does nothing if a newer build published meanwhile.
     */
    Diagnostics finish(Live live) {
        Live.State last;
        long seen;
        Linked l;
        List<PageSpec> deferred;
        TemplateRenderer renderer;
        Diagnostics d = new Diagnostics();
        synchronized (live) {
            last = live.state;
            if (last == null || last.complete) return d;
            seen = last.generation;
            l = new Linked(d, last.site, last.archive, last.factory, null, new Timings());
            deferred = last.deferred();
            renderer = live.renderer;
        }
        try {
            Map<String, byte[]> files = new java.util.concurrent.ConcurrentHashMap<>(globalExtras(l));
            renderer.render(deferred, d, files::put);
            SearchIndexer.build(SearchDocuments.of(l.archive())).forEachFile((k, v) -> files.put("search/" + k, v));
            if (d.hasErrors()) return d;
            synchronized (live) {
                if (live.state != last || last.generation != seen) return d; // a newer build's own finish follows
                publishFinished(last, files);
                last.deferred.clear();
                last.complete = true;
            }
        } catch (IOException | UncheckedIOException e) {
            d.error(Project.display(project.out()), 0, "cannot write the site: " + e.getMessage(),
                    "check that the output folder is writable");
        }
        return d;
    }

    private void publishFinished(Live.State last, Map<String, byte[]> files) throws IOException {
        List<String> stale = new ArrayList<>();
        Path searchDir = project.out().resolve("search");
        if (Files.isDirectory(searchDir)) {
            try (Stream<Path> s = Files.walk(searchDir)) {
                s.filter(Files::isRegularFile).map(p -> project.out().relativize(p).toString().replace('\\', '/'))
                        .filter(p -> !files.containsKey(p) && !last.paths.contains(p)).forEach(stale::add);
            }
        }
        SiteWriter.Transaction tx = SiteWriter.patch(project.out(), stale);
        try {
            putAll(files, tx::put);
        } catch (IOException | RuntimeException e) {
            tx.abort();
            throw e;
        }
        tx.commit();
    }

    /** The items (re-)parsed since the last build: those whose downloads must be remade. */
    private static List<Item> changedItems(Archive archive, Set<String> changed) {
        List<Item> items = new ArrayList<>();
        for (String key : changed) { // "any:kind" and the like name no item
            int colon = key.indexOf(':');
            archive.item(key.substring(0, colon), key.substring(colon + 1)).ifPresent(items::add);
        }
        return items;
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

    /** Files beside the rendered pages: assets, archived texts, downloads, data exports and redirects. */
    private Map<String, byte[]> extras(Linked l, boolean withContent, List<PageSpec> pageSpecs) {
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
        Redirects.add(l.archive().items(), pages, Set.of(), files, l.site().baseUrl(), l.diagnostics());
        return files;
    }

    /** The files of some items: a source's archived text (empty unless {@code withContent}), and the "cite this" downloads. */
    private Map<String, byte[]> itemExtras(Linked l, List<Item> items, boolean withContent) {
        Map<String, byte[]> files = new TreeMap<>();
        try {
            for (Item i : items) {
                if (i instanceof Source s) {
                    files.put(Urls.of(s).substring(1) + "text.txt", withContent ? Files.readAllBytes(s.textFile()) : new byte[0]);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        files.putAll(l.factory().citationFiles(items));
        return files;
    }

    /** The files made from the whole archive: data exports, security headers and redirects. */
    private Map<String, byte[]> globalExtras(Linked l) {
        Map<String, byte[]> files = new TreeMap<>();
        files.putAll(CitationExport.files(l.archive(), l.site().baseUrl()));
        files.put("data/sources.csl.json", l.factory().sourcesCsl());
        files.put("_headers", SecurityHeaders.headersFile());
        files.put("data/fixity.json", FixityExport.json(l.archive().sources(), l.site().baseUrl()));
        files.put("data/archive.json", ArchiveExport.json(l.archive(), l.site().baseUrl(), l.site().title()));
        try {
            Path schema = project.root().resolve("docs/schema/archive.schema.json");
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
