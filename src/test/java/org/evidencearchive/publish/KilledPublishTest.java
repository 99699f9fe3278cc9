package org.evidencearchive.publish;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.evidencearchive.testing.ChildJvm;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A build killed (SIGKILL, the OOM killer) in the middle of a commit: a real JVM ({@link Child}) is killed before
 * each step of a rebuild's commit, and the next publish finds the previous site byte for byte, by replaying the
 * journal the killed one left ({@link Journal}).
 */
class KilledPublishTest {
    private static final String ROLLED_BACK = "archive: a build stopped while publishing; the site is back as it was before it";

    @TempDir
    Path dir;

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    /** The previous site: a and sub/c are replaced by the rebuild, gone is removed, keep stays. */
    private Path previousSite() throws IOException {
        Path out = dir.resolve("site");
        SiteWriter.publish(out, Map.of("a.html", bytes("old a"), "sub/c.html", bytes("old c"), "gone.html", bytes("old gone"),
                "keep.html", bytes("kept")));
        return out;
    }

    /** Every file and folder under the site's parent (files with their text, folders as "/"), but the lock file. */
    private Map<String, String> everything() throws IOException {
        Map<String, String> all = new TreeMap<>();
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.filter(p -> !p.equals(dir) && !p.getFileName().toString().equals(".site.lock")).toList()) {
                all.put(dir.relativize(p).toString(), Files.isDirectory(p) ? "/" : Files.readString(p));
            }
        }
        return all;
    }

    /** Runs {@code body} with standard error captured; returns what was written to it. */
    private static String stderrOf(Body body) throws Exception {
        PrintStream old = System.err;
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        try {
            body.run();
        } finally {
            System.setErr(old);
        }
        return err.toString(StandardCharsets.UTF_8);
    }

    private interface Body {
        void run() throws Exception;
    }

    /** The next publish's first move: taking the lock (a build that then fails or finds nothing to do). */
    private static String nextPublish(Path out) throws Exception {
        return stderrOf(() -> SiteWriter.patch(out, List.of()).abort());
    }

    /**
     * The commit has six steps: keep a and sub/c, rename a, sub/c and new/d.html into place, set gone aside. Killed
     * before step n (every step from n on waits), so the steps before it are taken, and from step 3 on the renames are
     * logged.
     */
    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3, 4, 5, 6})
    void aCommitKilledAtAnyStepIsUndoneByTheNextPublish(int n) throws Exception {
        Path out = previousSite();
        Map<String, String> before = everything();
        Process p = ChildJvm.of(Child.class.getName(), out.toString(), Integer.toString(n)).redirectErrorStream(true).start();
        StringBuilder said = new StringBuilder();
        try (BufferedReader r = p.inputReader(StandardCharsets.UTF_8)) {
            String l;
            while ((l = r.readLine()) != null && !l.startsWith("before step " + n + ":")) said.append(l).append('\n');
            assertTrue(l != null, "the child got to step " + n + ": " + said);
            p.destroyForcibly(); // SIGKILL: no shutdown hook runs
            assertTrue(p.waitFor(30, TimeUnit.SECONDS), "the killed JVM exits");
        }
        assertTrue(everything().keySet().stream().anyMatch(f -> f.startsWith(".site.journal-")), "the killed commit left its journal: "
                + said + everything());
        if (n == 6) {
            assertEquals("new a", Files.readString(out.resolve("a.html")), "the renames were made before the kill");
            assertTrue(Files.exists(out.resolve("new/d.html")));
        }

        String next = nextPublish(out);
        assertEquals(before, everything(), "the previous site, whole, and nothing beside it");
        assertTrue(next.startsWith(ROLLED_BACK + "\n"), next);
        assertEquals("", nextPublish(out), "nothing is left to undo or remove");
    }

    @Test
    void aJournalWhoseCommitIsCompleteIsRemovedAndTheNewSiteKept() throws Exception {
        Path out = previousSite();
        SiteWriter.publish(out, Map.of("a.html", bytes("new a"), "sub/c.html", bytes("new c"), "new/d.html", bytes("new d"),
                "keep.html", bytes("kept")));
        Map<String, String> published = everything();
        // killed while deleting the journal of a complete commit: some kept files are gone already
        Path journal = Files.createDirectories(dir.resolve(".site.journal-7"));
        Files.writeString(journal.resolve("2"), "old c");
        Files.writeString(journal.resolve(Journal.LOG), "replace 1 site/a.html\nreplace 2 site/sub/c.html\nnew - site/new/d.html\n"
                + "set-aside 3 site/gone.html\n" + Journal.COMMITTED + "\n");
        Files.writeString(dir.resolve(".site.lock"), "12345"); // the killed holder's process id

        String said = nextPublish(out);
        assertEquals("archive: removed the leftovers of a build that was stopped: 1 folder, 0 files\n", said);
        assertEquals(published, everything(), "the new site, and no journal");
    }

    @Test
    void aLogThatNamesAPathOutsideTheSiteIsNotReplayed() throws Exception {
        Path out = previousSite();
        Files.writeString(dir.resolve("mine.txt"), "mine");
        Path elsewhere = Files.createDirectories(dir.resolve("elsewhere"));
        Files.writeString(elsewhere.resolve("x.html"), "also mine");
        Files.createSymbolicLink(out.resolve("link"), elsewhere);
        Path journal = Files.createDirectories(dir.resolve(".site.journal-8"));
        Files.writeString(journal.resolve("1"), "kept");
        Files.writeString(dir.resolve(".site.lock"), "12345");
        for (String step : List.of("replace 1 site/../mine.txt", "set-aside 1 mine.txt", "new - /tmp/x.html", "new - site/link/x.html",
                "replace ../1 site/a.html", "new - site", "rename 1 site/a.html")) {
            // the step is logged after one the journal would undo, and before a torn line it ignores
            Files.writeString(journal.resolve(Journal.LOG), "replace 1 site/a.html\n" + step + "\nnew - site/keep.html");
            Map<String, String> before = everything();
            IOException e = assertThrows(IOException.class, () -> SiteWriter.patch(out, List.of()), step);
            assertTrue(e.getMessage().contains("has a step it cannot read or outside the site (" + step + ")"), e.getMessage());
            assertEquals(before, everything(), "nothing was touched: " + step);
        }
        Files.writeString(journal.resolve(Journal.LOG), "replace 1 site/a.html\nnew - site/keep.html");
        assertTrue(nextPublish(out).startsWith(ROLLED_BACK + "\n"));
        assertEquals("kept", Files.readString(out.resolve("a.html")), "the kept file went back over a.html");
        assertTrue(Files.exists(out.resolve("keep.html")), "a torn last line is not replayed");
        assertFalse(Files.exists(journal));
        assertEquals("mine", Files.readString(dir.resolve("mine.txt")));
        assertEquals("also mine", Files.readString(elsewhere.resolve("x.html")));
    }

    /**
     * The publishing JVM: rebuilds the site given (a and sub/c changed, new/d.html added, gone.html removed) and,
     * before step n of the commit, says "before step n: ..." and waits to be killed, as every later step does.
     */
    public static final class Child {
        public static void main(String[] args) throws Exception {
            int n = Integer.parseInt(args[1]);
            AtomicInteger steps = new AtomicInteger();
            SiteWriter.Transaction tx = SiteWriter.begin(Path.of(args[0]), what -> {
                int k = steps.incrementAndGet();
                if (k < n) return;
                if (k == n) {
                    System.out.println("before step " + n + ": " + what);
                    System.out.flush();
                }
                try {
                    Thread.sleep(60_000);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            tx.put("a.html", bytes("new a"));
            tx.put("sub/c.html", bytes("new c"));
            tx.put("new/d.html", bytes("new d"));
            tx.put("keep.html", bytes("kept"));
            tx.commit();
            System.out.println("committed");
        }
    }
}
