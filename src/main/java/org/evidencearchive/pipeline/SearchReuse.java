package org.evidencearchive.pipeline;

import java.io.IOException;
import java.util.List;
import java.util.Set;

import org.evidencearchive.graph.Archive;
import org.evidencearchive.publish.Precompressed;
import org.evidencearchive.publish.SiteWriter;

/**
 * The search index of a whole build: the last build's index files, kept as they are, when this build's search
 * documents, options, vocabulary and tool are those the last index was made from ({@link SearchDocuments.Inputs#key})
 * and its files are still as that build published them (a template or a style edited changes neither); otherwise
 * a new index. Indexing is deterministic, so the files kept are byte for byte those it would make. It also notes
 * what the build's record must say about the index it published.
 */
final class SearchReuse {
    private final String tool;
    private final BuildRecord last;
    private String key;
    private final Set<String> paths = java.util.concurrent.ConcurrentHashMap.newKeySet();

    /**
     * {@code tool}: this build's tool ({@link Fingerprint#tool()}), or null (nothing is reused or recorded);
     * {@code last}: the record of the last build into the same output, or null.
     */
    SearchReuse(String tool, BuildRecord last) {
        this.tool = tool;
        this.last = last;
    }

    /** No reuse: a live build, or a build that records nothing. */
    static SearchReuse none() {
        return new SearchReuse(null, null);
    }

    /** Publishes the archive's index into {@code tx}: the last build's files, or new ones as they are made. */
    Scope.Indexed publish(SiteWriter.Transaction tx, Archive archive, Project project) throws IOException {
        SearchDocuments.Inputs inputs = SearchDocuments.inputs(archive, project);
        key = tool == null ? null : inputs.key(tool);
        if (key != null && last != null && key.equals(last.searchKey())
                && last.searchOutput().equals(OutputManifest.ofFiles(project.out(), last.searchPaths()))) {
            for (String p : last.searchPaths()) tx.keep(p);
            paths.addAll(last.searchPaths());
            return new Scope.Indexed(last.searchFiles(), last.searchBytes(), true);
        }
        java.util.concurrent.atomic.AtomicInteger files = new java.util.concurrent.atomic.AtomicInteger();
        java.util.concurrent.atomic.AtomicLong bytes = new java.util.concurrent.atomic.AtomicLong();
        // the index's files (and their gzip twins) go to the transaction as they are made (from several threads):
        // they are never all in memory at once; the summary counts the index's own files
        inputs.index().forEachFile((path, data) -> {
            files.incrementAndGet();
            bytes.addAndGet(data.length);
            Precompressed.put((p, b) -> {
                paths.add(p);
                tx.put(p, b);
            }, "search/" + path, data);
        });
        return new Scope.Indexed(files.get(), bytes.get(), false);
    }

    /** What the published index was made from (null when the tool is not known). */
    String key() {
        return key;
    }

    /** The published index's files (with their twins), sorted. */
    List<String> paths() {
        return paths.stream().sorted().toList();
    }
}
