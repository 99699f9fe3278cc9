package org.evidencearchive.pipeline;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.evidencearchive.check.Diagnostics;
import org.evidencearchive.config.SiteConfig;
import org.evidencearchive.content.ContentParser;
import org.evidencearchive.publish.GitVersion;
import org.evidencearchive.publish.LinkChecker;
import org.evidencearchive.render.PageFactory;
import org.evidencearchive.render.PageSpec;
import org.evidencearchive.render.TemplateRenderer;
import org.evidencearchive.graph.Archive;
import org.evidencearchive.graph.Key;
import org.evidencearchive.graph.LinkMemo;
import org.evidencearchive.graph.Reads;

/**
 * A build that remembers, for {@code archive serve}: after an edit to content files, the next build re-parses
 * only the files that changed, re-links re-using the work of unchanged items, and renders and writes only
 * the pages whose models read something the edit changed ({@link Reads}); the data exports and the search
 * index, which read everything, follow in {@link #finish()}. A change to templates, assets or settings makes
 * the next build a full one. What is published is the same as a full build of the same files.
 */
public final class Live {
    final ContentParser.Session parse = new ContentParser.Session();
    final LinkMemo memo = new LinkMemo();
    final org.evidencearchive.render.BodyChecks bodyChecks = new org.evidencearchive.render.BodyChecks();
    final org.evidencearchive.evidence.EvidenceChecks.Memo evidence = new org.evidencearchive.evidence.EvidenceChecks.Memo();
    private final Project project;
    volatile State state;
    TemplateRenderer renderer;

    /** Pages that list the whole site: a live build leaves them to {@link #finish()}, with the search index. */
    static final Set<String> DEFERRED = Set.of("feed.xml", "sitemap.xml");

    /**
     * What the published site is and how its pages were made, updated in place by each live build that
     * publishes (so that an edit costs what it changes, not what the site holds).
     */
    static final class State {
        Archive archive;
        PageFactory factory;
        final SiteConfig site;
        final GitVersion version;
        final Map<Path, GitVersion> versions;
        /** Each planned page's shape (pages chosen at planning, such as one page of an index). */
        Map<String, String> shapes;
        /** Each page's {@link Reads} keys. */
        final Map<String, Set<Key>> deps;
        /** Each {@link Reads} key's pages (deps inverted): an edit finds the pages it affects without a pass over all. */
        final Map<Key, Set<String>> readers = new java.util.HashMap<>();
        /** Each HTML page's anchors, for the link gate. */
        final Map<String, Set<String>> ids;
        /** Every file published but the search index and the data exports. */
        final Set<String> paths;
        /** The redirect pages the items' aliases made. */
        Set<String> redirects = Set.of();
        /** Pages left for {@link #finish()}. */
        final Map<String, PageSpec> deferred = new java.util.TreeMap<>();
        /** Whether the deferred pages, the data exports and the search index match this state. */
        volatile boolean complete = true;
        /** Counts updates, so that a finish started before one does not publish after it. */
        volatile long generation;

        State(Archive archive, SiteConfig site, PageFactory factory, GitVersion version, Map<Path, GitVersion> versions,
              Map<String, String> shapes, Map<String, Set<Key>> deps, Map<String, Set<String>> ids, Set<String> paths) {
            this.archive = archive;
            this.site = site;
            this.factory = factory;
            this.version = version;
            this.versions = versions;
            this.shapes = shapes;
            this.deps = new java.util.HashMap<>(deps);
            this.deps.forEach(this::index);
            this.ids = ids;
            this.paths = new java.util.HashSet<>(paths);
        }

        /** Records a published live build: its archive, its rendered pages and what it removed. */
        void update(Archive archive, PageFactory factory, Map<String, String> shapes, List<String> removed,
                    Map<String, Set<Key>> rendered, Map<String, LinkChecker.Page> read, Set<String> written,
                    List<PageSpec> deferredPages) {
            this.archive = archive;
            this.factory = factory;
            this.shapes = shapes;
            for (String r : removed) {
                unindex(r);
                deps.remove(r);
                ids.remove(r);
                paths.remove(r);
            }
            rendered.forEach((page, keys) -> {
                unindex(page);
                deps.put(page, keys);
                index(page, keys);
            });
            read.forEach((p, page) -> ids.put(p, page.ids()));
            paths.addAll(written);
            deferredPages.forEach(p -> deferred.put(p.path(), p)); // the newest plan of each page waiting
            complete = false;
            generation++;
        }

        private void index(String page, Set<Key> keys) {
            for (Key k : keys) readers.computeIfAbsent(k, x -> new java.util.HashSet<>()).add(page);
        }

        private void unindex(String page) {
            Set<Key> keys = deps.get(page);
            if (keys == null) return;
            for (Key k : keys) {
                Set<String> pages = readers.get(k);
                if (pages == null) continue;
                pages.remove(page);
                if (pages.isEmpty()) readers.remove(k);
            }
        }

        List<PageSpec> deferred() {
            return List.copyOf(deferred.values());
        }
    }

    /** A site's files after a live build: those it had, less those removed, plus those written. */
    static final class PathsAfter extends java.util.AbstractSet<String> {
        private final Set<String> before;
        private final Set<String> removed;
        private final Set<String> written;

        PathsAfter(Set<String> before, Collection<String> removed, Set<String> written) {
            this.before = before;
            this.removed = new java.util.HashSet<>(removed);
            this.written = written;
        }

        @Override
        public boolean contains(Object o) {
            return written.contains(o) || before.contains(o) && !removed.contains(o);
        }

        @Override
        public java.util.Iterator<String> iterator() {
            Set<String> all = new java.util.HashSet<>(before);
            all.removeAll(removed);
            all.addAll(written);
            return all.iterator();
        }

