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

    /**
     * Returns the last commit of every file under {@code path}, from one {@code git log} (absolute path →
     * version); empty outside a git checkout.
     */
    public static java.util.Map<Path, GitVersion> ofFiles(Path root, Path path) {
        return history(root, path).last();
    }

    /**
     * Each file's last commit and its first (the one that added it at that path: when an archived text was first
     * archived), absolute path → version.
     */
    public record Files(java.util.Map<Path, GitVersion> last, java.util.Map<Path, GitVersion> first) {}

    /** Returns the last and the first commit of every file under {@code path}, from one {@code git log}; empty outside git. */
    public static Files history(Path root, Path path) {
        java.util.Map<Path, GitVersion> out = new java.util.HashMap<>();
        java.util.Map<Path, GitVersion> first = new java.util.HashMap<>();
        Files result = new Files(out, first);
        try {
            Process top = new ProcessBuilder("git", "-C", root.toString(), "rev-parse", "--show-toplevel")
                    .redirectError(ProcessBuilder.Redirect.DISCARD).start();
            String topLevel = new String(top.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            if (!top.waitFor(10, TimeUnit.SECONDS) || top.exitValue() != 0 || topLevel.isEmpty()) return result;
            Process p = new ProcessBuilder("git", "-C", root.toString(), "log", "--format=%x00%H %cI", "--name-only",
                    "--no-renames", "--", path.toString()).redirectError(ProcessBuilder.Redirect.DISCARD).start();
            String log = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(30, TimeUnit.SECONDS) || p.exitValue() != 0) return result;
            GitVersion current = null;
            for (String line : log.split("\n")) {
                if (line.startsWith("\0")) {
                    String[] parts = line.substring(1).split(" ");
                    current = new GitVersion(parts[0], parts[1]);
                } else if (!line.isBlank() && current != null) {
                    Path file = Path.of(topLevel).resolve(line.strip()).toAbsolutePath().normalize();
                    out.putIfAbsent(file, current);
                    first.put(file, current); // the log runs newest first: the last seen is the oldest
                }
            }
        } catch (IOException e) {
            return result;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return result;
    }

    /** Returns the newer of two versions (unversioned counts as oldest). */
    public GitVersion newer(GitVersion o) {
        if (commit == null) return o;
        if (o.commit == null) return this;
        return java.time.OffsetDateTime.parse(date).isBefore(java.time.OffsetDateTime.parse(o.date)) ? o : this;
    }

    /** Returns the commit date's day (YYYY-MM-DD), or null when unversioned. */
    public String day() {
        return date == null ? null : date.substring(0, 10);
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
