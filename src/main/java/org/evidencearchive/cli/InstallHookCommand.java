package org.evidencearchive.cli;

import java.io.IOException;
import java.util.concurrent.Callable;

import org.evidencearchive.pipeline.Git;
import org.evidencearchive.pipeline.PreCommitHook;
import org.evidencearchive.pipeline.Project;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code archive install-hook}: installs the git pre-commit hook that checks what is being committed. */
@Command(name = "install-hook", mixinStandardHelpOptions = true,
        description = "Install a git pre-commit hook that runs 'archive check --staged' on what is being committed.")
final class InstallHookCommand implements Callable<Integer> {
    @CommandLine.Mixin
    Main.Common common = new Main.Common();

    @Override
    public Integer call() throws IOException {
        try {
            System.err.println("installed " + Project.display(PreCommitHook.install(common.project().root())));
            return 0;
        } catch (Git.Failure e) {
            System.err.println("archive install-hook: " + e.getMessage());
            return Main.USAGE;
        } catch (PreCommitHook.Foreign e) {
            System.err.println("archive install-hook: " + e.getMessage());
            return Main.CONTENT_ERRORS;
        }
    }
}
