package org.evidencearchive.cli;

import static org.evidencearchive.cli.MainTest.run;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.evidencearchive.check.Diagnostic;
import org.evidencearchive.content.ContentParser;
import org.evidencearchive.pipeline.Builder;
import org.evidencearchive.pipeline.Project;
import org.evidencearchive.testing.TempArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code archive new source ID --text FILE}, and what check tells an editor about a source's checksum. */
class NewCommandTest {
    @TempDir
    Path dir;

    /** A capture as it arrives: Windows line endings, typographic quotes, no final line break. */
    private static final byte[] CAPTURE = "Gamma headline\r\n\r\nA first paragraph of 212 deaths.\r\n\r\nA second, \u201Cquoted\u201D one."
            .getBytes(StandardCharsets.UTF_8);

    private static List<Diagnostic> check(TempArchive a) {
        return new Builder(Project.at(a.root())).check().diagnostics().sorted();
    }

    private static String formatted(List<Diagnostic> ds) {
        return String.join("\n", ds.stream().map(Diagnostic::format).toList());
    }

    /** Fills in what a new source leaves to the editor besides its checksum: title, topics, the note. */
    private static void fillIn(Path md) throws Exception {
        String s = Files.readString(md).replace("title: A short descriptive title", "title: Gamma report")
                .replace("topics: [replace-with-a-topic-id]", "topics: [deaths]")
                .replace("Optional note of ours about the source.", "");
        Files.writeString(md, s);
    }

    @Test
    void newSourceWithTextCopiesItByteForByteAndFillsInItsChecksum() throws Exception {
        TempArchive a = TempArchive.fromFixture(dir, "mini");
        Path capture = Files.write(dir.resolve("capture.txt"), CAPTURE);
        MainTest.Run r = run("new", "source", "gamma", "--text", capture.toString(), "--root", a.root().toString());
        assertEquals(0, r.code(), r.err());
        Path txt = a.content().resolve("sources/gamma.txt");
        Path md = a.content().resolve("sources/gamma.md");
        assertArrayEquals(CAPTURE, Files.readAllBytes(txt), "the text is copied verbatim");
        String written = Files.readString(md);
        assertTrue(written.contains("text: gamma.txt"), written);
        assertTrue(written.contains("sha256: " + ContentParser.sha256(CAPTURE) + " "), written);
        List<Diagnostic> ds = check(a);
        assertTrue(ds.stream().noneMatch(d -> d.message().contains("sha256") || d.message().contains("SHA-256")), formatted(ds));

        fillIn(md);
        assertEquals(List.of(), check(a), "once title and topics are filled in, the new source is valid");

        MainTest.Run again = run("new", "source", "gamma", "--text", capture.toString(), "--root", a.root().toString());
        assertEquals(1, again.code());
        assertTrue(again.err().contains("already exists; nothing was written"), again.err());
        assertArrayEquals(CAPTURE, Files.readAllBytes(txt));
    }

    @Test
    void newSourceWithTextRefusesWhatItCannotKeepAndWritesNothing() throws Exception {
        TempArchive a = TempArchive.fromFixture(dir, "mini");
        String root = a.root().toString();
        Path capture = Files.write(dir.resolve("capture.txt"), CAPTURE);

        MainTest.Run missing = run("new", "source", "gamma", "--text", dir.resolve("nothing.txt").toString(), "--root", root);
        assertEquals(2, missing.code());
        assertTrue(missing.err().contains("no such file"), missing.err());

        MainTest.Run notSource = run("new", "topic", "gamma", "--text", capture.toString(), "--root", root);
        assertEquals(2, notSource.code());
        assertTrue(notSource.err().contains("--text is for a source's archived text"), notSource.err());

        Path latin1 = Files.write(dir.resolve("latin1.txt"), "Caf\u00e9\n".getBytes(StandardCharsets.ISO_8859_1));
        MainTest.Run notUtf8 = run("new", "source", "gamma", "--text", latin1.toString(), "--root", root);
        assertEquals(2, notUtf8.code());
        assertTrue(notUtf8.err().contains("latin1.txt:1:4: error: file is not valid UTF-8"), notUtf8.err());
        assertFalse(notUtf8.err().contains("Exception"), notUtf8.err());

        Files.write(a.content().resolve("sources/gamma.txt"), "another text".getBytes(StandardCharsets.UTF_8));
        MainTest.Run taken = run("new", "source", "gamma", "--text", capture.toString(), "--root", root);
        assertEquals(1, taken.code());
        assertTrue(taken.err().contains("gamma.txt already exists; nothing was written"), taken.err());
        assertEquals("another text", Files.readString(a.content().resolve("sources/gamma.txt")));
        assertFalse(Files.exists(a.content().resolve("sources/gamma.md")));
        assertFalse(Files.exists(a.content().resolve("topics/gamma.md")));
    }

