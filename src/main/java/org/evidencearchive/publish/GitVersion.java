package org.evidencearchive.publish;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * The version of a build, from git: the commit and its date. Deterministic for a given commit; a folder that is
 * not a git checkout is "unversioned".
 *
 * @param commit full hash, or null when unversioned
 * @param date   ISO-8601 commit date, or null when unversioned
 */
public record GitVersion(String commit, String date) {
    /** The version of a build outside git. */
    public static final GitVersion UNVERSIONED = new GitVersion(null, null);

    /** Reads the last commit that touched {@code path} inside the checkout at {@code root}. */
    public static GitVersion of(Path root, Path path) {
        try {
            Process p = new ProcessBuilder("git", "-C", root.toString(), "log", "-1", "--format=%H %cI", "--", path.toString())
                    .redirectErrorStream(false).redirectError(ProcessBuilder.Redirect.DISCARD).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            if (!p.waitFor(10, TimeUnit.SECONDS) || p.exitValue() != 0 || out.isEmpty()) return UNVERSIONED;
            String[] parts = out.split(" ");
            return new GitVersion(parts[0], parts[1]);
        } catch (IOException e) {
            return UNVERSIONED;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return UNVERSIONED;
        }
    }

    /** Returns a short label: the abbreviated commit and its day, or "unversioned". */
    public String label() {
        return commit == null ? "unversioned" : commit.substring(0, 12) + " (" + date.substring(0, 10) + ")";
    }

    /** Returns the date for feeds: the commit date, or the epoch when unversioned (never the wall clock). */
    public String feedDate() {
        return date == null ? "1970-01-01T00:00:00Z" : date;
    }
}
