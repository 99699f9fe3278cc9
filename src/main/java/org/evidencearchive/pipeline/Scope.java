package org.evidencearchive.pipeline;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import org.evidencearchive.check.Diagnostics;
import org.evidencearchive.content.Item;
import org.evidencearchive.graph.Key;
import org.evidencearchive.publish.GitVersion;
import org.evidencearchive.publish.Ledger;
import org.evidencearchive.publish.LinkChecker;
import org.evidencearchive.publish.Precompressed;
import org.evidencearchive.publish.Redirects;
import org.evidencearchive.publish.SiteWriter;
import org.evidencearchive.render.PageSpec;
import org.evidencearchive.render.TemplateRenderer;

/**
 * What one build covers, chosen once per build (as Hugo chooses between its full and partial processing): the
 * {@link Whole} site, or the part of it an {@link Edit} affects in {@code archive serve}. The stages after
 * linking ask the scope what to render, write, verify, index and remember, so none of them asks whether the
 * build is live.
 */
abstract sealed class Scope permits Scope.Whole, Scope.Edit {
    final Builder.Linked l;
    final List<PageSpec> planned;
    final Set<String> plannedPaths = new HashSet<>();
    /** Each rendered page's {@link org.evidencearchive.graph.Reads} keys, when a live build records them. */
    final Map<String, Set<Key>> deps = new java.util.concurrent.ConcurrentHashMap<>();

    Scope(Builder.Linked l) {
        this.l = l;
        this.planned = l.factory().pages();
        planned.forEach(p -> plannedPaths.add(p.path()));
    }

    /** Starts the publish: a new whole site, or a change to the published one. */
    abstract SiteWriter.Transaction begin(Path out) throws IOException;

    /** The pages to render. */
    abstract List<PageSpec> pages();

    /** The files beside the rendered pages that this build writes (assets, texts, downloads, exports, redirects). */
    abstract Map<String, byte[]> files(Builder builder, Diagnostics d);

    /** Every path the site has once this build is published, given the paths it wrote. */
    abstract Set<String> sitePaths(Set<String> written);

    /** The pages the link gate reads (those rendered, and any others whose links may now point nowhere). */
    abstract Map<String, LinkChecker.Page> pagesToCheck(Map<String, LinkChecker.Page> read, Path out);

    /** Where the link gate finds a page's anchors: the page just rendered, else the published one. */
    abstract Function<String, Set<String>> anchors(Map<String, LinkChecker.Page> read);

    /** Whether the URL ledger must be checked: whenever a page may have gone. */
    abstract boolean checksLedger();

    /** Writes the search index into the publish, or leaves it for later; may drop the pages read to free memory. */
    abstract Indexed index(SiteWriter.Transaction tx, Map<String, LinkChecker.Page> read, Project project) throws IOException;

    /**
     * The search index's files and bytes that a build published (none when it left the index for later), and whether
     * they are the last build's, kept as they were.
     */
    record Indexed(int files, long bytes, boolean kept) {}

    /** The URLs to record in the ledger ({@code archive ledger}); only a whole build knows them all. */
    abstract Set<String> urls(Set<String> sitePaths);

    /** After the commit: what a live build keeps for the next one. */
    abstract void remember(Map<String, LinkChecker.Page> read, Set<String> paths, TemplateRenderer renderer, GitVersion version);

    /** The whole site: a build, or the first build of {@code archive serve} (which records what pages read). */
    static final class Whole extends Scope {
        private final Live live;
        private final Map<String, Set<String>> ids = new HashMap<>();

        private final SearchReuse search;

        /** {@code live}: the serve session this build starts, or null for a plain build; {@code search}: its index. */
        Whole(Builder.Linked l, Live live, SearchReuse search) {
            super(l);
            this.live = live;
            this.search = search;
        }

        @Override
        SiteWriter.Transaction begin(Path out) throws IOException {
            return SiteWriter.begin(out);
        }

        @Override
        List<PageSpec> pages() {
            return live == null ? planned : Live.recording(planned, deps);
        }

        @Override
        Map<String, byte[]> files(Builder builder, Diagnostics d) {
            return new SiteFiles(builder.project()).extras(l, true, planned);
        }

        @Override
        Set<String> sitePaths(Set<String> written) {
            return written;
        }

        @Override
        Map<String, LinkChecker.Page> pagesToCheck(Map<String, LinkChecker.Page> read, Path out) {
            return read;
        }

        @Override
        Function<String, Set<String>> anchors(Map<String, LinkChecker.Page> read) {
            return p -> {
                LinkChecker.Page page = read.get(p);
                return page == null ? null : page.ids();
            };
        }

        @Override
        boolean checksLedger() {
            return true;
        }

        @Override
        Indexed index(SiteWriter.Transaction tx, Map<String, LinkChecker.Page> read, Project project) throws IOException {
            if (live != null) read.forEach((p, page) -> ids.put(p, page.ids())); // a live build keeps every page's anchors
            read.clear();
            Indexed indexed = search.publish(tx, l.archive(), project);
            l.timings().lap("index");
            return indexed;
        }

        @Override
        Set<String> urls(Set<String> sitePaths) {
            return Ledger.publishable(sitePaths);
        }

