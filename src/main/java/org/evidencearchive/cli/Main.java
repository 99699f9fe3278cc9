package org.evidencearchive.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.evidencearchive.pipeline.Project;
import org.evidencearchive.check.Diagnostic;
import org.evidencearchive.check.Diagnostics;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** The {@code archive} command: argument handling only; the work is in the pipeline's packages. */
@Command(name = "archive", mixinStandardHelpOptions = true, version = "archive 0.1.0",
        description = "Builds, checks and previews an annotated evidence archive.",
        subcommands = {BuildCommand.class, CheckCommand.class, ServeCommand.class, NewCommand.class, LedgerCommand.class,
                InstallHookCommand.class, BenchCommand.class})
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
        @Option(names = "--root", description = "The archive's root folder (default: the archive ./archive belongs to; the current folder when the jar is run by itself).",
                defaultValue = "${sys:archive.root:-.}", converter = ExistingFolder.class)
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

    /** A folder that is there: a --root that is not is bad usage (exit 2), not an archive with errors. */
    static final class ExistingFolder implements CommandLine.ITypeConverter<Path> {
        @Override
        public Path convert(String value) {
            Path p = Path.of(value);
            if (!java.nio.file.Files.isDirectory(p)) throw new CommandLine.TypeConversionException("no folder '" + value + "'");
            return p;
        }
    }

    static int report(Diagnostics diagnostics, String format) {
        List<Diagnostic> all = diagnostics.sorted();
        long errors = diagnostics.errorCount();
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
