package org.evidencearchive.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.evidencearchive.pipeline.Builder;
import org.evidencearchive.pipeline.Progress;
import org.evidencearchive.pipeline.Project;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code archive build}: builds the site into the output folder, all or nothing. */
@Command(name = "build", mixinStandardHelpOptions = true, description = "Build the site (atomically) into target/site/.")
final class BuildCommand implements Callable<Integer> {
    @CommandLine.Mixin
    Main.Common common = new Main.Common();
    @Option(names = "--out", description = "Output folder (default: ROOT/target/site).")
    Path out;
    @Option(names = "--timings", description = "Print each pipeline stage's wall and CPU time, peak heap and RSS.")
    boolean timings;
    @Option(names = "--timings-json", paramLabel = "FILE", description = "Write the stages' measurements as JSON (for benchmarks).")
    Path timingsJson;
    @Option(names = {"-q", "--quiet"}, description = "Print nothing but errors: no progress line, no summary.")
    boolean quiet;
    @Option(names = {"-f", "--force"}, description = "Build even when the site is up to date (its inputs and output unchanged since the last build).")
    boolean force;

    @Override
    public Integer call() {
        Project p = common.project();
        if (out != null) p = p.withOut(out);
        try {
            p.checkOut();
        } catch (org.evidencearchive.publish.SiteWriter.NotASiteException e) {
            System.err.println("archive build: refusing --out " + Project.display(p.out()) + ": " + e.getMessage());
            System.err.println("  hint: " + Builder.OUT_HINT);
            return Main.USAGE;
        }
        long t0 = System.nanoTime();
        Builder.Result r;
        try (Progress progress = Progress.forTerminal(System.err, quiet)) {
            r = new Builder(p).progress(progress).buildUnlessUpToDate(force);
        }
        int code = Main.report(r.diagnostics(), "text");
        if (code == 0) {
            if (!quiet) System.err.print(summary(r, Project.display(p.out()), (System.nanoTime() - t0) / 1_000_000));
            if (timings) System.err.print(r.timings().table());
            if (timingsJson != null) {
                try {
                    Map<String, Object> json = new LinkedHashMap<>();
                    json.put("pages", r.pagesWritten());
                    json.put("totalMs", (System.nanoTime() - t0) / 1_000_000);
                    json.put("upToDate", r.upToDate());
                    json.put("published", r.published());
                    json.put("stages", r.timings().measured());
                    new ObjectMapper().writerWithDefaultPrettyPrinter().writeValue(timingsJson.toFile(), json);
                } catch (IOException e) {
                    System.err.println("archive build: cannot write " + timingsJson + ": " + e.getMessage());
                    return Main.USAGE;
                }
            }
        }
        return code;
    }

    /** What a build did, as Hugo sums it up: pages, files written, unchanged and removed, redirects, the search index. */
    static String summary(Builder.Result r, String out, long ms) {
        StringBuilder s = new StringBuilder(r.upToDate()
                ? String.format(Locale.ROOT, "%s is up to date (%d pages; inputs and output unchanged since the last build, nothing written)"
                        + " in %d ms%n", out, r.pagesWritten(), ms)
                : String.format(Locale.ROOT, "built %d pages into %s in %d ms%n", r.pagesWritten(), out, ms));
        if (r.published() != null) {
            s.append(String.format(Locale.ROOT, "  files      %,d written, %,d unchanged, %,d removed%n", r.published().written(),
                    r.published().unchanged(), r.published().removed()));
        }
        if (r.extent() != null) {
            s.append(String.format(Locale.ROOT, "  redirects  %,d%n", r.extent().redirects()));
            s.append(String.format(Locale.ROOT, "  search     %,d files, %.1f MB%s%n", r.extent().searchFiles(),
                    r.extent().searchBytes() / 1e6, r.extent().searchKept() && !r.upToDate() ? " (kept: its documents are unchanged)" : ""));
        }
        return s.toString();
    }
}
