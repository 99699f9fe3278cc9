package org.evidencearchive.pipeline;

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
import org.evidencearchive.config.SiteConfig;
import org.evidencearchive.content.ContentParser;
import org.evidencearchive.content.Corpus;
import org.evidencearchive.content.Item;
import org.evidencearchive.publish.GitVersion;
import org.evidencearchive.publish.Ledger;
import org.evidencearchive.publish.LinkChecker;
import org.evidencearchive.publish.Precompressed;
import org.evidencearchive.publish.SiteWriter;
import org.evidencearchive.reference.CitationStyles;
import org.evidencearchive.render.PageFactory;
import org.evidencearchive.render.PageSpec;
import org.evidencearchive.render.TemplateRenderer;
import org.evidencearchive.graph.Archive;
import org.evidencearchive.graph.Identifiers;
import org.evidencearchive.graph.Key;

/**
 * The build pipeline: read and parse → link (resolve references and citations) → check bodies → render →
 * verify (links, URL ledger, fixity) → publish atomically. Each stage reports into one {@link Diagnostics};
 * nothing is written unless every stage succeeded.
 */
public final class Builder {
    private final Project project;
    private Progress progress = Progress.NONE;

    /** What to do about an output folder that a build refuses. */
    public static final String OUT_HINT = "pass --out with a new or empty folder, or one that an earlier build made";

    /** Returns the project this builder builds. */
    Project project() {
        return project;
    }

    /** Whether the build mints identifiers for items without one ({@code archive ledger}), and what the last link had. */
    private boolean minting;
    private Identifiers minted = Identifiers.NONE;

    /** What the up-to-date check read before a whole build, handed to it so that it is read once (or null). */
    private UpToDate.Prepared prepared;

    /** Creates a builder for a project. */
    public Builder(Project project) {
        this.project = project;
    }

    /** Shows this builder's stages and counts on a progress line; returns this builder. */
    public Builder progress(Progress p) {
        this.progress = p;
        return this;
    }

    /**
     * What a check or build found: the diagnostics, the graph when parsing got that far, and the URLs the
     * site publishes.
     */
    public record Result(Diagnostics diagnostics, Archive archive, int pagesWritten, Set<String> urls, Timings timings,
                         SiteWriter.Published published, Extent extent, boolean upToDate) {
        /** A result that published nothing. */
        public Result(Diagnostics diagnostics, Archive archive, int pagesWritten, Set<String> urls, Timings timings) {
            this(diagnostics, archive, pagesWritten, urls, timings, null, null, false);
        }

        /** Returns whether the run had no errors. */
        public boolean ok() {
            return !diagnostics.hasErrors();
        }
    }

    /**
     * What a build published besides pages, for its summary: redirects (moved pages and files) and the search
     * index's files and bytes (0 and 0 when a live build left the index for later), and whether that index is the
     * last build's, kept because its inputs were the same.
     */
    public record Extent(int redirects, int searchFiles, long searchBytes, boolean searchKept) {}

    /** The stages up to rendering, shared by check and build. */
    record Linked(Diagnostics diagnostics, SiteConfig site, Archive archive, PageFactory factory, Ledger ledger,
                          Timings timings, Map<Path, GitVersion> versions) {
        Linked(Diagnostics diagnostics, SiteConfig site, Archive archive, PageFactory factory, Ledger ledger, Timings timings) {
            this(diagnostics, site, archive, factory, ledger, timings, Map.of());
        }
    }

