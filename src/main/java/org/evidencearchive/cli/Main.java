package org.evidencearchive.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.evidencearchive.build.Builder;
import org.evidencearchive.build.Project;
import org.evidencearchive.check.Diagnostic;
import org.evidencearchive.content.Fields;
import org.evidencearchive.content.Scaffold;
import org.evidencearchive.serve.DevServer;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** The {@code archive} command: argument handling only; the work is in the pipeline's packages. */
@Command(name = "archive", mixinStandardHelpOptions = true, version = "archive 0.1.0",
        description = "Builds, checks and previews an annotated evidence archive.",
        subcommands = {Main.Build.class, Main.Check.class, Main.Serve.class, Main.New.class, Main.Ledger.class,
                Main.InstallHook.class, Main.Bench.class})
public final class Main implements Callable<Integer> {
    /** Lucene advises on the Vector API through java.util.logging; the advice is noise for an editor. */
    private static final java.util.logging.Logger LUCENE_LOG = java.util.logging.Logger.getLogger("org.apache.lucene");

    static {
        LUCENE_LOG.setLevel(java.util.logging.Level.SEVERE);
    }

    /** Exit code when the content has errors. */
    static final int CONTENT_ERRORS = 1;
    /** Exit code for bad usage. */
    static final int USAGE = 2;
    /** Exit code for an internal error, running out of memory included. */
    static final int INTERNAL = 3;

    @Override
    public Integer call() {
        new CommandLine(this).usage(System.err);
        return USAGE;
    }

    /** Options shared by commands that read an archive. */
    static class Common {
        @Option(names = "--root", description = "The archive's root folder (default: current folder).", defaultValue = ".")
        Path root;
        @Option(names = "--content", description = "Content folder (default: ROOT/content).")
        Path content;
        @Option(names = "--verbose", description = "Show stack traces of internal errors.")
        boolean verbose;

        Project project() {
            Project p = Project.at(root);
            return content == null ? p : p.withContent(content);
        }
    }

    @Command(name = "build", mixinStandardHelpOptions = true, description = "Build the site (atomically) into target/site/.")
    static final class Build implements Callable<Integer> {
        @CommandLine.Mixin
        Common common = new Common();
        @Option(names = "--out", description = "Output folder (default: ROOT/target/site).")
        Path out;
        @Option(names = "--timings", description = "Print each pipeline stage's wall and CPU time, peak heap and RSS.")
        boolean timings;
        @Option(names = "--timings-json", paramLabel = "FILE", description = "Write the stages' measurements as JSON (for benchmarks).")
        Path timingsJson;

        @Override
        public Integer call() {
            Project p = common.project();
            if (out != null) p = p.withOut(out);
            try {
                p.checkOut();
            } catch (org.evidencearchive.publish.SiteWriter.NotASiteException e) {
                System.err.println("archive build: refusing --out " + Project.display(p.out()) + ": " + e.getMessage());
                System.err.println("  hint: " + Builder.OUT_HINT);
                return USAGE;
            }
            long t0 = System.nanoTime();
            Builder.Result r = new Builder(p).build();
            int code = report(r, "text");
            if (code == 0) {
                System.err.printf("built %d pages into %s in %d ms%n", r.pagesWritten(), Project.display(p.out()),
                        (System.nanoTime() - t0) / 1_000_000);
                if (timings) System.err.print(r.timings().table());
                if (timingsJson != null) {
                    try {
                        Map<String, Object> json = new LinkedHashMap<>();
                        json.put("pages", r.pagesWritten());
                        json.put("totalMs", (System.nanoTime() - t0) / 1_000_000);
                        json.put("published", r.published());
                        json.put("stages", r.timings().measured());
                        new ObjectMapper().writerWithDefaultPrettyPrinter().writeValue(timingsJson.toFile(), json);
                    } catch (IOException e) {
                        System.err.println("archive build: cannot write " + timingsJson + ": " + e.getMessage());
                        return USAGE;
                    }
                }
            }
            return code;
        }
    }

    @Command(name = "check", mixinStandardHelpOptions = true, description = "Check the whole archive without writing the site.")
    static final class Check implements Callable<Integer> {
        @CommandLine.Mixin
        Common common = new Common();
        @Option(names = "--format", description = "text (default) or json (for CI annotations).", defaultValue = "text")
        String format;

