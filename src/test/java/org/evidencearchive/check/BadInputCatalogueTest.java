package org.evidencearchive.check;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import org.evidencearchive.pipeline.Builder;
import org.evidencearchive.pipeline.Project;
import org.evidencearchive.testing.TempArchive;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The catalogue of bad inputs: each produces exactly one precise diagnostic (file, line, message), no stack
 * trace, and leaves the previously built site untouched.
 */
class BadInputCatalogueTest {
    @TempDir
    Path dir;

    /** Changes the project (its root given) beyond writing files, e.g. making symbolic links. */
    interface Setup {
        void apply(Path root) throws IOException;
    }

    /**
     * A bad input: files written over the good fixture, any other change, and the one diagnostic expected (its
     * column is checked unless it is -1).
     */
    record Case(String name, Map<String, byte[]> files, Setup setup, String file, int line, int column, String message) {
        Case(String name, Map<String, byte[]> files, String file, int line, String message) {
            this(name, files, root -> { }, file, line, -1, message);
        }

        Case(String name, Map<String, byte[]> files, Setup setup, String file, int line, String message) {
            this(name, files, setup, file, line, -1, message);
        }

        @Override
        public String toString() {
            return name;
        }
    }

    private static Case text(String name, String path, String content, int line, String message) {
        return new Case(name, Map.of(path, content.getBytes(StandardCharsets.UTF_8)), path, line, message);
    }

