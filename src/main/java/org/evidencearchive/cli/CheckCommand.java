package org.evidencearchive.cli;

import java.io.IOException;
import java.util.concurrent.Callable;

import org.evidencearchive.pipeline.Builder;
import org.evidencearchive.pipeline.Git;
import org.evidencearchive.pipeline.StagedTree;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code archive check}: reports every problem of the archive (or of what is staged for a commit), writes nothing. */
@Command(name = "check", mixinStandardHelpOptions = true, description = "Check the whole archive without writing the site.")
final class CheckCommand implements Callable<Integer> {
    @CommandLine.Mixin
    Main.Common common = new Main.Common();
    @Option(names = "--format", description = "text (default) or json (for CI annotations).", defaultValue = "text")
    String format;
    @Option(names = "--staged", description = "Check what 'git commit' would record (the index), not the working "
            + "tree: untracked and unstaged files are left out. The pre-commit hook runs this.")
    boolean staged;

    @Override
    public Integer call() throws IOException {
        if (!format.equals("text") && !format.equals("json")) {
            System.err.println("archive check: --format must be text or json, not '" + format + "'");
            return Main.USAGE;
        }
        int code;
        if (staged) {
            try (StagedTree tree = StagedTree.export(common.project())) {
                code = Main.report(tree.asInWorkingTree(new Builder(tree.project()).check().diagnostics()), format);
            } catch (Git.Failure e) {
                System.err.println("archive check --staged: " + e.getMessage());
                return Main.USAGE;
            }
        } else {
            code = Main.report(new Builder(common.project()).check().diagnostics(), format);
        }
        if (code == 0 && format.equals("text")) System.err.println(staged ? "no problems found in the staged files" : "no problems found");
        return code;
    }
}
