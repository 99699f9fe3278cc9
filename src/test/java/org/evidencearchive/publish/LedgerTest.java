package org.evidencearchive.publish;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.evidencearchive.pipeline.Builder;
import org.evidencearchive.pipeline.Project;
import org.evidencearchive.check.Diagnostic;
import org.evidencearchive.content.ContentParser;
import org.evidencearchive.testing.TempArchive;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LedgerTest {
    @TempDir
    Path dir;

    private TempArchive published() throws IOException {
        TempArchive a = TempArchive.fromFixture(dir, "mini");
        assertTrue(new Builder(Project.at(a.root())).updateLedger().ok());
        String urls = Files.readString(a.root().resolve("site-config/urls.txt"));
        assertTrue(urls.contains("\n/topics/policy/\n"), urls);
        assertTrue(urls.contains("\n/claims/topic/policy/\n"), urls);
        assertTrue(urls.contains("\n/sources/alpha/text.txt\n"), urls);
        assertTrue(Files.readString(a.root().resolve("site-config/fixity.txt")).contains("alpha "));
        return a;
    }

    @Test
    void renamingAnItemFailsUntilItNamesItsOldUrlAsAnAlias() throws IOException {
        TempArchive a = published();
        Files.delete(a.content().resolve("topics/policy.md"));
        a.write("topics/law.md", "---\nid: law\ntitle: Law\nsummary: s\n---\n");
        Files.writeString(a.content().resolve("commentary/on-alpha.md"), Files.readString(a.content().resolve("commentary/on-alpha.md"))
                .replace("[deaths, policy]", "[deaths, law]").replace("/topics/policy/", "/topics/law/"));
        Files.writeString(a.content().resolve("topics/deaths.md"), Files.readString(a.content().resolve("topics/deaths.md"))
                .replace("related: [policy]", "related: [law]"));
        Builder.Result broken = new Builder(Project.at(a.root())).build();
        assertFalse(broken.ok());
        Diagnostic d = broken.diagnostics().sorted().get(0);
        assertTrue(d.file().endsWith("site-config/urls.txt"), d.file());
        assertEquals("published URL /topics/policy/ would no longer resolve", d.message());
        assertTrue(d.hint().contains("aliases: [/topics/policy/]"), d.hint());
        // The topic's page of the claims index follows the topic: only the topic's own URL is reported.
        assertTrue(broken.diagnostics().sorted().stream().noneMatch(x -> x.message().contains("/claims/topic/policy/")),
                broken.diagnostics().sorted().toString());
        // check finds it too, without rendering.
        assertFalse(new Builder(Project.at(a.root())).check().ok());

        a.write("topics/law.md", "---\nid: law\ntitle: Law\nsummary: s\naliases: [/topics/policy/]\n---\n");
        Builder.Result fixed = new Builder(Project.at(a.root())).build();
        assertTrue(fixed.ok(), () -> fixed.diagnostics().sorted().toString());
        Document redirect = Jsoup.parse(a.root().resolve("target/site/topics/policy/index.html").toFile());
        assertEquals("0; url=/topics/law/", redirect.selectFirst("meta[http-equiv=refresh]").attr("content"));
        assertEquals("https://evidence-archive.example/topics/law/", redirect.selectFirst("link[rel=canonical]").attr("href"));
        assertEquals("/topics/law/", redirect.selectFirst("a").attr("href"));
        assertTrue(Files.readString(a.root().resolve("target/site/_redirects")).contains("/topics/policy/ /topics/law/ 301"));
        // ... and the alias moves it with the topic.
        Document claims = Jsoup.parse(a.root().resolve("target/site/claims/topic/policy/index.html").toFile());
        assertEquals("0; url=/claims/topic/law/", claims.selectFirst("meta[http-equiv=refresh]").attr("content"));
        assertTrue(Files.readString(a.root().resolve("target/site/_redirects")).contains("/claims/topic/policy/ /claims/topic/law/ 301"));
    }

    @Test
    void anAliasCannotShadowAPageOrEscapeTheSite() throws IOException {
        TempArchive a = published();
        a.write("topics/law.md", "---\nid: law\ntitle: Law\nsummary: s\naliases: [../../etc/passwd, /a%2Fb/, /x/../../y/]\n---\n");
        var ds = new Builder(Project.at(a.root())).build().diagnostics().sorted();
        assertEquals(3, ds.size(), ds::toString);
        assertTrue(ds.stream().anyMatch(x -> x.message().equals("invalid alias '../../etc/passwd'")), ds.toString());
        assertTrue(ds.stream().anyMatch(x -> x.message().equals("invalid alias '/a%2Fb/'")), ds.toString());
        assertTrue(ds.stream().anyMatch(x -> x.message().equals("invalid alias '/x/../../y/'")), ds.toString());
        a.write("topics/law.md", "---\nid: law\ntitle: Law\nsummary: s\naliases: [/topics/policy/]\n---\n");
        var shadow = new Builder(Project.at(a.root())).build().diagnostics().sorted();
        assertEquals(1, shadow.size(), shadow::toString);
        assertEquals("alias /topics/policy/ would overwrite the page /topics/policy/", shadow.get(0).message());
    }

    @Test
    void anItemThatCannotBeReadIsOneErrorAtItsFileNotItsUrlsInTheLedger() throws IOException {
        TempArchive a = published();
        Path claim = a.content().resolve("claims/alpha-deaths.md");
        Files.writeString(claim, Files.readString(claim).replace("kind: statistic\n", ""));
        var ds = new Builder(Project.at(a.root())).check().diagnostics().sorted();
        assertEquals(1, ds.size(), ds::toString);
        assertEquals("missing required field 'kind'", ds.get(0).message());
        assertTrue(ds.get(0).file().endsWith("claims/alpha-deaths.md"), ds.get(0).file());
        // deleted, it is a published URL that would break
        Files.delete(claim);
        ds = new Builder(Project.at(a.root())).check().diagnostics().sorted();
        assertTrue(ds.stream().anyMatch(d -> d.message().equals("published URL /claims/alpha-deaths/ would no longer resolve")), ds::toString);
        // with another file in error too, build stops before rendering and still reports what check does
        Path topic = a.content().resolve("topics/policy.md");
        Files.writeString(topic, Files.readString(topic).replace("title:", "titel:"));
        var checked = new Builder(Project.at(a.root())).check().diagnostics().sorted();
        assertEquals(checked, new Builder(Project.at(a.root())).build().diagnostics().sorted());
        assertTrue(checked.size() > 2, checked::toString);
    }

    @Test
    void anArchivedTextChangesOnlyWithARecordedCorrection() throws IOException {
        TempArchive a = published();
        Path md = a.content().resolve("sources/alpha.md");
        String original = Files.readString(md);
        String oldSha = original.replaceAll("(?s).*sha256: (\\w+).*", "$1");
        String before = Files.readString(a.content().resolve("sources/alpha.txt"));
        String corrected = before.replace("170 deaths.", "170 deaths (corrected).");
        a.write("sources/alpha.txt", corrected);
        a.write("sources/alpha.v1.txt", before);
        String newSha = ContentParser.sha256(corrected.getBytes(StandardCharsets.UTF_8));
        // Updating the checksum alone is not enough: the change must be recorded.
        Files.writeString(md, original.replace(oldSha, newSha));
        Builder.Result r = new Builder(Project.at(a.root())).build();
        assertFalse(r.ok());
        assertTrue(r.diagnostics().sorted().get(0).message().contains("has changed since it was archived"),
                r.diagnostics().sorted().toString());
        Files.writeString(md, original.replace(oldSha, newSha).replace("topics: [deaths]",
                "topics: [deaths]\ncorrections:\n  - date: \"2026-01-05\"\n    what: Added a word.\n    why: Test.\n    previous_sha256: " + oldSha
                        + "\n    previous_text: alpha.v1.txt"));
        Builder.Result ok = new Builder(Project.at(a.root())).build();
        assertTrue(ok.ok(), () -> ok.diagnostics().sorted().toString());
        String fixity = Files.readString(a.root().resolve("target/site/data/fixity.json"));
        assertTrue(fixity.contains(newSha) && fixity.contains("\"previousSha256\" : \"" + oldSha + "\""), fixity);
    }

    /**
     * Restores a paragraph missing from alpha's capture (before "Third"), keeping the text before it in alpha.v1.txt,
     * and records the correction in alpha.md with the given anchors line (or none); returns alpha.md as written.
     */
    private static String insertParagraph(TempArchive a, String anchors) throws IOException {
        Path md = a.content().resolve("sources/alpha.md");
        String original = Files.readString(md);
        String oldSha = original.replaceAll("(?s).*sha256: (\\w+).*", "$1");
        String text = Files.readString(a.content().resolve("sources/alpha.txt"));
        String inserted = text.replace("\n\nThird", "\n\nAn inserted paragraph.\n\nThird");
        a.write("sources/alpha.txt", inserted);
        a.write("sources/alpha.v1.txt", text);
        String corrected = original.replace(oldSha, ContentParser.sha256(inserted.getBytes(StandardCharsets.UTF_8)))
                .replace("topics: [deaths]", "topics: [deaths]\n" + anchors + "corrections:\n  - date: \"2026-01-05\"\n"
                        + "    what: A paragraph missing from the capture was restored.\n    why: Test.\n    previous_sha256: " + oldSha
                        + "\n    previous_text: alpha.v1.txt");
        Files.writeString(md, corrected);
        return corrected;
    }

    @Test
    void anchorsStayFixedWhenAParagraphIsInserted() throws IOException {
        TempArchive a = published();
        insertParagraph(a, "anchors: [p1, p2, p2a, p3]\n");
        Builder.Result r = new Builder(Project.at(a.root())).build();
        assertTrue(r.ok(), () -> r.diagnostics().sorted().toString());
        Document page = Jsoup.parse(a.root().resolve("target/site/sources/alpha/index.html").toFile());
        assertEquals("An inserted paragraph.", page.selectFirst("#p2a > p").text());
        assertTrue(page.selectFirst("#p3 > p").text().startsWith("Third paragraph"));
    }

    @Test
    void aParagraphInsertedWithoutSuffixAnchorsIsAnErrorThatGivesTheAnchors() throws IOException {
        TempArchive a = published();
        Path md = a.content().resolve("sources/alpha.md");
        String corrected = insertParagraph(a, "");
        byte[] page = Files.readAllBytes(a.root().resolve("target/site/sources/alpha/index.html"));
        Builder.Result r = new Builder(Project.at(a.root())).build();
        assertFalse(r.ok());
        var d = r.diagnostics().sorted().stream().filter(x -> x.message().contains("moves published anchors")).findFirst().orElseThrow(
                () -> new AssertionError(r.diagnostics().sorted().toString()));
        assertEquals("a correction moves published anchors to other paragraphs: #p3 is now #p4", d.message());
        assertEquals(corrected.lines().toList().indexOf("corrections:") + 2, d.line(), "at the correction");
        assertTrue(d.hint().endsWith("anchors: [p1, p2, p2a, p3]"), d.hint());
        assertArrayEquals(page, Files.readAllBytes(a.root().resolve("target/site/sources/alpha/index.html")), "nothing published");
        // the anchors the hint gives keep #p3 where it was
        Files.writeString(md, corrected.replace("corrections:", "anchors: [p1, p2, p2a, p3]\ncorrections:"));
        Builder.Result ok = new Builder(Project.at(a.root())).build();
        assertTrue(ok.ok(), () -> ok.diagnostics().sorted().toString());
    }

    /** Renames the source 'alpha' to 'alpha-report' as the editor's guide says: a new id, the old page as an alias. */
    private static void renameAlpha(TempArchive a) throws IOException {
        Path old = a.content().resolve("sources/alpha.md");
        a.write("sources/alpha-report.md", Files.readString(old).replace("id: alpha\n", "id: alpha-report\naliases: [/sources/alpha/]\n"));
        Files.delete(old);
        try (var files = Files.walk(a.content())) {
            for (Path p : files.filter(p -> p.toString().endsWith(".md")).toList()) {
                String text = Files.readString(p);
                String renamed = text.replace("[@alpha", "[@alpha-report").replace("source: alpha\n", "source: alpha-report\n")
                        .replace("about: [alpha]", "about: [alpha-report]").replace("/sources/alpha/#", "/sources/alpha-report/#");
                if (!renamed.equals(text)) Files.writeString(p, renamed);
            }
        }
    }

    @Test
    void aRenamedSourceKeepsTheChecksumItWasArchivedWith() throws IOException {
        TempArchive a = published();
        renameAlpha(a);
        Path md = a.content().resolve("sources/alpha-report.md");
        String original = Files.readString(md);
        String oldSha = original.replaceAll("(?s).*sha256: (\\w+).*", "$1");
        // one letter changed, outside any quote, and the checksum updated: the rename must not hide the edit
        String before = Files.readString(a.content().resolve("sources/alpha.txt"));
        String edited = before.replace("a second line", "a second lime");
        a.write("sources/alpha.txt", edited);
        Files.writeString(md, original.replace(oldSha, ContentParser.sha256(edited.getBytes(StandardCharsets.UTF_8))));
        for (Builder.Result r : java.util.List.of(new Builder(Project.at(a.root())).check(), new Builder(Project.at(a.root())).build())) {
            var ds = r.diagnostics().sorted();
            assertEquals(1, ds.size(), ds::toString);
            Diagnostic d = ds.get(0);
            assertTrue(d.file().replace('\\', '/').endsWith("content/sources/alpha-report.md"), d.format());
            assertEquals(3, d.line(), d.format()); // the alias that carries the old text's URL
            assertTrue(d.message().startsWith("the archived text of 'alpha-report' has changed since it was archived as 'alpha'"), d.message());
            assertTrue(d.hint().contains("previous_sha256: " + oldSha), d.hint());
        }
        assertFalse(Files.exists(a.root().resolve("target/site/sources/alpha-report")), "a failed build publishes nothing");
        // recording the correction lets it through
        Files.writeString(md, Files.readString(md).replace("topics: [deaths]", "topics: [deaths]\ncorrections:\n  - date: \"2026-01-05\"\n"
                + "    what: A typo.\n    why: Test.\n    previous_sha256: " + oldSha + "\n    previous_text: alpha.v1.txt"));
        a.write("sources/alpha.v1.txt", before);
        Builder.Result ok = new Builder(Project.at(a.root())).build();
        assertTrue(ok.ok(), () -> ok.diagnostics().sorted().toString());
    }

    @Test
    void aRenamedSourceKeepsEveryOldUrlServingTheSameKindOfFile() throws IOException {
        TempArchive a = published();
        Path site = a.root().resolve("target/site");
        renameAlpha(a);
        assertTrue(new Builder(Project.at(a.root())).check().ok());
        Builder.Result r = new Builder(Project.at(a.root())).build();
        assertTrue(r.ok(), () -> r.diagnostics().sorted().toString());
        String redirects = Files.readString(site.resolve("_redirects"));
        int checked = 0;
        for (String url : Files.readAllLines(a.root().resolve("site-config/urls.txt"))) {
            if (!url.startsWith("/sources/alpha/")) continue;
            checked++;
            String name = url.substring("/sources/alpha/".length());
            Path old = site.resolve(Redirects.fileFor(url));
            assertTrue(Files.isRegularFile(old), url);
            if (name.isEmpty()) {
                Document page = Jsoup.parse(old.toFile());
                assertEquals("/sources/alpha-report/", page.selectFirst("a").attr("href"));
                assertTrue(redirects.contains("\n/sources/alpha/ /sources/alpha-report/ 301\n"), redirects);
            } else {
                // the same file as at the new URL (not an HTML page), and the host's redirect goes to that file
                assertArrayEquals(Files.readAllBytes(site.resolve("sources/alpha-report/" + name)), Files.readAllBytes(old), url);
                assertFalse(Files.readString(old).contains("<html"), url);
                assertTrue(redirects.contains("\n" + url + " /sources/alpha-report/" + name + " 301\n"), redirects);
            }
        }
        assertEquals(7, checked, "the page, text.txt, cite.bib, cite.ris, cite.json, timemap.link and versions/…/text.txt were published");
        assertEquals(Files.readString(a.content().resolve("sources/alpha.txt")), Files.readString(site.resolve("sources/alpha/text.txt")));
    }

    @Test
    void anAliasOfAFileMustNameAFileTheItemPublishes() throws IOException {
        TempArchive a = published();
        a.write("topics/law.md", "---\nid: law\ntitle: Law\nsummary: s\naliases: [/topics/old-law/notes.txt]\n---\n");
        var ds = new Builder(Project.at(a.root())).build().diagnostics().sorted();
        assertEquals(1, ds.size(), ds::toString);
        assertEquals("alias /topics/old-law/notes.txt names a file, and 'law' publishes no file 'notes.txt' to serve there", ds.get(0).message());
        assertEquals(5, ds.get(0).line());
    }
}
