package org.evidencearchive.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;

import org.evidencearchive.testing.TempArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The pre-commit hook, end to end: a git repository holding an archive, the hook installed by
 * {@code archive install-hook}, and real {@code git commit}s. The repository's {@code ./archive} runs this
 * build's classes (the real launcher runs the jar, which is not built yet when the tests run).
 */
class HookTest {
    private static final String POLICY = "topics/policy.md";
    private static final String BROKEN_POLICY = "---\nid: policy\ntitle: Policy\nsumary: typo\n---\n";
    private static final String BROKEN_LINE = "content/topics/policy.md:4:1: error: unknown field 'sumary'";

    @TempDir
    Path dir;
    Path repo;
    TempArchive archive;
    String goodPolicy;

    /** The output and exit code of a command. */
    private record Run(int code, String output) {}

    @BeforeEach
    void repository() throws Exception {
        repo = dir.resolve("repo");
        archive = TempArchive.fromFixture(repo, "mini");
        goodPolicy = Files.readString(archive.content().resolve(POLICY));
        Path launcher = repo.resolve("archive");
        Files.writeString(launcher, "#!/bin/sh\ncd \"$(dirname \"$0\")\" && exec '" + Path.of(System.getProperty("java.home"), "bin", "java")
                + "' -cp '" + System.getProperty("java.class.path") + "' org.evidencearchive.cli.Main \"$@\"\n");
        Files.setPosixFilePermissions(launcher, PosixFilePermissions.fromString("rwxr-xr-x"));
        git(repo, "init", "-q", "-b", "main");
        git(repo, "config", "user.name", "Editor");
        git(repo, "config", "user.email", "editor@example.org");
        git(repo, "config", "commit.gpgsign", "false");
        git(repo, "add", "-A");
        git(repo, "commit", "-q", "--no-verify", "-m", "the archive");
    }

    @Test
    void aBrokenStagedFileIsRefusedEvenWhenTheWorkingTreeIsFine() throws Exception {
        assertEquals(0, installHook(repo).code());
        stagePolicy(repo, BROKEN_POLICY);
        archive.write(POLICY, goodPolicy); // the working tree is fine again; the index is not
        assertRefused(repo);
    }

    @Test
    void aGoodStagedChangePassesDespiteABrokenUntrackedDraftAndAnUnstagedEdit() throws Exception {
        assertEquals(0, installHook(repo).code());
        archive.write("claims/draft.md", "---\nid: Draft\nstatement: not finished\n---\n");
        archive.write("topics/deaths.md", "---\nid: deaths\nnot yaml: [\n");
        stagePolicy(repo, goodPolicy.replace("title: ", "title: Drug policy, "));

        Run commit = commit(repo, "a better title");
        assertEquals(0, commit.code(), commit.output());
        assertTrue(commit.output().contains("no problems found in the staged files"), commit.output());
        assertEquals(2, commits(repo));
    }

    @Test
    void theHookIsInstalledWhereCoreHooksPathSaysAndRuns() throws Exception {
        git(repo, "config", "core.hooksPath", ".githooks");
        Run install = installHook(repo);
        assertEquals(0, install.code(), install.output());
        assertTrue(Files.isExecutable(repo.resolve(".githooks/pre-commit")), install.output());
        assertFalse(Files.exists(repo.resolve(".git/hooks/pre-commit")));

        stagePolicy(repo, BROKEN_POLICY);
        assertRefused(repo);
    }

    @Test
    void theHookInstallsAndRunsInAWorktree() throws Exception {
        Path worktree = dir.resolve("worktree");
        git(repo, "worktree", "add", "-q", "-b", "side", worktree.toString());
        Run install = installHook(worktree);
        assertEquals(0, install.code(), install.output());

        stagePolicy(worktree, BROKEN_POLICY);
        assertRefused(worktree);

        stagePolicy(worktree, goodPolicy.replace("title: ", "title: Drug policy, "));
        Run good = commit(worktree, "a better title");
        assertEquals(0, good.code(), good.output());
        assertEquals(2, commits(worktree));
    }

    @Test
    void someoneElsesHookIsLeftAloneWithWhatToDo() throws Exception {
        Path hook = repo.resolve(".git/hooks/pre-commit");
        Files.createDirectories(hook.getParent());
        Files.writeString(hook, "#!/bin/sh\nexec lint-staged\n");
        Run install = installHook(repo);
        assertEquals(1, install.code(), install.output());
        assertTrue(install.output().contains("exists and is not ours; add the line './archive check --staged' to it"),
                install.output());
        assertEquals("#!/bin/sh\nexec lint-staged\n", Files.readString(hook));
    }

    /** Writes the policy topic in a checkout and stages it. */
    private static void stagePolicy(Path checkout, String text) throws IOException, InterruptedException {
        Files.writeString(checkout.resolve("content").resolve(POLICY), text);
        git(checkout, "add", "content/" + POLICY);
    }

    /** Commits in a checkout and checks that the hook refused, with the staged error at its line. */
    private static void assertRefused(Path checkout) throws IOException, InterruptedException {
        Run commit = commit(checkout, "broken");
        assertNotEquals(0, commit.code(), commit.output());
        assertTrue(commit.output().contains(BROKEN_LINE), commit.output());
        assertTrue(commit.output().contains("hint: did you mean 'summary'?"), commit.output());
        assertFalse(commit.output().contains("archive-staged-"), "paths as the editor knows them: " + commit.output());
        assertTrue(commit.output().contains("commit refused"), commit.output());
        assertEquals(1, commits(checkout));
    }

    private static Run installHook(Path root) {
        PrintStream oldErr = System.err;
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        try {
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            int code = Main.run("install-hook", "--root", root.toString());
            return new Run(code, err.toString(StandardCharsets.UTF_8));
        } finally {
            System.setErr(oldErr);
        }
    }

    private static Run commit(Path where, String message) throws IOException, InterruptedException {
        return exec(where, "git", "commit", "-q", "-m", message);
    }

    private static int commits(Path where) throws IOException, InterruptedException {
        return Integer.parseInt(git(where, "rev-list", "--count", "HEAD").strip());
    }

    private static String git(Path where, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("git"));
        command.addAll(List.of(args));
        Run r = exec(where, command.toArray(String[]::new));
        assertEquals(0, r.code(), String.join(" ", command) + ": " + r.output());
        return r.output();
    }

    private static Run exec(Path where, String... command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).directory(where.toFile()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        return new Run(p.waitFor(), out);
    }
}
