package org.evidencearchive.pipeline;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;

/**
 * The git pre-commit hook that refuses a commit whose staged archive has errors. It is installed where git
 * looks for hooks ({@code git rev-parse --git-path hooks}: {@code core.hooksPath} when set, and the hooks
 * shared by every worktree of the repository otherwise), and never over a hook of someone else's.
 */
public final class PreCommitHook {
    private PreCommitHook() {
    }

    /** The line that marks a hook as ours (hooks written by earlier versions have it too). */
    static final String MARK = "# Installed by ./archive install-hook";

    /**
     * The hook. git runs it in the top folder of the worktree being committed; {@code check --staged} reads the
     * index, through {@code GIT_INDEX_FILE} when git gives one (as it does for {@code git commit -a} or
     * {@code git commit FILE}).
     */
    static final String SCRIPT = "#!/bin/sh\n"
            + MARK + ": refuse a commit whose staged archive has errors.\n"
            + "# It checks what is being committed (the index), not the working tree. Skip it once: git commit --no-verify\n"
            + "./archive check --staged && exit 0\n"
            + "echo \"pre-commit: commit refused: the staged files have the errors above (git commit --no-verify skips this check)\" >&2\n"
            + "exit 1\n";

    /** Another pre-commit hook is installed; ours is not written over it. */
    public static final class Foreign extends Exception {
        /** Creates the refusal, naming the hook and what to do. */
        Foreign(Path hook) {
            super(Project.display(hook) + " exists and is not ours; add the line './archive check --staged' to it, "
                    + "or move it away and run ./archive install-hook again");
        }
    }

    /** Installs the hook for the archive whose root is the top folder of a git checkout; returns the hook file. */
    public static Path install(Path root) throws Git.Failure, Foreign, IOException {
        List<String> out = Git.revParseAtTop(root, "--git-path", "hooks");
        if (out.size() != 1) throw new Git.Failure("git rev-parse --git-path hooks gave no folder: " + out);
        Path hooks = root.resolve(out.get(0)).normalize();
        Path hook = hooks.resolve("pre-commit");
        if (Files.exists(hook) && !new String(Files.readAllBytes(hook), StandardCharsets.ISO_8859_1).contains(MARK)) {
            throw new Foreign(hook);
        }
        Files.createDirectories(hooks);
        Files.writeString(hook, SCRIPT);
        try {
            Files.setPosixFilePermissions(hook, PosixFilePermissions.fromString("rwxr-xr-x"));
        } catch (UnsupportedOperationException ignored) {
            // Not a POSIX file system: git for Windows runs hooks without the executable bit.
        }
        return hook;
    }
}