        @Override
        public Integer call() {
            if (!format.equals("text") && !format.equals("json")) {
                System.err.println("archive check: --format must be text or json, not '" + format + "'");
                return USAGE;
            }
            Builder.Result r = new Builder(common.project()).check();
            int code = report(r, format);
            if (code == 0 && format.equals("text")) System.err.println("no problems found");
            return code;
        }
    }

    @Command(name = "serve", mixinStandardHelpOptions = true,
            description = "Serve the site on http://127.0.0.1:8000/, rebuild on every change and reload open pages.")
    static final class Serve implements Callable<Integer> {
        @CommandLine.Mixin
        Common common = new Common();
        @Option(names = "--port", description = "Port (default 8000; 0 picks a free one).", defaultValue = "8000")
        int port;
        @Option(names = "--bind", description = "Address to listen on (default 127.0.0.1: this machine only; any other"
                + " makes the preview reachable from the network).",
                defaultValue = "127.0.0.1")
        String bind;

        @Override
        public Integer call() throws Exception {
            try (DevServer server = new DevServer(common.project(), bind, port, System.err::println)) {
                System.err.println("serving http://" + bind + ":" + server.port() + "/ — Ctrl-C to stop");
                Thread.currentThread().join();
            } catch (java.net.BindException e) {
                String why = String.valueOf(e.getMessage());
                System.err.println(why.contains("in use")
                        ? "archive serve: port " + port + " on " + bind + " is already in use; hint: stop what uses it, or"
                                + " choose another port with --port N (--port 0 picks a free one)"
                        : "archive serve: cannot listen on " + bind + ":" + port + ": " + why + "; hint: --bind takes an"
                                + " address of this machine, such as 127.0.0.1");
                return USAGE;
            } catch (java.net.UnknownHostException e) {
                System.err.println("archive serve: cannot listen on " + bind + ": no such address; hint: --bind takes an"
                        + " address of this machine, such as 127.0.0.1");
                return USAGE;
            }
            return 0;
        }
    }

    @Command(name = "new", mixinStandardHelpOptions = true,
            description = "Write a new item with valid front matter and a comment on every field.")
    static final class New implements Callable<Integer> {
        @CommandLine.Mixin
        Common common = new Common();
        @Parameters(index = "0", description = "source, commentary, claim, topic or person")
        String kind;
        @Parameters(index = "1", description = "the new item's id (lowercase letters, digits, hyphens)")
        String id;

        @Override
        public Integer call() throws IOException {
            if (!Scaffold.KINDS.contains(kind)) {
                System.err.println("archive new: unknown kind '" + kind + "'; use one of " + String.join(", ", Scaffold.KINDS));
                return USAGE;
            }
            if (!Fields.ID.matcher(id).matches()) {
                System.err.println("archive new: invalid id '" + id + "': use lowercase letters, digits and single hyphens, e.g. '"
                        + Fields.suggestId(id) + "'");
                return USAGE;
            }
            if (id.length() > Fields.MAX_ID_LENGTH) {
                System.err.println("archive new: id is too long: " + id.length() + " characters, at most " + Fields.MAX_ID_LENGTH);
                return USAGE;
            }
            Path file = common.project().content().resolve(Scaffold.folder(kind)).resolve(id + ".md");
            if (Files.exists(file)) {
                System.err.println("archive new: " + Project.display(file) + " already exists; nothing was written");
                return CONTENT_ERRORS;
            }
            Files.createDirectories(file.getParent());
            Files.writeString(file, Scaffold.file(kind, id));
            System.err.println("wrote " + Project.display(file));
            return 0;
        }
    }

    @Command(name = "ledger", mixinStandardHelpOptions = true,
            description = "Build, then record every published URL and new archived texts' checksums in site-config/.")
    static final class Ledger implements Callable<Integer> {
        @CommandLine.Mixin
        Common common = new Common();

        @Override
        public Integer call() throws IOException {
            Builder.Result r = new Builder(common.project()).updateLedger();
            int code = report(r, "text");
            if (code == 0) System.err.println("ledger: " + r.urls().size() + " published URLs recorded in site-config/");
            return code;
        }
    }