        @Override
        void remember(Map<String, LinkChecker.Page> read, Set<String> paths, TemplateRenderer renderer, GitVersion version) {
            if (live == null) return;
            live.renderer = renderer;
            live.state = new Live.State(l.archive(), l.site(), l.factory(), version, l.versions(), Live.shapes(planned),
                    deps, ids, paths);
            live.state.redirects = Redirects.files(l.archive().items());
        }
    }

    /**
     * What an edit affects, after a first live build: the pages that read something the edit changed, the
     * changed items' downloads, the redirects if an alias may have changed, the pages and downloads that are
     * gone. The whole-site lists (feed, sitemap), the data exports and the search index wait for
     * {@link Live#finish()}.
     */
    static final class Edit extends Scope {
        private final Live live;
        private final Live.State last;
        private final List<Item> edited;
        private final boolean sameRedirects;
        private final Set<String> redirects;
        private final List<PageSpec> pages;
        private final List<PageSpec> deferred;
        private final List<String> removed;

        Edit(Builder.Linked l, Live live) {
            super(l);
            this.live = live;
            this.last = live.state;
            Set<Key> changed = l.archive().changedSince(last.archive);
            boolean sameItems = l.archive().sameItems(last.archive);
            List<PageSpec> affected = Live.affected(planned, last, changed, sameItems);
            edited = changedItems(l.archive(), changed);
            // The redirect pages and host configurations stay as they are when no item is new or gone, no edited item
            // has or had aliases, and no source is edited (its original URL and its versions are in the hosts' headers).
            sameRedirects = sameItems && edited.stream().allMatch(i -> i.aliases().isEmpty() && !(i instanceof org.evidencearchive.content.Source)
                    && last.archive.item(i.kind(), i.id()).map(was -> was.aliases().isEmpty()).orElse(true));
            deferred = affected.stream().filter(p -> Live.DEFERRED.contains(p.path())).toList();
            pages = affected.stream().filter(p -> !Live.DEFERRED.contains(p.path())).toList();
            redirects = sameRedirects ? last.redirects : Redirects.files(l.archive().items());
            removed = Live.withGoneRedirects(Live.removed(last, plannedPaths, pages), last, redirects, plannedPaths);
        }

        /** The items (re-)parsed since the last build: those whose downloads must be remade. */
        private static List<Item> changedItems(org.evidencearchive.graph.Archive archive, Set<Key> changed) {
            List<Item> items = new java.util.ArrayList<>();
            for (Key key : changed) if (!key.isAny()) archive.item(key.kind(), key.id()).ifPresent(items::add);
            return items;
        }

        @Override
        SiteWriter.Transaction begin(Path out) throws IOException {
            return SiteWriter.patch(out, Precompressed.withTwins(removed));
        }

        @Override
        List<PageSpec> pages() {
            return Live.recording(pages, deps);
        }

        @Override
        Map<String, byte[]> files(Builder builder, Diagnostics d) {
            Map<String, byte[]> files = new SiteFiles(builder.project()).itemExtras(l, edited, true);
            if (!sameRedirects) {
                Set<String> others = new HashSet<>(last.paths); // every other file: no alias may replace it
                others.removeAll(last.redirects);
                removed.forEach(others::remove);
                // an aliased page's files are copies of its item's: those of unedited items are made again to copy
                List<Item> aliased = l.archive().items().stream().filter(i -> !i.aliases().isEmpty() && !edited.contains(i)).toList();
                Map<String, byte[]> unchanged = new SiteFiles(builder.project()).itemExtras(l, aliased, true);
                unchanged.keySet().removeAll(files.keySet());
                Map<String, byte[]> all = new java.util.TreeMap<>(unchanged);
                all.putAll(files);
                Redirects.add(l.archive().items(), plannedPaths, others, all, l.site(), SiteFiles.pathHeaders(l), d);
                all.keySet().removeAll(unchanged.keySet());
                return all;
            }
            return files;
        }

        @Override
        Set<String> sitePaths(Set<String> written) {
            return new Live.PathsAfter(last.paths, removed, written);
        }

        @Override
        Map<String, LinkChecker.Page> pagesToCheck(Map<String, LinkChecker.Page> read, Path out) {
            if (!Live.lostTargets(last, read, removed)) return read;
            Map<String, LinkChecker.Page> all = new HashMap<>(Live.readAll(out, last.ids.keySet(), read.keySet()));
            removed.forEach(all::remove);
            all.putAll(read);
            return all;
        }

        @Override
        Function<String, Set<String>> anchors(Map<String, LinkChecker.Page> read) {
            return p -> {
                LinkChecker.Page page = read.get(p);
                return page != null ? page.ids() : removed.contains(p) ? null : last.ids.get(p);
            };
        }

        @Override
        boolean checksLedger() {
            return !removed.isEmpty();
        }

        @Override
        Indexed index(SiteWriter.Transaction tx, Map<String, LinkChecker.Page> read, Project project) {
            return new Indexed(0, 0, false); // left to Live.finish(), with the data exports and the whole-site lists
        }

        @Override
        Set<String> urls(Set<String> sitePaths) {
            return Set.of();
        }

        @Override
        void remember(Map<String, LinkChecker.Page> read, Set<String> paths, TemplateRenderer renderer, GitVersion version) {
            live.renderer = renderer;
            last.update(l.archive(), l.factory(), Live.shapes(planned), removed, deps, read, paths, deferred);
            live.state.redirects = redirects;
        }
    }
}
