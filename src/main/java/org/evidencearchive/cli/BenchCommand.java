package org.evidencearchive.cli;

import java.util.concurrent.Callable;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code archive bench}: the benchmark helpers (a synthetic archive, stock JBake). */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Benchmarks: generate a synthetic archive; bake plain pages with stock JBake for comparison.",
        subcommands = {BenchGenerateCommand.class, BenchJBakeCommand.class})
final class BenchCommand implements Callable<Integer> {
    @Override
    public Integer call() {
        new CommandLine(this).usage(System.err);
        return Main.USAGE;
    }
}
