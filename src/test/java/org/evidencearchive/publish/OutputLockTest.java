package org.evidencearchive.publish;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;
import org.evidencearchive.testing.ChildJvm;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One publish at a time per output folder ({@link OutputLock}): a publish waits for another process's, or another
 * thread's, to end; and it first removes what a killed publish left behind, and nothing else.
 */
class OutputLockTest {
    @TempDir
    Path dir;

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    /** Starts a {@link Holder} JVM publishing into out; returns once it holds its publish open. */
    private static Process holder(Path out) throws IOException {
        Process p = ChildJvm.of(Holder.class.getName(), out.toString()).redirectErrorStream(true).start();
        assertEquals("holding", lines(p).readLine(), "the child began its publish");
        return p;
    }

    private static BufferedReader lines(Process p) {
        return p.inputReader(StandardCharsets.UTF_8);
    }

    /** Runs {@code body} with standard error captured; returns what was written to it. */
    private static String stderrOf(Body body) throws Exception {
        PrintStream old = System.err;
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        try {
            body.run(() -> err.toString(StandardCharsets.UTF_8));
        } finally {
            System.setErr(old);
        }
        return err.toString(StandardCharsets.UTF_8);
    }

    private interface Body {
        void run(java.util.function.Supplier<String> said) throws Exception;
    }

