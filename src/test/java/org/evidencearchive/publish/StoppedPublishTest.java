package org.evidencearchive.publish;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.evidencearchive.testing.ChildJvm;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A build stopped by Ctrl-C or SIGTERM while it publishes: a real JVM ({@link Child}) is stopped with SIGTERM at
 * each moment of a publish, and the output folder is then either wholly the previous site or wholly the new one,
 * with no temporary file or staging folder left beside it.
 */
class StoppedPublishTest {
    @TempDir
    Path dir;

    /** Starts a child JVM publishing into out, waits until it prints {@code line}, then stops it with SIGTERM. */
    private String stopWhen(Path out, String mode, String line) throws IOException, InterruptedException {
        Process p = ChildJvm.of(Child.class.getName(), out.toString(), mode).redirectErrorStream(true).start();
        StringBuilder said = new StringBuilder();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            for (String l; (l = r.readLine()) != null; ) {
                said.append(l).append('\n');
                if (l.equals(line)) {
                    // SIGTERM, as a CI runner's cancel (Ctrl-C's SIGINT runs the same shutdown hooks); sent by kill(1),
                    // as Process.destroy would also close this end of the child's output
                    assertEquals(0, new ProcessBuilder("kill", "-TERM", Long.toString(p.pid())).start().waitFor());
                    break;
                }
            }
            assertTrue(p.waitFor(60, TimeUnit.SECONDS), "the stopped JVM exits");
            r.lines().forEach(l -> said.append(l).append('\n'));
        }
        assertTrue(said.toString().contains(line), "the child got there: " + said);
        return said.toString();
    }

    private Path previousSite() throws IOException {
        Path out = dir.resolve("site");
        SiteWriter.publish(out, Map.of("a.html", bytes("old a"), "gone.html", bytes("old gone"), "sub/c.html", bytes("old c")));
        return out;
    }

    /**
     * Every path under the output folder's parent, relative to it (the site and anything beside it), but the lock
     * file ({@link OutputLock}), which stays.
     */
    private List<String> everything() throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(Files::isRegularFile).map(p -> dir.relativize(p).toString().replace('\\', '/'))
                    .filter(p -> !p.equals(".site.lock")).sorted().toList();
        }
    }

    @Test
    void stoppedWhileFilesAreGivenTheSiteStaysThePreviousOne() throws Exception {
        Path out = previousSite();
        String said = stopWhen(out, "intake", "given");
        assertEquals(List.of("site/" + SiteWriter.MARKER, "site/a.html", "site/gone.html", "site/sub/c.html"), everything(),
                "no temporary file is left, and no new file appears");
        assertEquals("old a", Files.readString(out.resolve("a.html")));
        assertTrue(said.contains("left as it was"), said);
    }

    @Test
    void aFirstBuildStoppedLeavesNoStagingFolder() throws Exception {
        Path out = dir.resolve("site");
        stopWhen(out, "intake", "given");
        assertEquals(List.of(), everything(), "neither the site nor its staging folder");
        assertFalse(Files.exists(out));
    }

    @Test
    void stoppedDuringTheCommitTheCommitFinishes() throws Exception {
        Path out = previousSite();
        String said = stopWhen(out, "commit", "committing");
        assertEquals(List.of("site/" + SiteWriter.MARKER, "site/a.html", "site/b.html", "site/sub/c.html"), everything(),
                "the new site, whole: no journal, no temporary file, the removed file gone");
        assertEquals("new a", Files.readString(out.resolve("a.html")));
        assertEquals("new c", Files.readString(out.resolve("sub/c.html")));
        assertTrue(said.contains("finishing the publish in progress"), said);
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    /**
     * The publishing JVM: gives the new site's files, then (mode "intake") says "given" and waits to be stopped, or
     * (mode "commit") commits slowly, saying "committing" before its first change.
     */
    public static final class Child {
        public static void main(String[] args) throws Exception {
            Path out = Path.of(args[0]);
            boolean commit = args[1].equals("commit");
            SiteWriter.Step slow = what -> {
                if (what.startsWith("keep") || what.startsWith("set aside") || what.startsWith("swap")) {
                    System.out.println("committing");
                    System.out.flush();
                    try {
                        Thread.sleep(300);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
            };
            SiteWriter.Transaction tx = SiteWriter.begin(out, commit ? slow : SiteWriter.Step.NONE);
            tx.put("a.html", bytes("new a"));
            tx.put("b.html", bytes("new b"));
            tx.put("sub/c.html", bytes("new c"));
            if (commit) {
                tx.commit();
                System.out.println("committed");
            } else {
                System.out.println("given");
                System.out.flush();
                Thread.sleep(60_000);
            }
        }
    }
}