    private Linked link(GitVersion version, Live live) {
        Timings timings = prepared != null ? prepared.timings() : new Timings();
        Diagnostics d = new Diagnostics();
        progress.stage("reading content", 0);
        Path settings = project.siteConfig().resolve("site.yaml");
        SiteConfig site = SiteConfig.read(settings, Project.display(settings), d, CitationStyles.locales());
        Path vocabulary = project.siteConfig().resolve(org.evidencearchive.config.VocabularyFile.NAME);
        org.evidencearchive.config.VocabularyFile.read(vocabulary, Project.display(vocabulary), d);
        Ledger ledger;
        try {
            ledger = Ledger.read(project.siteConfig());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Corpus corpus = new ContentParser(project.content(), Path.of("").toAbsolutePath(), d, live == null ? null : live.parse,
                ledger.archivedTexts()).parse();
        timings.lap("parse");
        progress.stage("linking", 0);
        Archive archive = Archive.link(corpus, d, live == null ? org.evidencearchive.graph.LinkMemo.none() : live.memo);
        org.evidencearchive.cite.LooseCitations.check(corpus, d); // the quotes of files that made no item
        timings.lap("link");
        progress.stage("checking the evidence", 0);
        GitVersion.Files history = version == GitVersion.UNVERSIONED ? new GitVersion.Files(Map.of(), Map.of())
                : live != null && live.state != null ? new GitVersion.Files(live.state.versions, live.state.factory.firstVersions())
                : prepared != null ? prepared.history()
                : GitVersion.history(project.root(), project.content());
        Map<Path, GitVersion> versions = history.last();
        Map<Path, GitVersion> first = history.first();
        Identifiers identifiers = Identifiers.read(project.siteConfig(), Project.display(project.siteConfig()), site.identifierPrefix(),
                Project.display(settings), archive, d);
        if (minting) identifiers = identifiers.minted(archive); // archive ledger: the build carries what it records
        minted = identifiers;
        PageFactory factory = new PageFactory(archive, site, version, versions, first, identifiers);
        if (live == null) {
            factory.checkBodies(d);
        } else {
            factory.checkBodies(d, live.bodyChecks, live.state != null && archive.sameTargets(live.state.archive));
        }
        org.evidencearchive.evidence.CollectionDatesCheck.check(settings, Project.display(settings), archive.sources(), d);
        if (live == null) org.evidencearchive.evidence.EvidenceChecks.run(archive, d);
        else org.evidencearchive.evidence.EvidenceChecks.run(archive, d, live.evidence);
        ledger.checkFixity(archive.sources(), d);
        ledger.checkHost(site, Project.display(settings), Project.display(project.siteConfig()), d);
        timings.lap("check");
        return new Linked(d, site, archive, factory, ledger, timings, versions);
    }

    /**
     * Validates the whole archive, including the URL ledger and the templates (one page of each is rendered,
     * then dropped), without writing anything.
     */
    public Result check() {
        Linked l = link(GitVersion.UNVERSIONED, null);
        List<PageSpec> pages = l.factory().pages();
        Map<String, byte[]> planned = planned(l, pages);
        l.timings().lap("plan");
        if (!l.diagnostics().hasErrors()) {
            // Build renders only an archive without errors; check then renders one page of each template and
            // keeps only its links and anchors: a template error, or a broken link a template makes, is reported
            // as build reports it (on these pages), for a fraction of the time.
            Map<String, PageSpec> onePerTemplate = new java.util.LinkedHashMap<>();
            for (PageSpec p : pages) onePerTemplate.putIfAbsent(p.template(), p);
            Map<String, LinkChecker.Page> read = new java.util.concurrent.ConcurrentHashMap<>();
            renderer().render(List.copyOf(onePerTemplate.values()), l.diagnostics(), (path, bytes) -> {
                if (path.endsWith(".html")) read.put(path, LinkChecker.read(bytes));
            });
            if (!l.diagnostics().hasErrors()) { // the anchors of pages not rendered are not checked
                LinkChecker.check(read, planned.keySet(), Project.display(project.out()), l.diagnostics());
            }
            l.timings().lap("templates");
        }
        return new Result(l.diagnostics(), l.archive(), 0, Ledger.publishable(planned.keySet()), l.timings());
    }

    /** The paths a build of these pages would write, with every published URL it would no longer serve reported. */
    private Map<String, byte[]> planned(Linked l, List<PageSpec> pages) {
        Map<String, byte[]> planned = new TreeMap<>();
        for (PageSpec p : pages) planned.put(p.path(), new byte[0]);
        planned.putAll(new SiteFiles(project).extras(l, false, pages));
        l.ledger().checkUrls(planned.keySet(), Project.display(project.siteConfig()), l.diagnostics(), l.archive().corpus().unparsed());
        return planned;
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
        GitVersion version = last != null ? last.version : prepared != null ? prepared.version()
                : GitVersion.of(project.root(), project.content());
        Linked l = link(version, live);
        Diagnostics d = l.diagnostics();
        if (d.hasErrors()) {
            if (last == null) planned(l, l.factory().pages()); // what check reports: the URLs it would break too
            return new Result(d, l.archive(), 0, Set.of(), l.timings());
        }
        SiteWriter.Transaction tx = null;
        // "cite this" of the last whole build by the same tool, used again for the items whose records did not change
        if (last == null) {
            CitationStyles.keepIn(project.root().resolve("target/cache/cite-this.bin"),
                    prepared != null ? prepared.tool() : Fingerprint.tool());
        }
        try {
            Scope scope = last == null ? new Scope.Whole(l, live, prepared != null ? prepared.search() : SearchReuse.none())
                    : new Scope.Edit(l, live);
            TemplateRenderer renderer = live != null && live.renderer != null ? live.renderer : renderer();
            List<PageSpec> pages = scope.pages();
            tx = scope.begin(project.out());
            SiteWriter.Transaction publish = tx;
            Map<String, LinkChecker.Page> read = new java.util.concurrent.ConcurrentHashMap<>();
            Set<String> paths = java.util.concurrent.ConcurrentHashMap.newKeySet();
            TemplateRenderer.PageSink sink = (path, bytes) -> {
                progress.step();
                paths.add(path);
                if (path.endsWith(".html")) read.put(path, LinkChecker.read(bytes));
                Precompressed.put(publish, path, bytes);
            };
            l.timings().lap("plan");
            progress.stage("rendering pages", pages.size());
            renderer.render(pages, d, sink);
            l.timings().lap("render");
            if (d.hasErrors()) return failed(tx, d, l);
            Map<String, byte[]> files = scope.files(this, d);
            progress.stage("writing downloads, feeds and data", files.size());
            SiteFiles.putAll(files, sink);
            progress.stage("checking links", 0);
            Set<String> sitePaths = scope.sitePaths(paths);
            LinkChecker.check(scope.pagesToCheck(read, project.out()), sitePaths, scope.anchors(read),
                    Project.display(project.out()), d);
            if (scope.checksLedger()) l.ledger().checkUrls(sitePaths, Project.display(project.siteConfig()), d);
            l.timings().lap("verify");
            if (d.hasErrors()) return failed(tx, d, l);
            progress.stage("indexing for search", 0);
            Scope.Indexed indexed = scope.index(publish, read, project);
            progress.stage("publishing", 0);
            SiteWriter.Published published = prepared != null ? tx.commit(prepared.published()) : tx.commit();
            if (last == null) CitationStyles.saveKept();
            scope.remember(read, paths, renderer, version);
            l.timings().lap("publish");
            return new Result(d, l.archive(), pages.size(), scope.urls(sitePaths), l.timings(), published,
                    new Extent(SiteFiles.redirects(files), indexed.files(), indexed.bytes(), indexed.kept()), false);
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
     * Builds the site unless it is up to date ({@link UpToDate}): nothing is built or written when the inputs and
     * the output are as the last successful build into the same output left them; otherwise (or with {@code force})
     * a full {@link #build()} that records itself for the next one.
     */
    public Result buildUnlessUpToDate(boolean force) {
        return new UpToDate(this, progress, Fingerprint.tool()).build(force);
    }

    /** A whole build after the up-to-date check, given what it read. */
    Result buildAfter(UpToDate.Prepared p) {
        prepared = p;
        try {
            return build();
        } finally {
            prepared = null;
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
            Map<String, byte[]> files = new java.util.concurrent.ConcurrentHashMap<>(new SiteFiles(project).globalExtras(l));
            renderer.render(deferred, d, files::put);
            SearchDocuments.index(l.archive(), project).forEachFile((k, v) -> files.put("search/" + k, v));
            if (d.hasErrors()) return d;
            Precompressed.addTwins(files);
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
                        .filter(p -> !files.containsKey(p) && !last.paths.contains(p) && !last.paths.contains(Precompressed.original(p)))
                        .forEach(stale::add);
            }
        }
        for (String f : files.keySet()) { // a file that shrank below its twin's threshold loses the twin
            if (Precompressed.compressible(f) && !files.containsKey(f + Precompressed.GZ)) stale.add(f + Precompressed.GZ);
        }
        SiteWriter.Transaction tx = SiteWriter.patch(project.out(), stale);
        try {
            SiteFiles.putAll(files, tx::put);
        } catch (IOException | RuntimeException e) {
            tx.abort();
            throw e;
        }
        tx.commit();
    }

    /** The project's templates, through JBake's Freemarker engine. */
    private TemplateRenderer renderer() {
        return new TemplateRenderer(project.root(), project.templates(), project.siteConfig().resolve("jbake.properties"),
                project.out(), Project.display(project.templates()));
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

    /** Abandons a publish: the previous site stays as it was. */
    private Result failed(SiteWriter.Transaction tx, Diagnostics d, Linked l) {
        if (tx != null) {
            try {
                tx.abort();
            } catch (IOException e) {
                d.error(Project.display(project.out()), 0, "cannot remove the temporary files of a failed build: " + e.getMessage(),
                        "the next build into this folder removes them (files ending in .publishing, folders named .site.staging-*)");
            }
        }
        return new Result(d, l.archive(), 0, Set.of(), l.timings());
    }

    /**
     * Builds, then records every published URL and any new archived text's checksum in the ledgers; with the
     * {@code identifiers} setting, the build mints an identifier for each source, commentary and claim without one
     * (its pages and exports carry it), and the identifier ledger is rewritten under each item's id now.
     */
    public Result updateLedger() throws IOException {
        minting = true;
        Result r = build();
        minting = false;
        if (r.ok()) {
            minted.write(project.siteConfig());
            Path settings = project.siteConfig().resolve("site.yaml");
            SiteConfig site = SiteConfig.read(settings, Project.display(settings), new Diagnostics());
            Ledger.read(project.siteConfig()).update(r.urls(), r.archive().sources(), site);
        }
        return r;
    }
}
