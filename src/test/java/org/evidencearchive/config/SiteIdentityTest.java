package org.evidencearchive.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.evidencearchive.check.Diagnostic;
import org.evidencearchive.pipeline.Builder;
import org.evidencearchive.pipeline.Project;
import org.evidencearchive.testing.TempArchive;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Publishing is a decision: a preview says so on every page, a reserved host is refused outside a preview, and
 * the URL ledger records the host, so that a changed host needs a recorded move.
 */
class SiteIdentityTest {
    @TempDir
    Path dir;

    private TempArchive archive(String settings) throws IOException {
        TempArchive a = TempArchive.fromFixture(dir, "mini");
        Files.writeString(a.root().resolve("site-config/site.yaml"), settings);
        return a;
    }

    private static List<Diagnostic> errors(Builder.Result r) {
        return r.diagnostics().sorted();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"https://evidence-archive.example", "https://archive.test", "http://localhost:8000", "https://127.0.0.1",
            "https://[::1]", "https://www.example.org", "https://site.invalid"})
    void aReservedHostIsAnErrorAtItsLineUnlessTheBuildIsAPreview(String base) throws IOException {
        TempArchive a = archive("title: T\n# where it is published\nbase_url: " + base + "\n");
        Builder builder = new Builder(Project.at(a.root()));
        for (Builder.Result r : List.of(builder.check(), builder.build())) {
            List<Diagnostic> ds = errors(r);
            assertEquals(1, ds.size(), ds::toString);
            Diagnostic d = ds.get(0);
            assertTrue(d.file().endsWith("site-config/site.yaml"), d.file());
            assertEquals(3, d.line(), d.format());
            assertTrue(d.message().startsWith("base_url " + base + " is "), d.message());
            assertTrue(d.hint().contains("preview: true"), d.hint());
        }
        assertFalse(Files.exists(a.root().resolve("target/site")), "nothing is published");
        Files.writeString(a.root().resolve("site-config/site.yaml"), "title: T\nbase_url: " + base + "\npreview: true\n");
        assertTrue(new Builder(Project.at(a.root())).build().ok());
    }

    @Test
    void aPreviewSaysSoOnEveryPageAndAsksNotToBeIndexed() throws IOException {
        TempArchive a = archive("title: T\n"); // no base_url: a preview at the placeholder
        assertTrue(new Builder(Project.at(a.root())).build().ok());
        Path site = a.root().resolve("target/site");
        for (String page : List.of("index.html", "sources/alpha/index.html", "claims/alpha-doe/index.html", "404.html")) {
            Document doc = Jsoup.parse(site.resolve(page).toFile());
            assertEquals("noindex", doc.selectFirst("meta[name=robots]").attr("content"), page);
            assertTrue(doc.selectFirst("header .preview").text().contains("citations point at a placeholder address"), page);
            if (!page.equals("404.html")) { // "not found" has no address of its own
                assertTrue(doc.selectFirst("link[rel=canonical]").attr("href").startsWith(SiteConfig.PLACEHOLDER), page);
            }
        }
        assertNull(Jsoup.parse(site.resolve("404.html").toFile()).selectFirst("link[rel=canonical]"));
    }

    @Test
    void aSiteBuiltForItsRealHostShowsNoPreviewNotice() throws IOException {
        TempArchive a = archive("title: T\nbase_url: https://archive.drugpolicy.org.uk\n");
        assertTrue(new Builder(Project.at(a.root())).build().ok());
        Document doc = Jsoup.parse(a.root().resolve("target/site/sources/alpha/index.html").toFile());
        assertNull(doc.selectFirst("meta[name=robots]"));
        // a page of search results and "not found" ask not to be listed, and the sitemap leaves search out
        for (String page : List.of("search/index.html", "404.html")) {
            assertEquals("noindex", Jsoup.parse(a.root().resolve("target/site/" + page).toFile()).selectFirst("meta[name=robots]").attr("content"));
        }
        assertFalse(Files.readString(a.root().resolve("target/site/sitemap.xml")).contains("/search/"));
        // the claims of someone with none say "No claims yet": not listed; those of someone with claims are
        Files.writeString(a.content().resolve("people/john-roe.md"), "---\nid: john-roe\nname: John Roe\nkind: person\n---\n");
        assertTrue(new Builder(Project.at(a.root())).build().ok());
        String sitemap = Files.readString(a.root().resolve("target/site/sitemap.xml"));
        assertFalse(sitemap.contains("/claims/by/john-roe/"), sitemap);
        assertTrue(sitemap.contains("/claims/by/jane-doe/"), sitemap);
        assertEquals("noindex", Jsoup.parse(a.root().resolve("target/site/claims/by/john-roe/index.html").toFile())
                .selectFirst("meta[name=robots]").attr("content"));
        assertNull(Jsoup.parse(a.root().resolve("target/site/claims/by/jane-doe/index.html").toFile()).selectFirst("meta[name=robots]"));
        assertNull(doc.selectFirst("header .preview"));
        assertEquals("https://archive.drugpolicy.org.uk/sources/alpha/", doc.selectFirst("link[rel=canonical]").attr("href"));
    }

    @Test
    void theLedgerRecordsTheHostAndAnotherHostNeedsARecordedMove() throws IOException {
        TempArchive a = archive("title: T\nbase_url: https://archive.drugpolicy.org.uk\n");
        assertTrue(new Builder(Project.at(a.root())).updateLedger().ok());
        Path urls = a.root().resolve("site-config/urls.txt");
        List<String> lines = Files.readAllLines(urls);
        assertEquals("host archive.drugpolicy.org.uk", lines.get(1), "the header records the host");
        assertTrue(lines.contains("/sources/alpha/"), "and the URLs follow as before");
        assertTrue(Files.isRegularFile(a.root().resolve("target/site/css/site.css.gz")), "the site has gzip twins");
        assertTrue(lines.stream().noneMatch(l -> l.endsWith(".gz") && !l.equals("/data/archive.warc.gz") || l.startsWith("/_") || l.startsWith("/.")),
                "gzip twins and host configurations are not URLs of the site: " + lines);
        assertTrue(lines.contains("/data/archive.warc.gz"), "the WARC export is a gzip file of its own, not a twin: " + lines);

        Files.writeString(a.root().resolve("site-config/site.yaml"), "title: T\n\nbase_url: https://evidence.drugpolicy.org.uk\n");
        Builder builder = new Builder(Project.at(a.root()));
        for (Builder.Result r : List.of(builder.check(), builder.build())) {
            List<Diagnostic> ds = errors(r);
            assertEquals(1, ds.size(), ds::toString);
            Diagnostic d = ds.get(0);
            assertTrue(d.file().endsWith("site-config/site.yaml") && d.line() == 3, d.format());
            assertTrue(d.message().contains("evidence.drugpolicy.org.uk") && d.message().contains("archive.drugpolicy.org.uk")
                    && d.message().contains("urls.txt:2"), d.message());
            assertTrue(d.hint().contains("moved_from: [https://archive.drugpolicy.org.uk]"), d.hint());
        }

        // A recorded move builds, and every host's configuration redirects the old host to the new one.
        Files.writeString(a.root().resolve("site-config/site.yaml"), "title: T\nbase_url: https://evidence.drugpolicy.org.uk\n"
                + "moved_from: [https://archive.drugpolicy.org.uk]\n");
        assertTrue(new Builder(Project.at(a.root())).updateLedger().ok());
        assertEquals("host evidence.drugpolicy.org.uk", Files.readAllLines(urls).get(1), "the ledger now records the new host");
        Path site = a.root().resolve("target/site");
        assertTrue(Files.readString(site.resolve("_redirects"))
                .contains("https://archive.drugpolicy.org.uk/* https://evidence.drugpolicy.org.uk/:splat 301!"));
        assertTrue(Files.readString(site.resolve("_nginx.conf"))
                .contains("if ($host = \"archive.drugpolicy.org.uk\") {\n    return 301 https://evidence.drugpolicy.org.uk$request_uri;\n}"));
        assertTrue(Files.readString(site.resolve(".htaccess")).contains("RewriteCond %{HTTP_HOST} =archive.drugpolicy.org.uk [NC]\n"
                + "RewriteRule ^ https://evidence.drugpolicy.org.uk%{REQUEST_URI} [R=301,L]"));

        // A preview of the published site checks no host and leaves the recorded one.
        Files.writeString(a.root().resolve("site-config/site.yaml"), "title: T\npreview: true\n");
        assertTrue(new Builder(Project.at(a.root())).updateLedger().ok());
        assertEquals("host evidence.drugpolicy.org.uk", Files.readAllLines(urls).get(1));
    }

    @Test
    void whereToReportAnErrorIsOnTheAboutPageAndInTheFooterWhenSet() throws IOException {
        TempArchive a = archive("title: T\nreport_errors: https://example.org/archive/issues\n");
        assertTrue(new Builder(Project.at(a.root())).build().ok());
        var about = org.jsoup.Jsoup.parse(a.root().resolve("target/site/about/index.html").toFile());
        assertEquals("https://example.org/archive/issues", about.selectFirst("#errors + p a").attr("href"));
        var page = org.jsoup.Jsoup.parse(a.root().resolve("target/site/topics/policy/index.html").toFile());
        assertEquals("Report an error", page.selectFirst(".site-footer a[href=https://example.org/archive/issues]").text());
        // without it, the About page says there is none, and no page invents one
        Files.writeString(a.root().resolve("site-config/site.yaml"), "title: T\n");
        assertTrue(new Builder(Project.at(a.root())).build().ok());
        about = org.jsoup.Jsoup.parse(a.root().resolve("target/site/about/index.html").toFile());
        assertTrue(about.selectFirst("#errors + p").text().startsWith("This archive has not published an address"));
        assertEquals(null, org.jsoup.Jsoup.parse(a.root().resolve("target/site/topics/policy/index.html").toFile())
                .selectFirst(".site-footer a[href^=https://example.org]"));
        Files.writeString(a.root().resolve("site-config/site.yaml"), "title: T\nreport_errors: editors@example.org\n");
        List<Diagnostic> ds = errors(new Builder(Project.at(a.root())).check());
        assertEquals(List.of(2), ds.stream().map(Diagnostic::line).toList(), ds::toString);
        assertTrue(ds.get(0).message().startsWith("report_errors must be an https address or a mailto: address"), ds.get(0).message());
    }

    @Test
    void aLanguageCitationsCannotBeWrittenInIsAnErrorAtItsLineNotAnInternalError() throws IOException {
        TempArchive a = archive("title: T\nlanguage: fr\n");
        List<Diagnostic> ds = errors(new Builder(Project.at(a.root())).check());
        assertEquals(List.of(2), ds.stream().map(Diagnostic::line).toList(), ds::toString);
        assertTrue(ds.get(0).message().contains("language 'fr' is not one citations can be written in"), ds.get(0).message());
        assertTrue(ds.get(0).hint().startsWith("did you mean fr-CA or fr-FR?"), ds.get(0).hint());
        // a misspelt setting is named, and a line SnakeYAML cannot read is the line reported
        Path settings = a.root().resolve("site-config/site.yaml");
        Files.writeString(settings, "titel: T\n");
        ds = errors(new Builder(Project.at(a.root())).check());
        assertTrue(ds.get(0).hint().startsWith("did you mean 'title'?"), ds.get(0).hint());
        Files.writeString(settings, "title: T\ndescription: d\n  base_url: https://x.org\n");
        ds = errors(new Builder(Project.at(a.root())).check());
        assertEquals(List.of(3), ds.stream().map(Diagnostic::line).toList(), ds::toString);
        assertTrue(ds.get(0).hint().contains("'name: value' line"), ds.get(0).hint());
    }

    @Test
    void badSettingsAreErrorsAtTheirLines() throws IOException {
        TempArchive a = archive("title: T\nbase_url: https://archive.drugpolicy.org.uk\npreview: maybe\nmoved_from:\n  - ftp://old\n"
                + "  - https://archive.drugpolicy.org.uk\ncolour: red\n");
        List<Diagnostic> ds = errors(new Builder(Project.at(a.root())).check());
        assertEquals(List.of(3, 5, 6, 7), ds.stream().map(Diagnostic::line).toList(), ds::toString);
        assertTrue(ds.get(0).message().contains("preview must be true or false"), ds.get(0).message());
        assertTrue(ds.get(1).message().contains("not 'ftp://old'"), ds.get(1).message());
        assertTrue(ds.get(2).message().contains("this site's own host"), ds.get(2).message());
        assertTrue(ds.get(3).message().contains("unknown setting 'colour'"), ds.get(3).message());
    }
}
