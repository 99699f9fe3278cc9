package org.evidencearchive.gates;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.evidencearchive.pipeline.Builder;
import org.evidencearchive.pipeline.Project;
import org.evidencearchive.check.Diagnostic;
import org.evidencearchive.content.ContentParser;
import org.evidencearchive.publish.SecurityHeaders;
import org.evidencearchive.testing.TempArchive;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Security of what we publish: CSP everywhere, and no editor input can become markup or script. */
class SecurityTest {
    @TempDir
    Path dir;

    static final String[] PAYLOADS = {"<script>alert(1)</script>", "\"><img src=x onerror=alert(1)>", "</title><script>alert(2)</script>",
            "<svg onload=alert(3)>", "${7*7}", "{{7*7}}", "javascript:alert(4)", "<!--<script>", "]]><!--", "&lt;script&gt;"};

    private static List<Path> pages(Path site) throws IOException {
        try (Stream<Path> s = Files.walk(site)) {
            return s.filter(p -> p.toString().endsWith(".html")).toList();
        }
    }

    /** Asserts no page has a script other than the site's own files, no event handler and no javascript: URL. */
    static void assertNoInjectedMarkup(Path site) throws IOException {
        for (Path p : pages(site)) {
            Document d = Jsoup.parse(p.toFile());
            for (Element s : d.select("script")) {
                boolean ours = s.attr("type").equals("module") && s.attr("src").startsWith("/js/") && s.data().isEmpty();
                boolean data = s.attr("type").equals("application/ld+json");
                assertTrue(ours || data, p + ": " + s.outerHtml());
                if (data) { // the block ends where it should: what the parser saw in it is the whole JSON, nothing after
                    try {
                        new com.fasterxml.jackson.databind.ObjectMapper().readTree(s.data());
                    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                        throw new AssertionError(p + ": the JSON-LD block is not JSON as a browser parses it: " + s.data(), e);
                    }
                    assertFalse(s.data().contains("<") || s.data().contains(">"), p + ": markup characters are escaped: " + s.data());
                }
            }
            for (Element e : d.getAllElements()) {
                for (var a : e.attributes()) {
                    assertFalse(a.getKey().toLowerCase().startsWith("on"), p + ": " + e.outerHtml());
                    assertFalse(a.getValue().toLowerCase().replaceAll("\\s", "").startsWith("javascript:"), p + ": " + e.outerHtml());
                }
            }
            assertFalse(d.select("svg[onload], img[onerror], iframe, object, embed").size() > 0, p.toString());
        }
    }

    @Test
    void everyPageCarriesTheContentSecurityPolicyAndNoInlineScript() throws IOException {
        TempArchive a = TempArchive.fromFixture(dir, "mini");
        assertTrue(new Builder(Project.at(a.root())).build().ok());
        Path site = a.root().resolve("target/site");
        for (Path p : pages(site)) {
            Document d = Jsoup.parse(p.toFile());
            if (d.selectFirst("meta[http-equiv=refresh]") != null) continue;
            String csp = d.selectFirst("meta[http-equiv=Content-Security-Policy]").attr("content");
            assertTrue(csp.contains("script-src 'self'") && !csp.contains("unsafe-inline") && !csp.contains("unsafe-eval"), p + csp);
        }
        assertTrue(Files.readString(site.resolve("_headers")).contains("Content-Security-Policy: " + SecurityHeaders.CSP));
        assertNoInjectedMarkup(site);
    }