    private static Case text(String name, String path, String content, int line, int column, String message) {
        return new Case(name, Map.of(path, content.getBytes(StandardCharsets.UTF_8)), root -> { }, path, line, column, message);
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    /** A topic whose body (from line 6) is {@code body}. */
    private static String topic(String body) {
        return "---\nid: policy\ntitle: T\nsummary: s\n---\n" + body;
    }

    /** A case made by replacing text in a fixture file. */
    private static Case edit(String name, String path, String from, String to, int line, int column, String message) {
        return new Case(name, Map.of(), root -> {
            Path f = root.resolve("content").resolve(path);
            String was = Files.readString(f);
            if (!was.contains(from)) throw new IllegalStateException(path + " has no '" + from + "'");
            Files.writeString(f, was.replace(from, to));
        }, path, line, column, message);
    }

    /** Emphasis nested {@code n} deep by alternating marks: *w _w *w … x … w* w_ w*. */
    private static String alternatingEmphasis(int n) {
        StringBuilder open = new StringBuilder();
        StringBuilder close = new StringBuilder();
        for (int i = 0; i < n; i++) {
            char mark = i % 2 == 0 ? '*' : '_';
            open.append(mark).append("w ");
            close.insert(0, " w" + mark);
        }
        return open + "x" + close;
    }

    /** What the files outside content/ hold: none of it, nor its checksum, may appear in any diagnostic. */
    static final String SECRET = "SECRET-MARKER of a file outside the archive\n\nits second paragraph\n";
    private static final String SECRET_TOPIC = "---\nid: leaked\ntitle: SECRET-MARKER\nsummary: s\n---\n";

    /** Writes a file outside content/ (in the project root's outside/ folder) and returns its absolute path. */
    private static Path outside(Path root, String relative, String content) throws IOException {
        Path p = root.resolve("outside").resolve(relative).toAbsolutePath();
        Files.createDirectories(p.getParent());
        Files.writeString(p, content);
        return p;
    }

    /** A case made by a symbolic link at {@code link} (relative to content/). */
    private static Case linked(String name, String link, Setup setup, int line) {
        return new Case(name, Map.of(), setup, link, line, "symbolic link leads outside content/");
    }

    private static void link(Path root, String link, Path target) throws IOException {
        Path at = root.resolve("content").resolve(link);
        Files.deleteIfExists(at);
        Files.createSymbolicLink(at, target);
    }

    static Stream<Case> catalogue() {
        String bigBody = "word ".repeat(2_000_000);
        return Stream.of(
                text("malformed YAML", "topics/policy.md", "---\nid: policy\ntitle: [unclosed\nsummary: s\n---\n", 4, 8,
                        "malformed YAML front matter"),
                text("missing ---", "topics/extra.md", "id: extra\ntitle: Extra\n", 1,
                        "missing front matter: the first line must be '---'"),
                text("front matter not closed", "topics/policy.md", "---\nid: policy\ntitle: Policy\n", 1,
                        "front matter is not closed"),
                text("unknown field", "topics/policy.md", "---\nid: policy\ntitle: Policy\nsummary: s\ncolour: red\n---\n", 5, 1,
                        "unknown field 'colour'"),
                text("missing required field", "topics/policy.md", "---\nid: policy\nsummary: s\n---\n", 2,
                        "missing required field 'title'"),
                text("wrong type", "topics/policy.md", "---\nid: policy\ntitle:\n  a: b\nsummary: s\n---\n", 4, 3,
                        "field 'title' must be text, not a mapping"),
                text("bad date", "claims/alpha-doe.md", "---\nid: alpha-doe\nstatement: s\nkind: event\ndate: 2019-02-30\n"
                        + "topics: [deaths]\ncitations:\n  - source: alpha\n    quote: Jane Doe\n---\n", 5, 7, "bad date '2019-02-30'"),
                text("duplicate id (two items with one URL)", "topics/policy-copy.md", "---\nid: deaths\ntitle: T\nsummary: s\n---\n", 2,
                        "duplicate topic id 'deaths': /topics/deaths/ is already made by"),
                text("invalid id characters", "topics/extra.md", "---\nid: Policy Area\ntitle: T\nsummary: s\n---\n", 2, 5,
                        "invalid id 'Policy Area'"),
                text("id escaping the output folder", "topics/extra.md", "---\nid: ../../etc\ntitle: T\nsummary: s\n---\n", 2, 5,
                        "invalid id '../../etc'"),
                text("unknown topic", "commentary/on-alpha.md", "---\nid: on-alpha\ntitle: T\nsummary: s\nabout: [alpha]\n"
                        + "topics: [deaths, polcy]\n---\n", 6, 18, "unknown topic 'polcy'"),
                text("unknown source", "commentary/on-alpha.md", "---\nid: on-alpha\ntitle: T\nsummary: s\nabout: [alhpa]\n"
                        + "topics: [deaths]\n---\n", 5, 9, "unknown source 'alhpa'"),
                text("unknown claim", "claims/alpha-deaths.md", "---\nid: alpha-deaths\nstatement: s\nkind: statistic\n"
                        + "topics: [deaths]\ncitations:\n  - source: alpha\n    quote: 170 deaths\nrelations:\n  - disputes: alpha-do\n---\n",
                        10, 15, "unknown claim 'alpha-do'"),
                text("claim without citation", "claims/alpha-doe.md", "---\nid: alpha-doe\nstatement: s\nkind: event\n"
                        + "topics: [deaths]\ncitations: []\n---\n", 6, 12, "field 'citations' needs at least one entry"),
                text("quote not found", "commentary/on-alpha.md", "---\nid: on-alpha\ntitle: T\nsummary: s\nabout: [alpha]\n"
                        + "topics: [deaths]\n---\nIntro.\n\nAs reported [@alpha \"a figure of 171 deaths\"].\n", 10, 13,
                        "quote not found in source 'alpha'"),
                text("ambiguous quote", "commentary/on-alpha.md", "---\nid: on-alpha\ntitle: T\nsummary: s\nabout: [alpha]\n"
                        + "topics: [deaths]\n---\n[@alpha \"170\"]\n", 8, 1, "quote \"170\" occurs 2 times"),
                text("empty file", "topics/extra.md", "", 1, "file is empty"),
                new Case("not UTF-8", Map.of("topics/extra.md", "---\nid: policy\ntitle: Caf\u00e9\n---\n".getBytes(StandardCharsets.ISO_8859_1)),
                        root -> { }, "topics/extra.md", 3, 11, "file is not valid UTF-8"),
                new Case("not UTF-8 after 600 kB (located in one pass)", Map.of("topics/extra.md", concat(
                        topic("Intro.\n\n" + ("Caf\u00e9 au lait, ".repeat(4) + "\n").repeat(10_000)).getBytes(StandardCharsets.UTF_8),
                        "Caf\u00e9 ".getBytes(StandardCharsets.ISO_8859_1))),
                        root -> { }, "topics/extra.md", 10_008, 4, "file is not valid UTF-8"),
                text("very large file", "topics/extra.md", "---\nid: policy\ntitle: T\nsummary: s\n---\n" + bigBody, 0,
                        "file is too large"),
                text("link to a missing page", "topics/policy.md", "---\nid: policy\ntitle: T\nsummary: s\n---\nSee [it](/claims/nothing/).\n", 6,
                        "link to a page that does not exist: /claims/nothing/"),
                text("link to a missing anchor", "topics/policy.md", "---\nid: policy\ntitle: T\nsummary: s\n---\n\nSee [it](/sources/alpha/#p12).\n", 7,
                        "link to an anchor that does not exist: /sources/alpha/#p12"),
                text("raw HTML", "topics/policy.md", "---\nid: policy\ntitle: T\nsummary: s\n---\nText <b onclick=\"x()\">bold</b>.\n", 6,
                        "raw HTML is not allowed"),
                text("1,000 nested block quotes", "topics/policy.md", topic("Intro.\n\n" + "> ".repeat(1000) + "deep\n"), 8, 1,
                        "Markdown nested too deeply"),
                text("1,000 nested list items on one line", "topics/policy.md", topic("Intro.\n\n" + "- ".repeat(1000) + "deep\n"), 8, 1,
                        "Markdown nested too deeply"),
                text("1,000 list items nested by indentation (stopped at the 33rd)", "topics/policy.md",
                        topic("Intro.\n\n" + java.util.stream.IntStream.range(0, 1000).mapToObj(k -> "  ".repeat(k) + "- item\n")
                                .collect(java.util.stream.Collectors.joining())), 8 + 32, 1, "Markdown nested too deeply"),
                text("30,000 emphasis marks", "topics/policy.md", topic("Intro.\n\n" + "*".repeat(30_000) + "x" + "*".repeat(30_000) + "\n"),
                        8, 1, "a run of 30000 emphasis or rule marks"),
                text("30,000 emphasis marks with spaces (a rule to flexmark)", "topics/policy.md",
                        topic("Intro.\n\n" + "_ ".repeat(30_000) + "\n"), 8, 1, "a run of 30000 emphasis or rule marks"),
                text("20,000 levels of alternating emphasis", "topics/policy.md", topic("Intro.\n\n" + alternatingEmphasis(20_000) + "\n"),
                        8, -1, "Markdown nested too deeply: more than 100 levels"),
                text("NUL in a body", "topics/policy.md", topic("Intro.\n\nText\u0000here.\n"), 8, 5, "control character U+0000"),
                text("ESC in a field", "topics/policy.md", "---\nid: policy\ntitle: T\u001b[2J\nsummary: s\n---\n", 3, 9,
                        "control character U+001B"),
                text("DEL in a field", "topics/policy.md", "---\nid: policy\ntitle: T\nsummary: \u007f\n---\n", 4, 10,
                        "control character U+007F"),
                text("C1 control (NEL) in a body", "topics/policy.md", topic("Caf\u00e9 \u0085x\n"), 6, 6, "control character U+0085"),
                text("ESC written as a YAML escape in an id", "topics/extra.md",
                        "---\nid: \"e\\e[2Jxtra\"\ntitle: T\nsummary: s\n---\n", 2, 5, "field 'id' contains the control character U+001B"),
                text("ESC in a field name (shown escaped)", "topics/policy.md",
                        "---\nid: policy\ntitle: T\nsummary: s\n\"co\\elour\": red\n---\n", 5, 1, "unknown field 'co\u001blour'"),
                text("a newline in a file name (shown escaped)", "topics/a\nforged.md:1:1: error: fake.md",
                        "---\nid: extra\ntitle: T\nsummary: s\ncolour: red\n---\n", 5, 1, "unknown field 'colour'"),
                edit("figure value out of range", "claims/alpha-deaths.md", "value: 170", "value: 1e308", 8, 10,
                        "field 'value' is out of range: 1e308"),
                // each at the line of what is wrong in a front-matter citation, not at its quote
                edit("a citation of an unknown source", "claims/alpha-deaths.md", "  - source: alpha\n", "  - source: alphx\n", 12, 13,
                        "unknown source 'alphx'"),
                edit("a pin to a paragraph the source lacks", "claims/alpha-deaths.md", "    paragraph: p1", "    paragraph: p9", 13, 16,
                        "source 'alpha' has no paragraph p9"),
                // one error, naming the look-alike character, and none at the items that name the topic
                edit("an id with a non-breaking hyphen", "topics/deaths.md", "id: deaths", "id: dea\u2011ths", 2, 5,
                        "invalid id 'dea\u2011ths': use lowercase letters, digits and single hyphens only (it has non-breaking hyphen, U+2011,"),
                edit("a paragraph pin without its p", "claims/alpha-deaths.md", "    paragraph: p1", "    paragraph: 1", 13, 16,
                        "paragraph must be an anchor like 'p4', not '1'"),
                edit("a statement's number no cited paragraph gives", "claims/alpha-deaths.md", "gives 170 deaths",
                        "gives 160 deaths", 3, -1, "the statement gives 160, which none of the paragraphs it cites gives"),
                edit("a figure's year no cited paragraph gives", "claims/alpha-deaths.md", "  measure: deaths-alpha\n",
                        "  measure: deaths-alpha\n  period: \"1999\"\n", 11, -1, "period 1999 is not a year the cited paragraphs give"),
                new Case("item in a misspelled folder", Map.of("claim/alpha-extra.md", ("---\nid: alpha-extra\nstatement: s\nkind: fact\n"
                        + "topics: [deaths]\ncitations:\n  - source: alpha\n    quote: Jane Doe\n---\n").getBytes(StandardCharsets.UTF_8)),
                        root -> { }, "claim", 0, -1, "unknown folder 'claim'"),
                linked("symlinked .md to a file outside (absolute)", "topics/leak.md",
                        root -> link(root, "topics/leak.md", outside(root, "leak.md", SECRET_TOPIC)), 1),
                linked("symlinked .md to a file outside (relative, via ..)", "topics/leak.md",
                        root -> {
                            outside(root, "leak.md", SECRET_TOPIC);
                            link(root, "topics/leak.md", Path.of("../../outside/leak.md"));
                        }, 1),
                linked("symlinked archived text (a source's text:) outside", "sources/alpha.txt",
                        root -> link(root, "sources/alpha.txt", outside(root, "alpha.txt", SECRET)), 1),
                linked("symlinked folder outside", "sources/more",
                        root -> {
                            outside(root, "more/beta.txt", SECRET);
                            outside(root, "more/beta.md", "---\nid: beta\ntitle: SECRET-MARKER\ntext: beta.txt\nsha256: "
                                    + org.evidencearchive.content.ContentParser.sha256(SECRET.getBytes(StandardCharsets.UTF_8))
                                    + "\ntopics: [deaths]\n---\n");
                            link(root, "sources/more", root.resolve("outside/more").toAbsolutePath());
                        }, 0),
                linked("link inside content/ to a link leading outside", "topics/chain.md",
                        root -> {
                            link(root, ".hop", outside(root, "leak.md", SECRET_TOPIC));
                            link(root, "topics/chain.md", Path.of("../.hop"));
                        }, 1));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("catalogue")
    // Each case takes about a second; locating the bad byte of the 600 kB case quadratically took minutes.
    @Timeout(value = 30, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void eachBadInputGivesOnePreciseDiagnosticAndLosesNothing(Case c) throws IOException {
        TempArchive a = TempArchive.fromFixture(dir, "mini");
        Builder builder = new Builder(Project.at(a.root()));
        assertTrue(builder.build().ok());
        Map<String, byte[]> before = TempArchive.files(a.root().resolve("target/site"));
        for (var f : c.files().entrySet()) a.writeBytes(f.getKey(), f.getValue());
        c.setup().apply(a.root());

        List<Diagnostic> ds = builder.build().diagnostics().sorted();
        assertEquals(1, ds.size(), () -> "expected one diagnostic, got:\n" + String.join("\n", ds.stream().map(Diagnostic::format).toList()));
        Diagnostic d = ds.get(0);
        assertEquals(Diagnostic.Severity.ERROR, d.severity());
        assertTrue(d.file().replace('\\', '/').endsWith("content/" + c.file()), d.file());
        assertEquals(c.line(), d.line(), d::format);
        if (c.column() >= 0) assertEquals(c.column(), d.column(), d::format);
        // What reaches the terminal is the diagnostic's line and its hint line, with no control character.
        String shown = d.format().replace("\n    hint: ", "\u0000");
        assertEquals(d.hint().isEmpty() ? 1 : 2, shown.split("\u0000", -1).length, d::format);
        assertTrue(shown.chars().noneMatch(ch -> ch != 0 && Character.isISOControl(ch)), d::format);
        assertTrue(d.message().startsWith(c.message()), d.message());
        assertFalse(d.format().contains("Exception"), d.format());
        assertFalse(d.format().contains("SECRET-MARKER"), d.format());
        assertFalse(d.format().contains(org.evidencearchive.content.ContentParser.sha256(SECRET.getBytes(StandardCharsets.UTF_8))),
                d.format());

        Map<String, byte[]> after = TempArchive.files(a.root().resolve("target/site"));
        assertEquals(before.keySet(), after.keySet());
        for (String k : before.keySet()) assertArrayEquals(before.get(k), after.get(k), k);
    }

    @ParameterizedTest(name = "{0} simply works")
    @MethodSource("harmless")
    void byteOrderMarkAndWindowsLineEndingsSimplyWork(String name, String content) throws IOException {
        TempArchive a = TempArchive.fromFixture(dir, "mini");
        a.write("topics/policy.md", content);
        Builder.Result r = new Builder(Project.at(a.root())).build();
        assertEquals(List.of(), r.diagnostics().sorted());
        assertTrue(Files.readString(a.root().resolve("target/site/topics/policy/index.html")).contains("Positions and law"));
    }

    static Stream<org.junit.jupiter.params.provider.Arguments> harmless() {
        return Stream.of(
                org.junit.jupiter.params.provider.Arguments.of("byte-order mark", "\uFEFF---\nid: policy\ntitle: Positions and law\nsummary: s\n---\n"),
                org.junit.jupiter.params.provider.Arguments.of("Windows line endings", "---\r\nid: policy\r\ntitle: Positions and law\r\nsummary: s\r\n---\r\nBody.\r\n"),
                org.junit.jupiter.params.provider.Arguments.of("nesting up to the limit, tabs, long rules and emphasis",
                        "---\nid: policy\ntitle: Positions and law\nsummary: s\n---\n" + "> ".repeat(32) + "deep\n\n"
                                + java.util.stream.IntStream.range(0, 32).mapToObj(k -> "  ".repeat(k) + "- item\n").collect(java.util.stream.Collectors.joining())
                                + "\n" + "-".repeat(120) + "\n\n\tcode\twith tabs\n\n" + alternatingEmphasis(60) + " and ***strong*** text\n"));
    }
}