    @Command(name = "bench", mixinStandardHelpOptions = true,
            description = "Benchmarks: generate a synthetic archive; bake plain pages with stock JBake for comparison.",
            subcommands = {Main.BenchGenerate.class, Main.BenchJBake.class})
    static final class Bench implements Callable<Integer> {
        @Override
        public Integer call() {
            new CommandLine(this).usage(System.err);
            return USAGE;
        }
    }

    @Command(name = "jbake", mixinStandardHelpOptions = true,
            description = "Write N plain pages in JBake's format into OUT and bake them with stock JBake 2.7.0 (its Oven).")
    static final class BenchJBake implements Callable<Integer> {
        @Option(names = "--pages", required = true, description = "How many pages.")
        int pages;
        @Option(names = "--out", required = true, description = "Folder to write (OUT/content, OUT/output).")
        Path out;

        @Override
        public Integer call() throws IOException {
            Path vocabulary = Project.at(Path.of(".")).content().resolve("sources");
            org.evidencearchive.bench.JBakeBaseline.write(out, pages,
                    new org.evidencearchive.bench.Generator(org.evidencearchive.bench.Generator.vocabularyOf(vocabulary), 1));
            var r = org.evidencearchive.bench.JBakeBaseline.bake(out);
            System.out.printf(java.util.Locale.ROOT, "stock JBake 2.7.0 Oven: %d pages in %d ms (%.2f ms/page)%n",
                    r.pages(), r.bakeMs(), r.msPerPage());
            return 0;
        }
    }

    @Command(name = "generate", mixinStandardHelpOptions = true,
            description = "Write a synthetic archive (real content format) for benchmarks into OUT/content.")
    static final class BenchGenerate implements Callable<Integer> {
        @Option(names = "--sources", required = true, description = "How many sources.")
        int sources;
        @Option(names = "--claims-per-source", defaultValue = "3", description = "Claims per source (default 3).")
        int claims;
        @Option(names = "--out", required = true, description = "Folder to write (OUT/content).")
        Path out;
        @Option(names = "--seed", defaultValue = "1", description = "Random seed (same seed, same archive).")
        long seed;

        @Override
        public Integer call() throws IOException {
            Path vocabulary = Project.at(Path.of(".")).content().resolve("sources");
            new org.evidencearchive.bench.Generator(org.evidencearchive.bench.Generator.vocabularyOf(vocabulary), seed)
                    .write(out, sources, claims);
            for (String part : new String[] {"templates", "assets", "site-config"}) {
                Path from = Path.of(part);
                if (Files.isDirectory(from) && !Files.exists(out.resolve(part))) copyTree(from, out.resolve(part));
            }
            Files.deleteIfExists(out.resolve("site-config/urls.txt"));
            Files.deleteIfExists(out.resolve("site-config/fixity.txt"));
            System.err.println("wrote a synthetic archive of " + sources + " sources into " + out + "/content");
            return 0;
        }

        private static void copyTree(Path from, Path to) throws IOException {
            try (var s = Files.walk(from)) {
                for (Path p : s.sorted().toList()) {
                    Path t = to.resolve(from.relativize(p).toString());
                    if (Files.isDirectory(p)) Files.createDirectories(t);
                    else Files.copy(p, t);
                }
            }
        }
    }

    @Command(name = "install-hook", mixinStandardHelpOptions = true,
            description = "Install a git pre-commit hook that runs 'archive check'.")
    static final class InstallHook implements Callable<Integer> {
        @CommandLine.Mixin
        Common common = new Common();

        @Override
        public Integer call() throws IOException {
            Path hooks = common.project().root().resolve(".git/hooks");
            if (!Files.isDirectory(hooks)) {
                System.err.println("archive install-hook: " + Project.display(hooks) + " not found: is this a git checkout?");
                return USAGE;
            }
            Path hook = hooks.resolve("pre-commit");
            if (Files.exists(hook) && !Files.readString(hook).contains("archive check")) {
                System.err.println("archive install-hook: " + Project.display(hook) + " exists and is not ours; add './archive check' to it yourself");
                return CONTENT_ERRORS;
            }
            Files.writeString(hook, "#!/bin/sh\n# Installed by ./archive install-hook: refuse a commit whose archive has errors.\n"
                    + "exec ./archive check\n");
            try {
                Files.setPosixFilePermissions(hook, PosixFilePermissions.fromString("rwxr-xr-x"));
            } catch (UnsupportedOperationException ignored) {
                // Not a POSIX file system: git for Windows runs hooks without the executable bit.
            }
            System.err.println("installed " + Project.display(hook));
            return 0;
        }
    }

