package org.evidencearchive.pipeline;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

import org.evidencearchive.check.Diagnostics;
import org.evidencearchive.publish.GitVersion;
import org.evidencearchive.publish.SiteWriter;

/**
 * {@code archive build}'s up-to-date check, as Gradle's and Bazel's: when the inputs' {@link Fingerprint} is the one
 * the last successful build into the same output recorded ({@link BuildRecord}) and the output is still as that
 * build left it ({@link OutputManifest}), nothing is built or written and the result says so. Otherwise (or when
 * forced) the record is removed before the output can change, a full build runs — keeping the last search index
 * when its inputs are the same ({@link SearchReuse}; not when forced) — and only once it has published does it
 * record itself, with the output as it published it (read while it still holds the output's lock, so that a publish
 * right after it is not taken for its own). A build that fails records nothing, so the one after it is full.
 */
final class UpToDate {
    /**
     * What the check read before a build, handed to it so that it is read once: the tool's fingerprint, git versions,
     * stages timed, the index; and what reads the output once it is published, before another publish may change it.
     */
    record Prepared(String tool, GitVersion version, GitVersion.Files history, Timings timings, SearchReuse search,
                    Consumer<Path> published) {}

    /** Run between a build's publish and its record (tests publish something else there); nothing by default. */
    Runnable afterPublish = () -> {};

    private final Builder builder;
    private final Project project;
    private final Progress progress;
    private final String tool;

    /** {@code tool}: the tool's fingerprint ({@link Fingerprint#tool()}; tests give their own), null if not known. */
    UpToDate(Builder builder, Progress progress, String tool) {
        this.builder = builder;
        this.project = builder.project();
        this.progress = progress;
        this.tool = tool;
    }

    /** Returns the result of a build, or of finding the site up to date (then nothing was written). */
    Builder.Result build(boolean force) {
        try {
            project.checkOut();
        } catch (SiteWriter.NotASiteException e) {
            return builder.build(); // refused, as a build refuses it
        }
        Timings timings = new Timings();
        progress.stage("checking what changed", 0);
        Path recordFile = BuildRecord.file(project);
        GitVersion version = GitVersion.of(project.root(), project.content());
        GitVersion.Files history = version == GitVersion.UNVERSIONED ? new GitVersion.Files(Map.of(), Map.of())
                : GitVersion.history(project.root(), project.content());
        BuildRecord last = BuildRecord.read(recordFile);
        String inputs;
        try {
            inputs = tool == null || recordFile == null ? null : Fingerprint.of(project, tool, version, history);
            timings.lap("fingerprint");
            if (!force && inputs != null && last != null && inputs.equals(last.inputs())) {
                boolean same = last.output().equals(OutputManifest.of(project.out()));
                timings.lap("compare");
                if (same) return upToDate(last, timings);
            }
            BuildRecord.delete(recordFile); // the output may change from here
        } catch (IOException e) {
            Diagnostics d = new Diagnostics();
            d.error(Project.display(project.out()), 0, "cannot read the inputs or the output: " + e.getMessage(),
                    "check that the project's folders are readable; the previous site is unchanged");
            return new Builder.Result(d, null, 0, Set.of(), timings);
        }
        SearchReuse search = new SearchReuse(inputs == null ? null : tool, force ? null : last);
        // the output as this build published it, read under its lock: a publish just after (serve's, another
        // build's) must not be recorded as this build's output, or the next build would keep it as up to date
        AtomicReference<OutputManifest.Walked> left = new AtomicReference<>();
        Consumer<Path> published = out -> {
            if (inputs == null) return;
            try {
                left.set(OutputManifest.walk(out, Set.copyOf(search.paths())));
            } catch (IOException e) {
                // not recorded: the next build is a full one
            }
        };
        Builder.Result r = builder.buildAfter(new Prepared(tool, version, history, timings, search, published));
        afterPublish.run();
        if (r.ok() && left.get() != null) record(recordFile, inputs, r, search, left.get());
        timings.lap("record");
        return r;
    }

    /** Records a build that published: its inputs, the output it left, its summary, its search index. */
    private void record(Path file, String inputs, Builder.Result r, SearchReuse search, OutputManifest.Walked out) {
        try {
            OutputManifest index = search.key() == null ? null : out.part();
            new BuildRecord(inputs, out.all(), r.pagesWritten(),
                    r.published().written() + r.published().unchanged(), r.extent().redirects(), r.extent().searchFiles(),
                    r.extent().searchBytes(), index == null ? null : search.key(), index == null ? OutputManifest.NONE : index,
                    search.paths()).write(file);
        } catch (IOException e) {
            // the site is published; without a record the next build is a full one
        }
    }

    /** The result of a build that found the site up to date: what the last build published, none of it written now. */
    private static Builder.Result upToDate(BuildRecord last, Timings timings) {
        return new Builder.Result(new Diagnostics(), null, last.pages(), Set.of(), timings,
                new SiteWriter.Published(0, last.files(), 0),
                new Builder.Extent(last.redirects(), last.searchFiles(), last.searchBytes(), true), true);
    }
}
