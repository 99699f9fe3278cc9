package org.evidencearchive.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import org.evidencearchive.pipeline.Project;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code archive bench generate}: a synthetic archive in the real content format. */
@Command(name = "generate", mixinStandardHelpOptions = true,
        description = "Write a synthetic archive (real content format) for benchmarks into OUT/content.")
final class BenchGenerateCommand implements Callable<Integer> {
    @Option(names = "--sources", required = true, description = "How many sources.")
    int sources;
    @Option(names = "--claims-per-source", defaultValue = "3", description = "Claims per source (default 3).")
    int claims;
    @Option(names = "--out", required = true, description = "Folder to write (OUT/content).")
    Path out;
    @Option(names = "--seed", defaultValue = "1", description = "Random seed (same seed, same archive).")
    long seed;
    @Option(names = "--reuse", description = "Keep OUT/content if this generator wrote it with these options; else write it anew.")
    boolean reuse;

    @Override
    public Integer call() throws IOException {
        Path marker = out.resolve("content").resolve(".generated");
        String made = "generator " + org.evidencearchive.bench.Generator.VERSION + " sources " + sources + " claims " + claims + " seed " + seed + "\n";
        if (reuse && Files.isRegularFile(marker) && Files.readString(marker).equals(made)) {
            System.err.println("reusing the synthetic archive in " + out + "/content");
            return 0;
        }
        if (reuse && Files.isDirectory(out.resolve("content"))) {
            System.err.println("the synthetic archive in " + out + "/content is from another generator or other options: writing it anew");
            org.evidencearchive.publish.SiteWriter.delete(out.resolve("content"));
        }
        Path vocabulary = Project.at(Path.of(".")).content().resolve("sources");
        new org.evidencearchive.bench.Generator(org.evidencearchive.bench.Generator.vocabularyOf(vocabulary), seed)
                .write(out, sources, claims);
        for (String part : new String[] {"templates", "assets", "site-config"}) {
            Path from = Path.of(part);
            if (Files.isDirectory(from) && !Files.exists(out.resolve(part))) copyTree(from, out.resolve(part));
        }
        // the ledgers are this project's: a generated archive starts with none
        for (String ledger : new String[] {"urls.txt", "fixity.txt", "identifiers.txt"}) {
            Files.deleteIfExists(out.resolve("site-config").resolve(ledger));
        }
        Files.writeString(marker, made);
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
