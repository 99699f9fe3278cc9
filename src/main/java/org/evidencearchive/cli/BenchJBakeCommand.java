package org.evidencearchive.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import org.evidencearchive.pipeline.Project;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code archive bench jbake}: stock JBake baking plain pages, the baseline of BENCHMARKS.md. */
@Command(name = "jbake", mixinStandardHelpOptions = true,
        description = "Write N plain pages in JBake's format into OUT and bake them with stock JBake 2.7.0 (its Oven).")
final class BenchJBakeCommand implements Callable<Integer> {
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