    @Test
    void aTextAlreadyBesideTheSourceIsKeptAndItsChecksumFilledIn() throws Exception {
        TempArchive a = TempArchive.fromFixture(dir, "mini");
        Path txt = a.writeBytes("sources/gamma.txt", CAPTURE);
        MainTest.Run r = run("new", "source", "gamma", "--text", txt.toString(), "--root", a.root().toString());
        assertEquals(0, r.code(), r.err());
        assertArrayEquals(CAPTURE, Files.readAllBytes(txt));
        assertTrue(Files.readString(a.content().resolve("sources/gamma.md")).contains("sha256: " + ContentParser.sha256(CAPTURE)));
    }

    @Test
    void aPlaceholderChecksumOfANewSourceSaysHowToComputeIt() throws Exception {
        TempArchive a = TempArchive.fromFixture(dir, "mini");
        assertEquals(0, run("new", "source", "gamma", "--root", a.root().toString()).code());
        a.writeBytes("sources/gamma.txt", CAPTURE);
        List<Diagnostic> ds = check(a).stream().filter(d -> d.message().contains("sha256")).toList();
        assertEquals(1, ds.size(), formatted(check(a)));
        Diagnostic d = ds.get(0);
        String sha256Line = "sha256: replace-with-output-of-sha256sum";
        assertEquals(lineOf(a.content().resolve("sources/gamma.md"), sha256Line), d.line(), d.format());
        assertEquals(9, d.column(), d.format());
        assertTrue(d.message().startsWith("field 'sha256' still holds the placeholder"), d.format());
        assertTrue(d.hint().contains("run: sha256sum ") && d.hint().contains("sources/gamma.txt")
                && d.hint().contains("./archive new source ID --text FILE"), d.format());
    }

    @Test
    void aChangedTextThatIsPublishedIsNeverToldItsNewChecksum() throws Exception {
        TempArchive a = TempArchive.fromFixture(dir, "mini");
        Path text = a.content().resolve("sources/alpha.txt");
        String was = ContentParser.sha256(Files.readAllBytes(text));
        Files.writeString(a.root().resolve("site-config/fixity.txt"), "alpha " + was + "\n");
        Files.writeString(text, Files.readString(text).replace("170 deaths", "171 deaths"));
        String now = ContentParser.sha256(Files.readAllBytes(text));

        List<Diagnostic> ds = check(a);
        assertTrue(ds.stream().noneMatch(d -> d.format().contains(now)), "the new checksum is not shown:\n" + formatted(ds));
        Diagnostic d = ds.stream().filter(x -> x.message().startsWith("archived text alpha.txt does not match")).findFirst()
                .orElseThrow(() -> new AssertionError(formatted(ds)));
        assertEquals(5, d.line(), d.format());
        assertTrue(d.message().contains("it is published"), d.format());
        assertTrue(d.hint().contains("restore it as captured") && d.hint().contains("record a correction")
                && d.hint().contains("Corrections"), d.format());

        // Renamed, with an alias keeping the old URL: the text is still the published one.
        Path md = a.content().resolve("sources/alpha.md");
        String source = Files.readString(md);
        Files.writeString(md, source.replace("id: alpha\n", "id: alpha-report\naliases: [/sources/alpha/]\n"));
        a.write("topics/deaths.md", Files.readString(a.content().resolve("topics/deaths.md")).replace("@alpha", "@alpha-report"));
        List<Diagnostic> renamed = check(a);
        assertTrue(renamed.stream().noneMatch(x -> x.format().contains(now)), "renamed, not shown either:\n" + formatted(renamed));
        assertTrue(renamed.stream().anyMatch(x -> x.message().contains("and it is published")), formatted(renamed));
        Files.writeString(md, source);

        // The same change to a text never published: the new checksum is what to record.
        Files.delete(a.root().resolve("site-config/fixity.txt"));
        List<Diagnostic> fresh = check(a);
        assertTrue(fresh.stream().anyMatch(x -> x.line() == 5 && x.message().contains("(it is now " + now + ")")
                && x.hint().contains("not published yet")), formatted(fresh));
    }

    /** Each placeholder line of each scaffold: the start of the line, and the placeholder in it. */
    private static final Map<String, List<String[]>> PLACEHOLDERS = Map.of(
            "source", List.of(new String[] {"title: A short", "A short descriptive title"},
                    new String[] {"sha256: replace", "replace-with-output-of-sha256sum"},
                    new String[] {"topics: [replace", "replace-with-a-topic-id"},
                    new String[] {"Optional note of ours", "Optional note of ours about the source."}),
            "commentary", List.of(new String[] {"title: Title", "Title of the commentary"},
                    new String[] {"summary: One sentence", "One sentence for listings and search results."},
                    new String[] {"about: [replace", "replace-with-a-source-id"},
                    new String[] {"topics: [replace", "replace-with-a-topic-id"},
                    new String[] {"Neutral prose", "Neutral prose"},
                    new String[] {"the report says so", "the report says so"}),
            "claim", List.of(new String[] {"statement: One statement", "One statement"},
                    new String[] {"topics: [replace", "replace-with-a-topic-id"},
                    new String[] {"  - source: replace", "replace-with-a-source-id"},
                    new String[] {"    quote: exact words", "exact words of the source"}),
            "topic", List.of(new String[] {"title: Topic title", "Topic title"},
                    new String[] {"summary: One sentence.", "One sentence."},
                    new String[] {"A curated introduction", "A curated introduction"}),
            "person", List.<String[]>of(new String[] {"name: Full Name", "Full Name"}));