    static int report(Builder.Result r, String format) {
        List<Diagnostic> all = r.diagnostics().sorted();
        long errors = r.diagnostics().errorCount();
        if (format.equals("json")) {
            List<Map<String, Object>> list = new ArrayList<>();
            for (Diagnostic d : all) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("file", d.file());
                m.put("line", d.line());
                m.put("column", d.column());
                m.put("severity", d.severity().name().toLowerCase(java.util.Locale.ROOT));
                m.put("message", d.message());
                m.put("hint", d.hint());
                list.add(m);
            }
            try {
                System.out.println(new ObjectMapper().writerWithDefaultPrettyPrinter().writeValueAsString(Map.of("diagnostics", list)));
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        } else {
            PrintWriter err = new PrintWriter(System.err, true);
            for (Diagnostic d : all) err.println(d.format());
            if (errors > 0) err.println(errors + (errors == 1 ? " error" : " errors") + "; nothing was written");
        }
        return errors > 0 ? CONTENT_ERRORS : 0;
    }

    /** Runs the CLI and exits with its code: 0 success, 1 content errors, 2 bad usage, 3 internal error. */
    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs the CLI and returns its exit code. */
    public static int run(String... args) {
        boolean verbose = java.util.Arrays.asList(args).contains("--verbose");
        CommandLine cli = new CommandLine(new Main());
        cli.setExecutionExceptionHandler((ex, cmd, parsed) -> {
            if (outOfMemory(ex)) return reportOutOfMemory("archive " + cmd.getCommandName(), ex, verbose);
            System.err.println("internal error: " + ex);
            if (verbose) ex.printStackTrace();
            else System.err.println("(run again with --verbose for details)");
            return INTERNAL;
        });
        try {
            return cli.execute(args);
        } catch (OutOfMemoryError e) { // picocli hands on errors as they are
            CommandLine.ParseResult parsed = cli.getParseResult();
            String command = parsed != null && parsed.hasSubcommand()
                    ? "archive " + parsed.subcommand().commandSpec().name() : "archive";
            return reportOutOfMemory(command, e, verbose);
        }
    }

    /** Whether running out of heap is what made the command fail (directly or as a cause). */
    static boolean outOfMemory(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof OutOfMemoryError) return true;
        }
        return false;
    }

    /** Says in one line that the heap was too small and how to raise it; the stack trace only with --verbose. */
    private static int reportOutOfMemory(String command, Throwable e, boolean verbose) {
        System.err.println(outOfMemoryMessage(command, heapLimitBytes()));
        if (verbose) e.printStackTrace();
        return INTERNAL;
    }

    /**
     * The message for a command that ran out of heap: the limit it had and an option that doubles it,
     * rounded up to whole gigabytes (a build leaves the previous site untouched, so it can simply be rerun).
     */
    static String outOfMemoryMessage(String command, long heapLimitBytes) {
        long mb = heapLimitBytes >> 20;
        long suggestGb = Math.max(1, (2 * heapLimitBytes + (1L << 30) - 1) >> 30);
        return command + ": ran out of memory (heap limit " + mb + " MB); raise it with ARCHIVE_JAVA_OPTS=-Xmx"
                + suggestGb + "g";
    }

    /** The JVM's heap limit: -Xmx as given (or its default), else the usable maximum the runtime reports. */
    private static long heapLimitBytes() {
        try {
            var hotspot = java.lang.management.ManagementFactory.getPlatformMXBean(
                    com.sun.management.HotSpotDiagnosticMXBean.class);
            if (hotspot != null) return Long.parseLong(hotspot.getVMOption("MaxHeapSize").getValue());
        } catch (RuntimeException | LinkageError e) {
            // not a HotSpot JVM: fall back to what the runtime reports
        }
        return Runtime.getRuntime().maxMemory();
    }
}