    /** Waits (at most 10 s) until the condition holds. */
    private static void await(BooleanSupplier condition, String what) throws InterruptedException {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > end) fail("timed out waiting until " + what);
            Thread.sleep(5);
        }
    }

    /** Every file under the output folder's parent, relative to it. */
    private List<String> everything() throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(Files::isRegularFile).map(p -> dir.relativize(p).toString().replace('\\', '/')).sorted().toList();
        }
    }

    @Test
    void aPublishWaitsForAnotherProcessPublishingIntoTheSameFolder() throws Exception {
        Path out = dir.resolve("site");
        Process child = holder(out);
        List<String> order = new java.util.concurrent.CopyOnWriteArrayList<>(List.of("child holds its publish open"));
        String said = stderrOf(err -> {
            CompletableFuture<SiteWriter.Transaction> mine = new CompletableFuture<>();
            Thread.ofPlatform().start(() -> {
                try {
                    SiteWriter.Transaction tx = SiteWriter.begin(out);
                    order.add("this process began, finding the child's site " + (Files.exists(out.resolve("a.html")) ? "whole" : "missing"));
                    mine.complete(tx);
                } catch (IOException | RuntimeException e) {
                    mine.completeExceptionally(e);
                }
            });
            await(() -> err.get().contains("waiting for another build or serve publishing into " + out + " to finish") || mine.isDone(),
                    "this process says it waits");
            assertFalse(mine.isDone(), "this process did not begin while the child's publish was open: " + order);
            order.add("child told to commit");
            child.outputWriter(StandardCharsets.UTF_8).append("commit\n").flush();
            SiteWriter.Transaction tx = mine.get(10, TimeUnit.SECONDS);
            tx.put("mine.html", bytes("mine"));
            tx.commit();
        });
        assertEquals("committed", lines(child).readLine());
        assertTrue(child.waitFor(10, TimeUnit.SECONDS));
        assertEquals(List.of("child holds its publish open", "child told to commit", "this process began, finding the child's site whole"),
                order);
        assertEquals(1, said.split("waiting for another build", -1).length - 1, "said once: " + said);
        assertEquals(List.of(".site.lock", "site/" + SiteWriter.MARKER, "site/mine.html"), everything(),
                "the second publish replaced the first whole; nothing is left beside the site but the lock file");
    }

    @Test
    void twoThreadsPublishingIntoTheSameFolderTakeTurns() throws Exception {
        Path out = dir.resolve("site");
        SiteWriter.publish(out, Map.of("a.html", bytes("first")));
        SiteWriter.Transaction first = SiteWriter.begin(out);
        first.put("a.html", bytes("second"));
        AtomicReference<String> seen = new AtomicReference<>();
        AtomicReference<Throwable> failed = new AtomicReference<>();
        Thread other = Thread.ofPlatform().start(() -> {
            try {
                SiteWriter.Transaction tx = SiteWriter.begin(out);
                seen.set(Files.readString(out.resolve("a.html")));
                tx.put("a.html", bytes("third"));
                tx.commit();
            } catch (Throwable e) { // an OverlappingFileLockException, were the threads of one JVM not kept apart
                failed.set(e);
            }
        });
        await(() -> other.getState() == Thread.State.WAITING || !other.isAlive(), "the other thread waits or ends");
        assertTrue(other.isAlive(), "the other thread waits while the first publish is open: " + failed.get());
        // committed from a third thread: a publish may end on another thread than the one that began it
        CompletableFuture.runAsync(() -> {
            try {
                first.commit();
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }).get(10, TimeUnit.SECONDS);
        other.join(10_000);
        assertNull(failed.get());
        assertEquals("second", seen.get(), "the other thread began once the first publish was whole");
        assertEquals("third", Files.readString(out.resolve("a.html")));

        // and many at once, each whole in turn
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < 4; t++) {
            String name = "t" + t;
            threads.add(Thread.ofPlatform().start(() -> {
                try {
                    for (int i = 0; i < 5; i++) SiteWriter.publish(out, Map.of("a.html", bytes(name + i), name + ".html", bytes(name)));
                } catch (Throwable e) {
                    failed.compareAndSet(null, e);
                }
            }));
        }
        for (Thread t : threads) t.join(20_000);
        assertNull(failed.get());
        assertEquals(4, everything().size(), "the lock file, the marker, a.html and the last writer's own file: " + everything());
    }

    @Test
    void theLeftoversOfAKilledPublishAreRemovedByTheNextAndNothingElse() throws Exception {
        Path out = dir.resolve("site");
        SiteWriter.publish(out, Map.of("a.html", bytes("old a"), "keep.publishing.txt", bytes("published")));
        Process child = holder(out); // a rebuild: a.html and new/b.html are written aside, as a.html.publishing ...
        child.destroyForcibly(); // SIGKILL: no shutdown hook runs
        assertTrue(child.waitFor(10, TimeUnit.SECONDS));
        Files.createDirectories(dir.resolve(".site.staging-123"));
        Files.writeString(dir.resolve(".site.staging-123/index.html"), "a first build's");
        Files.createDirectories(dir.resolve(".site.journal-456"));
        Files.writeString(dir.resolve(".site.journal-456/1"), "a commit's");
        Files.writeString(out.resolve("x.html.publishing"), "written aside");
        Files.createDirectories(dir.resolve(".other.staging-1")); // decoys: another site's, and names that only look alike
        Files.createDirectories(dir.resolve(".sites.journal-1"));
        Files.createDirectories(out.resolve("folder.publishing"));
        assertTrue(Files.exists(out.resolve("new/b.html.publishing")), "the killed publish left its files: " + everything());

        String said = stderrOf(err -> {
            SiteWriter.Transaction tx = SiteWriter.patch(out, List.of());
            tx.put("c.html", bytes("c"));
            tx.commit();
        });
        assertEquals("archive: removed the leftovers of a build that was stopped: 2 folders, 3 files\n", said);
        assertEquals(List.of(".site.lock", "site/" + SiteWriter.MARKER, "site/a.html", "site/c.html", "site/keep.publishing.txt"),
                everything());
        assertEquals("old a", Files.readString(out.resolve("a.html")));
        assertFalse(Files.exists(out.resolve("new")), "a folder made for the killed publish only is removed");
        for (String decoy : List.of(".other.staging-1", ".sites.journal-1", "site/folder.publishing")) {
            assertTrue(Files.isDirectory(dir.resolve(decoy)), decoy);
        }

        // the next publish finds nothing to remove, and says nothing
        assertEquals("", stderrOf(err -> SiteWriter.publish(out, Map.of("a.html", bytes("new a")))));
    }

    @Test
    void aFirstPublishRemovesTheFoldersOfOneKilledBeforeThereWasALock() throws Exception {
        Path out = dir.resolve("site");
        Files.createDirectories(dir.resolve(".site.staging-1/sub"));
        Files.writeString(dir.resolve(".site.staging-1/sub/index.html"), "a first build's");
        Files.createDirectories(dir.resolve(".site.journal-2"));
        Files.createDirectories(dir.resolve(".other.staging-1"));
        Files.writeString(dir.resolve("keep.publishing.txt"), "mine");
        String said = stderrOf(err -> SiteWriter.publish(out, Map.of("index.html", bytes("home"))));
        assertEquals("archive: removed the leftovers of a build that was stopped: 2 folders, 0 files\n", said);
        assertEquals(List.of(".site.lock", "keep.publishing.txt", "site/" + SiteWriter.MARKER, "site/index.html"), everything());
        assertTrue(Files.isDirectory(dir.resolve(".other.staging-1")));
    }

    @Test
    void aSiteMovedAsideByAKilledSwapIsPutBackBeforeTheNextPublish() throws Exception {
        Path out = dir.resolve("site");
        SiteWriter.publish(out, Map.of("index.html", bytes("the previous site")));
        Files.move(out, dir.resolve(".site.old-7")); // killed between a swap's two renames: no site in place
        Files.createDirectories(dir.resolve(".site.staging-8"));
        Files.writeString(dir.resolve(".site.lock"), "12345"); // the killed holder's process id
        // a build that fails after taking the lock (its content had errors) still leaves the previous site in place
        String said = stderrOf(err -> SiteWriter.begin(out).abort());
        assertTrue(said.contains("put back the site that a stopped build had moved aside"), said);
        assertTrue(said.contains("removed the leftovers of a build that was stopped: 1 folder"), said);
        assertEquals(List.of(".site.lock", "site/" + SiteWriter.MARKER, "site/index.html"), everything());
        assertEquals("the previous site", Files.readString(out.resolve("index.html")));
    }

    /**
     * A JVM that begins publishing {@code a.html} and {@code new/b.html} into the folder given, says "holding", and
     * commits when told "commit" on its standard input (then says "committed"); it may be killed before.
     */
    public static final class Holder {
        public static void main(String[] args) throws Exception {
            SiteWriter.Transaction tx = SiteWriter.begin(Path.of(args[0]));
            tx.put("a.html", bytes("from the child"));
            tx.put("new/b.html", bytes("new from the child"));
            System.out.println("holding");
            System.out.flush();
            String line = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
            if ("commit".equals(line)) {
                tx.commit();
                System.out.println("committed");
            } else {
                tx.abort();
            }
        }
    }
}