    @Test
    void payloadsInEveryFieldAreShownAsTextNeverRun() throws IOException {
        TempArchive a = TempArchive.fromFixture(dir, "mini");
        String text = "<script>alert(6)</script>Jane said: Opening <script>alert(1)</script> paragraph with \"><img src=x onerror=alert(1)> in it, ${7*7}.\n\n"
                + "Second ${7*7} {{7*7}} paragraph.\n";
        a.write("sources/evil.txt", text);
        String sha = ContentParser.sha256(text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        String title = String.join(" ", PAYLOADS).replace("'", "''");
        String earlier = "<script>alert(7)</script> an earlier version.\n";
        a.write("sources/evil.v1.txt", earlier);
        a.write("sources/evil.md", "---\nid: evil\ntitle: '" + title + "'\ntext: evil.txt\nsha256: " + sha
                + "\ntopics: [deaths]\nprovenance: '<b onmouseover=alert(5)>p</b>'\ncorrections:\n  - date: \"2026-01-05\"\n"
                + "    what: '" + title + "'\n    why: '<svg onload=alert(8)>'\n    previous_sha256: "
                + ContentParser.sha256(earlier.getBytes(java.nio.charset.StandardCharsets.UTF_8)) + "\n    previous_text: evil.v1.txt\n---\n");
        a.write("topics/policy.md", "---\nid: policy\ntitle: '</title><script>alert(2)</script>'\nsummary: '\"><svg onload=alert(3)>'\n---\n"
                + "Text with a quote [@evil \"<script>alert(1)</script>\"] and `<script>` in code.\n");
        a.write("claims/alpha-doe.md", "---\nid: alpha-doe\nstatement: '<img src=x onerror=alert(1)> ${7*7}'\nkind: position\n"
                + "topics: [deaths]\nby: [jane-doe]\ncitations:\n  - source: evil\n    quote: '\"><img src=x onerror=alert(1)>'\n---\n");
        a.write("people/jane-doe.md", "---\nid: jane-doe\nname: '<script>alert(6)</script>Jane'\nkind: person\nroles:\n"
                // A role must be in its cited paragraph, so the payload is one the archived text carries.
                + "  - role: '<script>alert(1)</script> paragraph'\n    source: evil\n    quote: Opening <script>alert(1)</script> paragraph\n---\n");
        Builder.Result r = new Builder(Project.at(a.root())).build();
        assertTrue(r.ok(), () -> r.diagnostics().sorted().toString());
        Path site = a.root().resolve("target/site");
        assertNoInjectedMarkup(site);
        Document source = Jsoup.parse(site.resolve("sources/evil/index.html").toFile());
        assertTrue(source.selectFirst("h1").text().contains("<script>alert(1)</script>"), "the title still displays, as text");
        assertTrue(source.selectFirst("#p1").text().contains("<script>alert(1)</script>"), "the archived text displays verbatim");
        assertTrue(source.selectFirst("#correction-1").text().contains("<script>alert(1)</script>"), "a correction displays as text");
        assertTrue(Jsoup.parse(site.resolve("corrections/index.html").toFile()).selectFirst("ol.corrections-list").text()
                .contains("Why: <svg onload=alert(8)>"), "so does the Corrections page");
        assertTrue(Jsoup.parse(site.resolve("claims/alpha-doe/index.html").toFile()).selectFirst("h1").text().contains("${7*7}"),
                "template syntax in content is not evaluated");
    }

    @Test
    void rawHtmlAndScriptLinksInMarkdownAreRejected() throws IOException {
        TempArchive a = TempArchive.fromFixture(dir, "mini");
        a.write("topics/policy.md", "---\nid: policy\ntitle: T\nsummary: s\n---\n<script>alert(1)</script>\n\n[click](javascript:alert(1))\n\n"
                + "<img src=x onerror=alert(1)>\n");
        List<Diagnostic> ds = new Builder(Project.at(a.root())).build().diagnostics().sorted();
        assertEquals(3, ds.size(), ds::toString);
        assertTrue(ds.get(0).message().startsWith("raw HTML is not allowed"));
        assertEquals(6, ds.get(0).line());
        assertEquals("link scheme not allowed: javascript:alert(1)", ds.get(1).message());
        assertTrue(ds.get(2).message().startsWith("raw HTML is not allowed"));
    }
}