        @Override
        public int size() {
            int n = 0;
            for (String s : this) n++;
            return n;
        }
    }

    /** Each planned page's shape, by path. */
    static Map<String, String> shapes(List<PageSpec> planned) {
        Map<String, String> shapes = new java.util.HashMap<>();
        for (PageSpec p : planned) if (p.shape() != null) shapes.put(p.path(), p.shape());
        return shapes;
    }

    /** Starts a live build of a project; the first build is a full one. */
    public Live(Project project) {
        this.project = project;
    }

    /** Notes files that changed: content files are re-read one by one; any other change means a full build. */
    public synchronized void changed(Collection<Path> paths) {
        Path content = project.content().toAbsolutePath().normalize();
        for (Path p : paths) {
            Path abs = p.toAbsolutePath().normalize();
            // The measure vocabulary is read by every page that shows a figure: a change to it is a full build.
            if (abs.startsWith(content) && !abs.equals(content.resolve(org.evidencearchive.content.Measures.FILE))) {
                parse.changed(List.of(p));
            } else {
                state = null;
                renderer = null;
                parse.reset();
            }
        }
    }

    /** Builds, re-rendering only what the changes noted since the last build affect. */
    public synchronized Builder.Result build() {
        return build(Progress.NONE);
    }

    /** Builds as {@link #build()} does, showing its stages on a progress line (serve does, for its first build). */
    public synchronized Builder.Result build(Progress progress) {
        return new Builder(project).progress(progress).build(this);
    }

    /** Whether the data exports and the search index still have to catch up with the last build. */
    public boolean behind() {
        State s = state;
        return s != null && !s.complete;
    }

    /**
     * Brings the data exports and the search index up to date with the last build (slow on a large archive:
     * run it after the pages are visible). Does nothing if another build published in the meantime.
     */
    public Diagnostics finish() {
        return new Builder(project).finish(this);
    }

    /** The planned pages to render: new ones, those whose shape changed, and those that read a changed key. */
    static List<PageSpec> affected(List<PageSpec> planned, State last, Set<Key> changed, boolean sameItems) {
        Set<String> read = new java.util.HashSet<>();
        for (Key k : changed) read.addAll(last.readers.getOrDefault(k, Set.of()));
        // With the same items, the only pages that can be new or planned otherwise are those planned as slices.
        return planned.parallelStream().filter(p -> read.contains(p.path())
                || (p.shape() != null || !sameItems)
                && (!last.deps.containsKey(p.path()) || !Objects.equals(p.shape(), last.shapes.get(p.path())))).toList();
    }

    /**
     * The files of the last build that the new one no longer has: its gone pages, and their items' files. None is
     * gone when as many pages are planned as were built and none of the affected pages is new.
     */
    static List<String> removed(State last, Set<String> planned, List<PageSpec> affected) {
        if (planned.size() == last.deps.size() && affected.stream().allMatch(p -> last.deps.containsKey(p.path()))) {
            return List.of();
        }
        List<String> out = new ArrayList<>();
        for (String page : last.deps.keySet()) {
            if (planned.contains(page)) continue;
            out.add(page);
            if (page.endsWith("/index.html")) {
                String dir = page.substring(0, page.length() - "index.html".length());
                for (String f : org.evidencearchive.publish.Redirects.DOWNLOADS) {
                    if (last.paths.contains(dir + f)) out.add(dir + f);
                }
                if (last.paths.contains(dir + "timemap.link")) { // a source's TimeMap and versions of its text
                    out.add(dir + "timemap.link");
                    last.paths.stream().filter(f -> f.startsWith(dir + "versions/")).forEach(out::add);
                }
            }
        }
        return out;
    }

    /** Adds to the files a live build removes the redirect pages of aliases that are gone (unless a page is there now). */
    static List<String> withGoneRedirects(List<String> removed, State last, Set<String> redirects, Set<String> planned) {
        List<String> gone = last.redirects.stream().filter(f -> !redirects.contains(f) && !planned.contains(f)).sorted().toList();
        if (gone.isEmpty()) return removed;
        List<String> all = new ArrayList<>(removed);
        all.addAll(gone);
        return all;
    }

    /** Wraps each page's recipe so that what it reads is recorded under the page's path. */
    static List<PageSpec> recording(List<PageSpec> pages, Map<String, Set<Key>> deps) {
        return pages.stream().map(p -> new PageSpec(p.path(), p.template(), () -> {
            Reads.Recorded<Map<String, Object>> r = Reads.during(p.recipe());
            deps.put(p.path(), Set.copyOf(r.keys()));
            return r.value();
        }, p.shape())).toList();
    }

    /**
     * Whether links on pages that were not re-rendered may now be broken: a page is gone, or a re-rendered page
     * lost an anchor it had.
     */
    static boolean lostTargets(State last, Map<String, LinkChecker.Page> read, List<String> removed) {
        if (!removed.isEmpty()) return true;
        for (var e : read.entrySet()) {
            Set<String> before = last.ids.get(e.getKey());
            if (before != null && !e.getValue().ids().containsAll(before)) return true;
        }
        return false;
    }

    /** Reads the published pages not re-rendered, so that every link of the site is checked again. */
    static Map<String, LinkChecker.Page> readAll(Path out, Set<String> pages, Set<String> skip) {
        Map<String, LinkChecker.Page> read = new ConcurrentHashMap<>();
        pages.parallelStream().filter(p -> !skip.contains(p)).forEach(p -> {
            try {
                Path f = out.resolve(p);
                if (Files.isRegularFile(f)) read.put(p, LinkChecker.read(Files.readAllBytes(f)));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        return read;
    }
}
