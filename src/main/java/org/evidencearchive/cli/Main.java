package org.evidencearchive.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import org.evidencearchive.build.Builder;
import org.evidencearchive.build.Project;
import org.evidencearchive.check.Diagnostic;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** The {@code archive} command: argument handling only; the work is in {@link Builder}. */
@Command(name = "archive", mixinStandardHelpOptions = true, version = "archive 0.1.0",
        description = "Builds and checks an annotated evidence archive.",
        subcommands = {Main.Build.class, Main.Check.class})
public final class Main implements Callable<Integer> {

    /** Exit code when the content has errors. */
    static final int CONTENT_ERRORS = 1;

    @Override
    public Integer call() {
        new CommandLine(this).usage(System.err);
        return 2;
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

        @Override
        public Integer call() {
            Project p = common.project();
            if (out != null) p = p.withOut(out);
            long t0 = System.nanoTime();
            Builder.Result r = new Builder(p).build();
            int code = report(r);
            if (code == 0) {
                System.err.printf("built %d pages into %s in %d ms%n", r.pagesWritten(), Project.display(p.out()),
                        (System.nanoTime() - t0) / 1_000_000);
            }
            return code;
        }
    }

    @Command(name = "check", mixinStandardHelpOptions = true, description = "Check the whole archive without writing the site.")
    static final class Check implements Callable<Integer> {
        @CommandLine.Mixin
        Common common = new Common();

        @Override
        public Integer call() {
            Builder.Result r = new Builder(common.project()).check();
            int code = report(r);
            if (code == 0) System.err.println("no problems found");
            return code;
        }
    }

    static int report(Builder.Result r) {
        PrintWriter err = new PrintWriter(System.err, true);
        for (Diagnostic d : r.diagnostics().sorted()) err.println(d.format());
        long errors = r.diagnostics().errorCount();
        if (errors > 0) {
            err.println(errors + (errors == 1 ? " error" : " errors") + "; nothing was written");
            return CONTENT_ERRORS;
        }
        return 0;
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
            System.err.println("internal error: " + ex);
            if (verbose) ex.printStackTrace();
            else System.err.println("(run again with --verbose for details)");
            return 3;
        });
        return cli.execute(args);
    }
}
