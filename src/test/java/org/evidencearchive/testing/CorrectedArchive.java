package org.evidencearchive.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.evidencearchive.content.ContentParser;
import org.evidencearchive.pipeline.Builder;
import org.evidencearchive.pipeline.Project;

/**
 * A generated archive with a recorded correction, in a git repository of its own: the mini fixture, first
 * committed (and its ledgers written, as on publishing) on {@link #ARCHIVED}; then its source 'alpha' corrected on
 * {@link #CORRECTION_DAY}, the text before the correction kept as {@code alpha.v1.txt}, and committed again.
 */
public final class CorrectedArchive {
    /** When the mini archive was first committed (archived). */
    public static final String ARCHIVED = "2025-03-04T10:20:30Z";
    /** The day of the correction. */
    public static final String CORRECTION_DAY = "2026-01-05";
    /** What the correction changed. */
    public static final String WHAT = "Restored the words “(provisional)” that the first capture dropped.";

    /** The project. */
    public final TempArchive archive;
    /** The checksum of the text as first archived. */
    public final String oldSha;
    /** The checksum of the corrected text. */
    public final String newSha;
    /** The text as first archived, and as corrected. */
    public final byte[] oldText;
    /** The corrected text. */
    public final byte[] newText;

    private CorrectedArchive(TempArchive archive, String oldSha, String newSha, byte[] oldText, byte[] newText) {
        this.archive = archive;
        this.oldSha = oldSha;
        this.newSha = newSha;
        this.oldText = oldText;
        this.newText = newText;
    }

    /** Makes the archive in {@code dir}: first archived and published, then corrected (not built). */
    public static CorrectedArchive make(Path dir) throws IOException {
        TempArchive a = TempArchive.fromFixture(dir, "mini");
        Files.writeString(dir.resolve(".gitignore"), "target/\n");
        git(dir, Map.of(), "init", "-q");
        commit(dir, ARCHIVED, "Archive the mini fixture");
        Builder.Result published = new Builder(Project.at(a.root())).updateLedger();
        if (!published.ok()) throw new IllegalStateException(published.diagnostics().sorted().toString());
        Path txt = a.content().resolve("sources/alpha.txt");
        byte[] oldText = Files.readAllBytes(txt);
        String old = new String(oldText, StandardCharsets.UTF_8);
        String corrected = old.replace("170 deaths.", "170 deaths (provisional).");
        byte[] newText = corrected.getBytes(StandardCharsets.UTF_8);
        String oldSha = ContentParser.sha256(oldText);
        String newSha = ContentParser.sha256(newText);
        a.writeBytes("sources/alpha.v1.txt", oldText);
        a.writeBytes("sources/alpha.txt", newText);
        Path md = a.content().resolve("sources/alpha.md");
        Files.writeString(md, Files.readString(md).replace(oldSha, newSha).replace("topics: [deaths]\n", "topics: [deaths]\n"
                + "corrections:\n  - date: \"" + CORRECTION_DAY + "\"\n    what: " + WHAT + "\n"
                + "    why: The capture was compared with the printed page.\n    previous_sha256: " + oldSha + "\n"
                + "    previous_text: alpha.v1.txt\n"));
        commit(dir, CORRECTION_DAY + "T09:00:00Z", "Correct alpha");
        return new CorrectedArchive(a, oldSha, newSha, oldText, newText);
    }

    /** Commits everything in the repository at {@code dir}, dated {@code date}. */
    static void commit(Path dir, String date, String message) throws IOException {
        Map<String, String> env = dated(date);
        git(dir, env, "add", "-A");
        git(dir, env, "commit", "-q", "--no-verify", "-m", message);
    }

    /** The environment of a git commit by a test author, dated {@code date} (author and committer). */
    public static Map<String, String> dated(String date) {
        return Map.of("GIT_AUTHOR_DATE", date, "GIT_COMMITTER_DATE", date, "GIT_AUTHOR_NAME", "Test",
                "GIT_AUTHOR_EMAIL", "test@example.org", "GIT_COMMITTER_NAME", "Test", "GIT_COMMITTER_EMAIL", "test@example.org");
    }

    /** Runs git in {@code dir} with {@code env} added to its environment; fails with git's output. */
    public static void git(Path dir, Map<String, String> env, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of("git", "-C", dir.toString(), "-c", "commit.gpgsign=false"));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
        pb.environment().putAll(env);
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        try {
            if (p.waitFor() != 0) throw new IOException("git " + String.join(" ", args) + " failed: " + out);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
    }
}
