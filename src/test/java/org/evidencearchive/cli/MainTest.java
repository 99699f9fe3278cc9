package org.evidencearchive.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.evidencearchive.pipeline.Builder;
import org.evidencearchive.pipeline.Project;
import org.evidencearchive.testing.TempArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MainTest {
    @TempDir
    Path dir;

    /** Runs the CLI capturing stderr and stdout. */
    record Run(int code, String err, String out) {}

    static Run run(String... args) {
        PrintStream oldErr = System.err;
        PrintStream oldOut = System.out;
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            int code = Main.run(args);
            return new Run(code, err.toString(StandardCharsets.UTF_8), out.toString(StandardCharsets.UTF_8));
        } finally {
            System.setErr(oldErr);
            System.setOut(oldOut);
        }
    }

    @Test
    void exitCodesAreZeroOneAndTwo() throws Exception {
        TempArchive a = TempArchive.fromFixture(dir, "mini");
        String root = a.root().toString();
        assertEquals(0, run("build", "--root", root).code());
        assertEquals(0, run("check", "--root", root).code());
        assertEquals(2, run("build", "--no-such-option").code());
        assertEquals(2, run().code());
        // a root that is not there is bad usage, not an archive with errors
        Run missing = run("check", "--root", a.root().resolve("nowhere").toString());
        assertEquals(2, missing.code());
        assertTrue(missing.err().contains("no folder '"), missing.err());
        a.write("topics/policy.md", "---\nid: policy\ntitle: Policy\nsumary: typo\n---\n");
        Run bad = run("check", "--root", root);
        assertEquals(1, bad.code());
        assertTrue(bad.err().contains("policy.md:4:1: error: unknown field 'sumary'"), bad.err());
        assertTrue(bad.err().contains("hint: did you mean 'summary'?"), bad.err());
        assertTrue(!bad.err().contains("\tat "), "no stack trace");
        assertEquals(1, run("build", "--root", root).code());
    }

    @Test
    void runningOutOfMemoryIsOneLineNamingTheLimitAndTheRemedy() {
        assertEquals("archive build: ran out of memory (heap limit 2048 MB); raise it with ARCHIVE_JAVA_OPTS=-Xmx4g",
                Main.outOfMemoryMessage("archive build", 2048L << 20));
        assertEquals("archive build: ran out of memory (heap limit 1600 MB); raise it with ARCHIVE_JAVA_OPTS=-Xmx4g",
                Main.outOfMemoryMessage("archive build", 1600L << 20));
        assertEquals("archive check: ran out of memory (heap limit 256 MB); raise it with ARCHIVE_JAVA_OPTS=-Xmx1g",
                Main.outOfMemoryMessage("archive check", 256L << 20));
        // Lucene's IndexWriter, once a thread ran out of memory, fails the others with the error as cause
        assertTrue(Main.outOfMemory(new IllegalStateException("closed", new OutOfMemoryError("Java heap space"))));
        assertTrue(!Main.outOfMemory(new IllegalStateException("closed", new java.io.IOException("disk full"))));
    }

    @Test
    void checkAsJsonForCi() throws Exception {
        TempArchive a = TempArchive.fromFixture(dir, "mini");
        a.write("topics/policy.md", "---\nid: policy\ntitle: Policy\nsummary: s\nrelated: [deaths, polcy]\n---\n");
        Run r = run("check", "--root", a.root().toString(), "--format", "json");
        assertEquals(1, r.code());
        var json = new com.fasterxml.jackson.databind.ObjectMapper().readTree(r.out()).get("diagnostics");
        assertEquals(1, json.size());
        assertEquals("unknown topic 'polcy'", json.get(0).get("message").asText());
        assertEquals(5, json.get(0).get("line").asInt());
        assertEquals("error", json.get(0).get("severity").asText());
    }

    @Test
    void newWritesAValidItemAndRefusesOverwriteAndBadIds() throws Exception {
        TempArchive a = TempArchive.fromFixture(dir, "mini");
        String root = a.root().toString();
        assertEquals(0, run("new", "topic", "harm-reduction", "--root", root).code());
        Path file = a.content().resolve("topics/harm-reduction.md");
        assertTrue(Files.readString(file).contains("id: harm-reduction"));
        assertFalse(new Builder(Project.at(a.root())).check().ok(), "a new topic's placeholders are errors");
        assertEquals(1, run("new", "topic", "harm-reduction", "--root", root).code());
        assertEquals(2, run("new", "topic", "Bad_Id", "--root", root).code());
        Run tooLong = run("new", "topic", "a".repeat(101), "--root", root); // longer than an id may be (100)
        assertEquals(2, tooLong.code());
        assertTrue(tooLong.err().contains("id is too long: 101 characters, at most 100"), tooLong.err());
        assertFalse(Files.exists(a.content().resolve("topics/" + "a".repeat(101) + ".md")));
        assertEquals(2, run("new", "thing", "x", "--root", root).code());
        for (String kind : new String[] {"commentary", "claim", "person"}) {
            assertEquals(0, run("new", kind, "new-" + kind, "--root", root).code());
        }
        // Scaffolds with placeholders name what to fill in, each at its line.
        var d = new Builder(Project.at(a.root())).check().diagnostics().sorted();
        assertTrue(d.stream().anyMatch(x -> x.message().equals("field 'source' still holds the placeholder 'replace-with-a-source-id'")),
                d.toString());
        assertTrue(d.stream().noneMatch(x -> x.message().startsWith("unknown field")), d.toString());
    }

    @Test
    void buildRefusesAnOutputFolderThatIsNotASiteAndLeavesItUntouched() throws Exception {
        TempArchive a = TempArchive.fromFixture(dir, "mini");
        String root = a.root().toString();
        Path docs = a.root().resolve("docs");
        Files.createDirectories(docs);
        Files.writeString(docs.resolve("notes.md"), "tracked notes");
        for (Path out : java.util.List.of(docs, a.root(), a.root().resolve("content"), a.root().resolve("content/sources/site"))) {
            Run r = run("build", "--root", root, "--out", out.toString());
            assertEquals(2, r.code(), out + ": " + r.err());
            assertTrue(r.err().contains("refusing --out"), r.err());
            assertTrue(!r.err().contains("\tat "), "no stack trace");
        }
        assertEquals("tracked notes", Files.readString(docs.resolve("notes.md")));
        assertEquals(java.util.List.of(docs.resolve("notes.md")), Files.list(docs).toList(), "nothing added or removed");
        assertTrue(Files.isRegularFile(a.root().resolve("content/sources").resolve(Files.list(a.root().resolve("content/sources"))
                .findFirst().orElseThrow().getFileName())), "the content is still there");
        assertTrue(Files.notExists(a.root().resolve("content/sources/site")), "no output folder was made inside content/");

        Path fresh = a.root().resolve("public");
        assertEquals(0, run("build", "--root", root, "--out", fresh.toString()).code());
        assertEquals(0, run("build", "--root", root, "--out", fresh.toString()).code(), "a site built before is rebuilt");
    }

    @Test
    void serveOnABusyPortFailsAtOnceBeforeBuilding() throws Exception {
        TempArchive a = TempArchive.fromFixture(dir, "mini");
        try (java.net.ServerSocket taken = new java.net.ServerSocket(0, 50, java.net.InetAddress.getLoopbackAddress())) {
            int port = taken.getLocalPort();
            Run r = run("serve", "--root", a.root().toString(), "--port", String.valueOf(port));
            assertEquals(2, r.code(), r.err());
            assertEquals(1, r.err().strip().lines().count(), "one line: " + r.err());
            assertTrue(r.err().contains(String.valueOf(port)) && r.err().contains("--port"), r.err());
            assertTrue(!Files.exists(a.root().resolve("target/site")), "nothing was built");
        }
    }
}
