package org.evidencearchive.content;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

import org.evidencearchive.check.Diagnostic;
import org.evidencearchive.check.Diagnostics;
import org.evidencearchive.testing.TempArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ContentParserTest {
    @TempDir
    Path dir;

    private List<Diagnostic> parse(TempArchive a) {
        Diagnostics d = new Diagnostics();
        new ContentParser(a.content(), a.root(), d).parse();
        return d.sorted();
    }

    private Corpus corpus(TempArchive a, Diagnostics d) {
        return new ContentParser(a.content(), a.root(), d).parse();
    }

    private static Diagnostic only(List<Diagnostic> ds) {
        assertEquals(1, ds.size(), () -> "expected exactly one diagnostic, got: " + ds);
        return ds.get(0);
    }

    @Test
    void theSourcesFolderLinkedOutsideIsRefusedAtTheLinkAndNothingOfItIsRead() throws IOException {
        TempArchive a = TempArchive.fromFixture(dir, "mini");
        Path away = dir.resolve("elsewhere/sources");
        TempArchive.copy(a.content().resolve("sources"), away);
        java.nio.file.Files.writeString(away.resolve("alpha.txt"), "SECRET-MARKER\n");
        java.nio.file.Files.move(a.content().resolve("sources"), dir.resolve("was-sources"));
        java.nio.file.Files.createSymbolicLink(a.content().resolve("sources"), Path.of("../elsewhere/sources"));
        Diagnostics d = new Diagnostics();
        Corpus c = corpus(a, d);
        assertEquals(List.of(), c.sources());
        Diagnostic first = d.sorted().stream().filter(x -> x.file().endsWith("sources")).findFirst().orElseThrow(
                () -> new AssertionError("no diagnostic at content/sources: " + d.sorted()));
        assertEquals("content/sources", first.file());
        assertEquals(0, first.line());
        assertEquals("symbolic link leads outside content/", first.message());
        for (Diagnostic x : d.sorted()) assertFalse(x.format().contains("SECRET") || x.format().contains("elsewhere"), x.format());
    }

    @Test
    void linksThatStayInsideTheContentFolderAreFollowed() throws IOException {
        TempArchive a = TempArchive.fromFixture(dir, "mini");
        Path content = a.content();
        // An archived text kept in a subfolder, linked beside its source by a relative link.
        java.nio.file.Files.createDirectories(content.resolve("sources/captures"));
        java.nio.file.Files.move(content.resolve("sources/alpha.txt"), content.resolve("sources/captures/alpha.txt"));
        java.nio.file.Files.createSymbolicLink(content.resolve("sources/alpha.txt"), Path.of("captures/alpha.txt"));
        // A whole folder of items kept under another name (a dotfolder, not read by itself), linked by an absolute link.
        java.nio.file.Files.move(content.resolve("topics"), content.resolve(".topics"));
        java.nio.file.Files.createSymbolicLink(content.resolve("topics"), content.resolve(".topics").toAbsolutePath());
        Diagnostics d = new Diagnostics();
        Corpus c = corpus(a, d);
        assertEquals(List.of(), d.sorted());
        assertEquals(3, c.sources().get(0).text().paragraphs().size());
        assertEquals(2, c.topics().size());
    }

    @Test
    void aMisspelledFolderIsAnErrorWithAHintWhileTheGuideAndDotfilesAreFine() throws IOException {
        TempArchive a = TempArchive.fromFixture(dir, "mini");
        a.write("README.md", "# Editor's guide\n");
        a.write(".github/notes.md", "not an item\n");
        a.write("peple/someone.md", "---\nid: someone\nname: Someone\nkind: person\n---\n");
        Diagnostic d = only(parse(a));
        assertEquals("content/peple", d.file());
        assertEquals(0, d.line());
        assertEquals("unknown folder 'peple': nothing in it would be published", d.message());
        assertTrue(d.hint().startsWith("did you mean 'people'?"), d.hint());
    }

    @Test
    void parsesEveryKindOfTheGoodFixture() throws IOException {
        TempArchive a = TempArchive.fromFixture(dir, "mini");
        Diagnostics d = new Diagnostics();
        Corpus c = corpus(a, d);
        assertEquals(List.of(), d.sorted());
        assertEquals(1, c.sources().size());
        Source s = c.sources().get(0);
        assertEquals("alpha", s.id());
        assertEquals(3, s.text().paragraphs().size());
        assertEquals("p2", s.text().paragraphs().get(1).anchor());
        assertEquals(3, s.text().paragraphs().get(1).line());
        assertNull(s.outlet(), "unknown outlet stays unknown");
        assertEquals(3, c.claims().size());
        Claim claim = c.claims().get(0);
        assertEquals("statistic", claim.claimKind().word());
        assertEquals(0, claim.figure().value().compareTo(new java.math.BigDecimal(170)));
        assertEquals(Claim.RelationType.CONTRASTS, claim.relations().get(0).type());
        assertEquals("p1", claim.citations().get(0).paragraph());
        assertEquals(2, c.topics().size());
        assertEquals("person", c.people().get(0).personKind().word());
        assertEquals(List.of("alpha"), c.commentary().get(0).about().stream().map(Ref::id).toList());
    }

    @Test
    void unknownFieldIsReportedAtItsLineWithASuggestion() throws IOException {
        TempArchive a = TempArchive.fromFixture(dir, "mini");
        a.write("topics/policy.md", "---\nid: policy\ntitle: Policy\nsumary: typo\nsummary: ok\n---\n");
        Diagnostic d = only(parse(a));
        assertEquals("content/topics/policy.md", d.file().replace('\\', '/').replaceFirst("^.*content/", "content/"));
        assertEquals(4, d.line());
        assertEquals("unknown field 'sumary'", d.message());
        assertEquals("did you mean 'summary'?", d.hint());
    }

    @Test
    void missingRequiredField() throws IOException {
        TempArchive a = TempArchive.fromFixture(dir, "mini");
        a.write("topics/policy.md", "---\nid: policy\ntitle: Policy\n---\n");
        Diagnostic d = only(parse(a));
        assertEquals("missing required field 'summary'", d.message());
        assertEquals(2, d.line());
    }

    @Test
    void wrongTypeBadDateAndInvalidId() throws IOException {
        TempArchive a = TempArchive.fromFixture(dir, "mini");
        a.write("claims/alpha-doe.md", "---\nid: Alpha_Doe\nstatement: [a, list]\nkind: position\ndate: 2019-13-01\n"
                + "topics: [deaths]\ncitations:\n  - source: alpha\n    quote: Jane Doe\n---\n");
        List<Diagnostic> ds = parse(a);
        assertEquals(3, ds.size(), ds::toString);
        assertTrue(ds.get(0).message().startsWith("invalid id 'Alpha_Doe'"), ds.get(0).message());
        assertEquals(2, ds.get(0).line());
        assertEquals("field 'statement' must be text, not a list", ds.get(1).message());
        assertEquals(3, ds.get(1).line());
        assertEquals("bad date '2019-13-01' in field 'date'", ds.get(2).message());
        assertEquals(5, ds.get(2).line());
    }

    @Test
    void malformedYamlMissingDashesAndEmptyFile() throws IOException {
        TempArchive a = TempArchive.fromFixture(dir, "mini");
        a.write("topics/policy.md", "---\nid: policy\ntitle: \"unclosed\nsummary: x\n---\n");
        a.write("topics/empty.md", "");
        a.write("topics/nodash.md", "id: nodash\ntitle: x\n");
        List<Diagnostic> ds = parse(a);
        assertEquals(3, ds.size(), ds::toString);
        assertEquals("file is empty", ds.get(0).message());
        assertEquals("missing front matter: the first line must be '---'", ds.get(1).message());
        assertTrue(ds.get(2).message().startsWith("malformed YAML front matter"), ds.get(2).message());
        assertTrue(ds.get(2).line() >= 3, "points into the front matter: " + ds.get(2));
    }

    @Test
    void notUtf8IsReportedWithItsLine() throws IOException {
        TempArchive a = TempArchive.fromFixture(dir, "mini");
        a.writeBytes("topics/policy.md", "---\nid: policy\ntitle: caf\u00e9\n".getBytes(StandardCharsets.ISO_8859_1));
        Diagnostic d = only(parse(a));
        assertTrue(d.message().startsWith("file is not valid UTF-8"), d.message());
        assertEquals(3, d.line());
    }

    @Test
    void byteOrderMarkAndWindowsLineEndingsSimplyWork() throws IOException {
        TempArchive a = TempArchive.fromFixture(dir, "mini");
        a.write("topics/policy.md", "\uFEFF---\r\nid: policy\r\ntitle: Policy\r\nsummary: Positions.\r\n---\r\nIntro.\r\n");
        Diagnostics d = new Diagnostics();
        Corpus c = corpus(a, d);
        assertEquals(List.of(), d.sorted());
        assertEquals("Positions.", c.topics().get(1).summary());
    }

    @Test
    void changedArchivedTextFailsItsChecksum() throws IOException {
        TempArchive a = TempArchive.fromFixture(dir, "mini");
        a.write("sources/alpha.txt", "First paragraph with a figure of 171 deaths.\n");
        Diagnostic d = only(parse(a));
        assertTrue(d.message().contains("does not match its recorded SHA-256"), d.message());
        assertEquals(5, d.line());
    }

    @Test
    void sourceWithHeadlineAndBylineInPreamble() throws IOException {
        TempArchive a = TempArchive.fromFixture(dir, "mini");
        a.write("sources/beta.txt", "The Headline\n\nBy A Writer\nPhoto credit\n\nBody one.\n\nBody two.\n");
        String sha = ContentParser.sha256("The Headline\n\nBy A Writer\nPhoto credit\n\nBody one.\n\nBody two.\n".getBytes(StandardCharsets.UTF_8));
        a.write("sources/beta.md", "---\nid: beta\ntitle: The Headline\nheadline: The Headline\nauthors: [A Writer]\n"
                + "text: beta.txt\nsha256: " + sha + "\npreamble: 2\ntopics: [deaths]\n---\n");
        Diagnostics d = new Diagnostics();
        Source beta = corpus(a, d).sources().get(1);
        assertEquals(List.of(), d.sorted());
        assertEquals(List.of("The Headline", "By A Writer\nPhoto credit"), beta.text().preamble());
        assertEquals(List.of("p1", "p2"), beta.text().paragraphs().stream().map(Paragraph::anchor).toList());
        assertEquals("Body two.", beta.text().paragraphs().get(1).text());
        assertFalse(beta.authors().isEmpty());
    }

    @Test
    void aBylineTheTextDoesNotGiveIsRefused() throws IOException {
        TempArchive a = TempArchive.fromFixture(dir, "mini");
        String text = new String(java.nio.file.Files.readAllBytes(a.content().resolve("sources/alpha.txt")), StandardCharsets.UTF_8);
        a.write("sources/alpha.md", "---\nid: alpha\ntitle: Alpha\nauthors: [Invented Person]\ntext: alpha.txt\nsha256: "
                + ContentParser.sha256(text.getBytes(StandardCharsets.UTF_8)) + "\ntopics: [deaths]\n---\n");
        Diagnostic d = only(parse(a));
        assertEquals("author 'Invented Person' does not occur in the archived text", d.message());
    }
}