    @Test
    void everyPlaceholderOfEveryScaffoldIsAnErrorAtItsValueAndNothingIsPublished() throws Exception {
        TempArchive a = TempArchive.fromFixture(dir, "mini");
        for (String kind : PLACEHOLDERS.keySet()) assertEquals(0, run("new", kind, "new-" + kind, "--root", a.root().toString()).code());
        a.write("sources/new-source.txt", "A paragraph.\n"); // so that the checksum is checked
        Builder.Result built = new Builder(Project.at(a.root())).build();
        List<Diagnostic> ds = built.diagnostics().sorted();
        assertEquals(ds, check(a), "check reports what build reports");
        for (var e : PLACEHOLDERS.entrySet()) {
            String file = org.evidencearchive.content.Kind.of(e.getKey()).orElseThrow().section() + "/new-" + e.getKey() + ".md";
            for (String[] p : e.getValue()) {
                assertReported(ds, a, file, p[0], p[1], p[1].startsWith("replace-with-output") ? "run: sha256sum" : "replace the placeholder with ");
            }
        }
        assertTrue(ds.stream().noneMatch(d -> d.message().startsWith("unknown")), "placeholders are not taken for ids:\n" + formatted(ds));
        assertTrue(ds.stream().noneMatch(d -> d.message().contains("needs at least one entry")), "one error per placeholder:\n" + formatted(ds));
        assertFalse(built.ok());
        assertFalse(Files.exists(a.root().resolve("target/site")), "nothing is published");
    }

    @Test
    void theScaffoldsCommentedExamplesAreErrorsTooWhenUncommented() throws Exception {
        TempArchive a = TempArchive.fromFixture(dir, "mini");
        for (String kind : List.of("source", "claim", "person")) {
            assertEquals(0, run("new", kind, "new-" + kind, "--root", a.root().toString()).code());
        }
        String[][] examples = {
                {"sources/new-source.md", "headline: ...", "..."}, {"sources/new-source.md", "outlet: ...", "..."},
                {"sources/new-source.md", "authors: [Name]", "Name"}, {"sources/new-source.md", "url: https://...", "https://..."},
                {"sources/new-source.md", "  basis: The text", "The text reports"},
                {"sources/new-source.md", "provenance: How", "How the text reached the archive."},
                {"claims/new-claim.md", "by: [person-id]", "person-id"}, {"claims/new-claim.md", "  - disputes: other", "other-claim-id"},
                {"people/new-person.md", "  - role: MP", "MP for Somewhere"}, {"people/new-person.md", "    source: source-id", "source-id"},
                {"people/new-person.md", "    quote: exact words naming", "exact words naming the role"},
                {"people/new-person.md", "mentions: [Full Name, Mr Name]", "Full Name"},
                {"people/new-person.md", "mentions: [Full Name, Mr Name]", "Mr Name"}};
        for (String f : List.of("sources/new-source.md", "claims/new-claim.md", "people/new-person.md")) {
            Path p = a.content().resolve(f);
            Files.writeString(p, Files.readString(p).replaceAll("(?m)^(\\s*)# ", "$1"));
        }
        List<Diagnostic> ds = check(a);
        for (String[] x : examples) assertReported(ds, a, x[0], x[1], x[2], "replace the placeholder with ");
    }

    /** Asserts an error at the placeholder's line and column (in the line starting {@code lineStart}) with the hint given. */
    private static void assertReported(List<Diagnostic> ds, TempArchive a, String file, String lineStart, String placeholder,
                                       String hint) throws Exception {
        Path path = a.content().resolve(file);
        int line = lineOf(path, lineStart);
        int column = Files.readAllLines(path).get(line - 1).indexOf(placeholder) + 1;
        assertTrue(ds.stream().anyMatch(d -> d.file().endsWith(file) && d.line() == line && d.column() == column
                        && d.message().contains("placeholder") && d.hint().startsWith(hint)),
                file + ": '" + placeholder + "' at " + line + ":" + column + " is reported:\n" + formatted(ds));
    }

    private static int lineOf(Path file, String start) throws Exception {
        List<String> lines = Files.readAllLines(file);
        for (int i = 0; i < lines.size(); i++) if (lines.get(i).startsWith(start)) return i + 1;
        throw new AssertionError(start + " not in " + file);
    }
}
