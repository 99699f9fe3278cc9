package org.evidencearchive.render;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.evidencearchive.check.Diagnostics;
import org.evidencearchive.config.SiteConfig;
import org.evidencearchive.content.Item;
import org.evidencearchive.graph.Archive;
import org.evidencearchive.graph.Urls;
import org.evidencearchive.publish.GitVersion;
import org.evidencearchive.reference.ItemReferences;

/**
 * Turns the archive graph into the pages to render, each with a plain model made when it renders: the site plan
 * ({@link SitePlan}), the models of item pages ({@link ItemPages}), of lists ({@link ListPages}), of the
 * timeline ({@link TimelinePage}) and of the figures ({@link FigurePages}), all on one shared {@link PageContext}; and the checks of every body.
 */
public final class PageFactory {
    private final PageContext ctx;
    private final SitePlan plan;

    /**
     * Creates a factory. {@code siteVersion} (the last commit of the content) versions the site-wide pages and
     * dates the feed; {@code fileVersions} gives each content file's last commit, so each page shows its own.
     */
    public PageFactory(Archive archive, SiteConfig site, GitVersion siteVersion, Map<java.nio.file.Path, GitVersion> fileVersions) {
        this(archive, site, siteVersion, fileVersions, Map.of());
    }

    /** Creates a factory that also knows each content file's first commit ({@code firstVersions}), which dates archived texts. */
    public PageFactory(Archive archive, SiteConfig site, GitVersion siteVersion, Map<java.nio.file.Path, GitVersion> fileVersions,
                       Map<java.nio.file.Path, GitVersion> firstVersions) {
        this(archive, site, siteVersion, fileVersions, firstVersions, org.evidencearchive.graph.Identifiers.NONE);
    }

    /** Creates a factory whose items' pages, citations and downloads carry their persistent identifiers. */
    public PageFactory(Archive archive, SiteConfig site, GitVersion siteVersion, Map<java.nio.file.Path, GitVersion> fileVersions,
                       Map<java.nio.file.Path, GitVersion> firstVersions, org.evidencearchive.graph.Identifiers identifiers) {
        this.ctx = new PageContext(archive, site, siteVersion, fileVersions, firstVersions, identifiers);
        this.plan = new SitePlan(ctx);
    }

    /** Returns the items' persistent identifiers (none without the {@code identifiers} setting). */
    public org.evidencearchive.graph.Identifiers identifiers() {
        return ctx.identifiers;
    }

    /** Returns the build's version (the last commit of the content), which dates the feed and the site-wide files. */
    public GitVersion siteVersion() {
        return ctx.siteVersion;
    }

    /** Returns each content file's first commit, as given. */
    public Map<java.nio.file.Path, GitVersion> firstVersions() {
        return ctx.firstVersions;
    }

    /** Returns the versions of a source's text, each dated (the first from git, the others by their corrections). */
    public org.evidencearchive.export.TextVersions versions(org.evidencearchive.content.Source s) {
        return ctx.versions(s);
    }

    /** Returns every page of the site. */
    public List<PageSpec> pages() {
        return plan.pages();
    }

    /** Returns every URL and paragraph anchor the site will have, for link checking. */
    public Set<String> targets() {
        return plan.targets();
    }

    /** Returns the "cite this" downloads of the given items (those without a citable page have none). */
    public Map<String, byte[]> citationFiles(List<? extends Item> items) {
        return ItemReferences.files(items, ctx::reference);
    }

    /** Returns /data/sources.csl.json: every source as CSL-JSON. */
    public byte[] sourcesCsl() {
        return ItemReferences.sourcesCsl(ctx.archive.sources(), ctx::reference);
    }

    /** Checks every Markdown body (raw HTML, link schemes, images, internal links). */
    public void checkBodies(Diagnostics diagnostics) {
        checkBodies(diagnostics, new BodyChecks(), false);
    }

    /**
     * Checks every Markdown body, re-using what {@code memo} kept of an earlier check for bodies that have not
     * changed (the same objects) when {@code sameTargets}: the site's link targets are the same as then.
     */
    public void checkBodies(Diagnostics diagnostics, BodyChecks memo, boolean sameTargets) {
        List<org.evidencearchive.content.Body> bodies = new ArrayList<>();
        List<String> shownOn = new ArrayList<>(); // the page each body is shown on: its relative links resolve there
        ctx.archive.sources().forEach(s -> { bodies.add(s.note()); shownOn.add(Urls.of(s)); });
        ctx.archive.commentary().forEach(c -> { bodies.add(c.body()); shownOn.add(Urls.of(c)); });
        ctx.archive.claims().forEach(c -> { bodies.add(c.body()); shownOn.add(Urls.of(c)); });
        ctx.archive.topics().forEach(t -> { bodies.add(t.body()); shownOn.add(Urls.of(t)); });
        ctx.archive.people().forEach(p -> { bodies.add(p.body()); shownOn.add(Urls.of(p)); });
        java.util.function.Supplier<java.util.Collection<String>> all = new java.util.function.Supplier<>() {
            private Set<String> made;

            @Override
            public synchronized java.util.Collection<String> get() {
                if (made == null) made = plan.targets();
                return made;
            }
        };
        if (!sameTargets) memo.clear();
        List<List<org.evidencearchive.check.Diagnostic>> kept = bodies.parallelStream().map(memo::kept).toList();
        List<List<org.evidencearchive.check.Diagnostic>> found = java.util.stream.IntStream.range(0, bodies.size()).parallel()
                .mapToObj(k -> {
                    if (kept.get(k) != null) return kept.get(k);
                    Diagnostics one = new Diagnostics();
                    ctx.markdown.check(ctx.archive.rich(bodies.get(k)), shownOn.get(k), plan::isTarget, all, one);
                    return one.sorted();
                }).toList();
        for (int k = 0; k < bodies.size(); k++) {
            if (kept.get(k) == null) memo.keep(bodies.get(k), found.get(k));
            found.get(k).forEach(diagnostics::add);
        }
        memo.advance(bodies);
    }
}
