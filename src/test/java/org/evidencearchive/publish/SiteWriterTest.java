package org.evidencearchive.publish;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Publishing: a rebuild writes only what changed, removes what is gone, and a failed write changes nothing. */
class SiteWriterTest {
    @TempDir
    Path tmp;

    private static byte[] b(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static Map<String, byte[]> site(String... pathsAndBodies) {
        Map<String, byte[]> files = new TreeMap<>();
        for (int i = 0; i < pathsAndBodies.length; i += 2) files.put(pathsAndBodies[i], b(pathsAndBodies[i + 1]));
        return files;
    }

    /** The site's files and their text (the marker every site holds left out). */
    private static Map<String, String> read(Path dir) throws IOException {
        Map<String, String> out = new TreeMap<>();
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.filter(f -> Files.isRegularFile(f) && !f.getFileName().toString().equals(SiteWriter.MARKER)).toList()) {
                out.put(dir.relativize(p).toString().replace('\\', '/'), Files.readString(p));
            }
        }
        return out;
    }

    /** The names in the site's parent folder, sorted: the site, and its lock file ({@link OutputLock}), which stays. */
    private static java.util.List<String> beside(Path out) throws IOException {
        try (Stream<Path> s = Files.list(out.getParent())) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void aPutAfterAbortIsRefusedAndWritesNothing() throws IOException {
        // A build's parallel tasks may still be putting files when another task's failure aborted the publish.
        Path out = tmp.resolve("site");
        SiteWriter.Transaction first = SiteWriter.begin(out);
        first.put("a/index.html", b("a"));
        first.abort();
        assertThrows(IOException.class, () -> first.put("b/index.html", b("b")));
        assertEquals(java.util.List.of(".site.lock"), beside(out), "no staging folder is left behind, and none is made again");
        SiteWriter.publish(out, site("index.html", "home"));
        SiteWriter.Transaction second = SiteWriter.begin(out);
        second.put("index.html", b("home, edited"));
        second.abort();
        assertThrows(IOException.class, () -> second.put("c/index.html", b("c")));
        assertEquals(Map.of("index.html", "home"), read(out), "no temporary file is left behind");
    }

    @Test
    void aRebuildWritesOnlyChangedFilesAndRemovesWhatIsGone() throws IOException {
        Path out = tmp.resolve("site");
        SiteWriter.Published first = SiteWriter.publish(out, site("index.html", "home", "a/index.html", "a",
                "b/index.html", "b", "b/cite.bib", "bib"));
        assertEquals(new SiteWriter.Published(4, 0, 0), first);
        FileTime old = FileTime.fromMillis(1_000_000L);
        Files.setLastModifiedTime(out.resolve("index.html"), old);
        Object inode = Files.readAttributes(out.resolve("index.html"), "unix:ino").get("ino");

        SiteWriter.Published second = SiteWriter.publish(out, site("index.html", "home", "a/index.html", "a, edited",
                "c/d/index.html", "new"));
        assertEquals(new SiteWriter.Published(2, 1, 2), second, "a changed, c added; b's two files removed");
        assertEquals(Map.of("index.html", "home", "a/index.html", "a, edited", "c/d/index.html", "new"), read(out));
        assertEquals(old, Files.getLastModifiedTime(out.resolve("index.html")), "an unchanged file is not rewritten");
        assertEquals(inode, Files.readAttributes(out.resolve("index.html"), "unix:ino").get("ino"));
        assertFalse(Files.exists(out.resolve("b")), "a folder that emptied out is removed");
    }

    @Test
    void aFailedWriteLeavesThePreviousSiteExactlyAsItWas() throws IOException {
        Path out = tmp.resolve("site");
        SiteWriter.publish(out, site("index.html", "home", "a/index.html", "a", "b/index.html", "b"));
        // A folder where a.html's temporary file must go makes that one write fail, after others succeeded.
        Files.createDirectories(out.resolve("a/index.html.publishing"));
        Map<String, String> before = read(out);
        assertThrows(IOException.class, () -> SiteWriter.publish(out,
                site("index.html", "home, edited", "a/index.html", "a, edited", "new/index.html", "new")));
        assertEquals(before, read(out), "nothing changed, nothing added, nothing removed");
        assertFalse(Files.exists(out.resolve("new")), "a folder made for the failed publish is removed");
        assertFalse(Files.exists(out.resolve("index.html.publishing")), "temporary files are removed");
    }

    @Test
    void aFileThatBecomesAFolderIsPublishedWhole() throws IOException {
        Path out = tmp.resolve("site");
        SiteWriter.publish(out, site("index.html", "home", "a", "a file"));
        SiteWriter.publish(out, site("index.html", "home", "a/index.html", "now a folder"));
        assertEquals(Map.of("index.html", "home", "a/index.html", "now a folder"), read(out));
        assertArrayEquals(b("now a folder"), Files.readAllBytes(out.resolve("a/index.html")));
    }

    @Test
    void pathsOutsideTheSiteAreRefused() throws IOException {
        Path out = tmp.resolve("site");
        assertThrows(IOException.class, () -> SiteWriter.publish(out, site("../escape.html", "x")), "first build");
        SiteWriter.publish(out, site("index.html", "x"));
        assertThrows(IOException.class, () -> SiteWriter.publish(out, site("index.html", "x", "../../escape.html", "x")),
                "rebuild");
        assertFalse(Files.exists(tmp.resolve("escape.html")));
        assertTrue(Files.notExists(tmp.getParent().resolve("escape.html")));
    }

    /** Every file and folder under dir, folders as "/", files with their text; and what lies beside dir. */
    private static Map<String, String> tree(Path dir) throws IOException {
        Map<String, String> out = new TreeMap<>();
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.toList()) {
                String rel = dir.relativize(p).toString().replace('\\', '/');
                out.put(rel, Files.isDirectory(p) ? "/" : Files.readString(p));
            }
        }
        try (Stream<Path> s = Files.list(dir.getParent())) {
            s.forEach(p -> out.put("beside: " + p.getFileName(), ""));
        }
        return out;
    }

    @Test
    void aCommitThatFailsAtAnyStepLeavesThePreviousSiteExactlyAsItWas() throws IOException {
        Path out = tmp.resolve("site");
        SiteWriter.publish(out, site("index.html", "home", "a/index.html", "a", "b/index.html", "b", "b/cite.bib", "bib",
                "c", "c is a file", "d/index.html", "d is a folder", "e/f/g/index.html", "deep"));
        Map<String, String> before = tree(out);
        Map<String, byte[]> next = site("index.html", "home, edited", "a/index.html", "a", "c/index.html", "c is a folder",
                "d", "d is a file", "new/x/index.html", "new", "e/f/g/index.html", "deep, edited");
        int failures = 0;
        for (int k = 1; ; k++) {
            int failAt = k;
            java.util.concurrent.atomic.AtomicInteger steps = new java.util.concurrent.atomic.AtomicInteger();
            SiteWriter.Transaction tx = SiteWriter.begin(out, what -> { // steps run on several threads
                if (steps.incrementAndGet() == failAt) throw new IOException("injected failure before: " + what);
            });
            for (var e : next.entrySet()) tx.put(e.getKey(), e.getValue());
            try {
                tx.commit();
            } catch (IOException e) {
                assertTrue(e.getMessage().startsWith("injected failure"), e.getMessage());
                assertEquals(0, e.getSuppressed().length, "every step was undone");
                assertEquals(before, tree(out), "a failure before step " + k + " (" + e.getMessage() + ") changed the site");
                failures++;
                continue;
            }
            break;
        }
        // keep a, replace index + e, make c a folder and d a file, add new/, remove b: at least 12 steps
        assertTrue(failures >= 12, "only " + failures + " steps were tried");
        assertEquals(Map.of("index.html", "home, edited", "a/index.html", "a", "c/index.html", "c is a folder",
                "d", "d is a file", "new/x/index.html", "new", "e/f/g/index.html", "deep, edited"), read(out));
        assertEquals(java.util.List.of(".site.lock", "site"), beside(out), "no journal or staging folder is left beside the site");
    }

    @Test
    void aCommitThatFailsAmongManyParallelRenamesIsUndoneWhole() throws IOException {
        // Renames run on several threads: those still running when one fails must be undone too.
        Path out = tmp.resolve("site");
        Map<String, byte[]> first = new TreeMap<>();
        Map<String, byte[]> next = new TreeMap<>();
        for (int i = 0; i < 400; i++) {
            first.put("p" + i + "/index.html", b("old " + i));
            next.put("p" + i + "/index.html", b("new " + i));
            next.put("q" + i + "/index.html", b("added " + i));
        }
        SiteWriter.publish(out, first);
        Map<String, String> before = tree(out);
        for (int failAt : new int[] {1, 2, 50, 300, 799}) {
            java.util.concurrent.atomic.AtomicInteger steps = new java.util.concurrent.atomic.AtomicInteger();
            SiteWriter.Transaction tx = SiteWriter.begin(out, what -> {
                if (steps.incrementAndGet() == failAt) throw new IOException("injected failure before: " + what);
            });
            for (var e : next.entrySet()) tx.put(e.getKey(), e.getValue());
            assertThrows(IOException.class, tx::commit);
            assertEquals(before, tree(out), "a failure before step " + failAt + " changed the site");
        }
    }

    @Test
    void aFolderThatIsNotASiteIsNeverReplaced() throws IOException {
        Path notes = tmp.resolve("notes");
        Files.createDirectories(notes.resolve("sub"));
        Files.writeString(notes.resolve("draft.md"), "mine");
        Files.writeString(notes.resolve("sub/keep.txt"), "also mine");
        Map<String, String> before = tree(notes);
        assertThrows(SiteWriter.NotASiteException.class, () -> SiteWriter.publish(notes, site("index.html", "home")));
        assertEquals(before, tree(notes), "not one file of the folder changed");

        Path empty = tmp.resolve("empty");
        Files.createDirectories(empty);
        SiteWriter.publish(empty, site("index.html", "home"));
        assertTrue(Files.isRegularFile(empty.resolve(SiteWriter.MARKER)), "a site built into an empty folder is marked");
        SiteWriter.publish(empty, site("index.html", "home, edited"));
        assertEquals(Map.of("index.html", "home, edited"), read(empty), "a marked site is rebuilt");
        Files.delete(empty.resolve(SiteWriter.MARKER));
        assertThrows(SiteWriter.NotASiteException.class, () -> SiteWriter.publish(empty, site("index.html", "x")),
                "without its marker a folder with files is not taken for a site");
        assertThrows(SiteWriter.NotASiteException.class, () -> SiteWriter.checkReplaceable(Path.of("/")));
    }

    @Test
    void aPublishedSiteIsReadableByAWebServer() throws IOException {
        Path out = tmp.resolve("site");
        SiteWriter.publish(out, site("index.html", "home", "a/b/index.html", "b"));
        for (Path p : java.util.List.of(out, out.resolve("a"), out.resolve("a/b"))) {
            var perms = Files.getPosixFilePermissions(p);
            assertTrue(perms.contains(java.nio.file.attribute.PosixFilePermission.OTHERS_READ)
                    && perms.contains(java.nio.file.attribute.PosixFilePermission.OTHERS_EXECUTE), p + ": " + perms);
        }
        for (Path p : java.util.List.of(out.resolve("index.html"), out.resolve("a/b/index.html"))) {
            assertTrue(Files.getPosixFilePermissions(p).contains(java.nio.file.attribute.PosixFilePermission.OTHERS_READ), p.toString());
        }
    }
}
