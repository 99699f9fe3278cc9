package org.evidencearchive.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.evidencearchive.testing.RealSite;
import org.evidencearchive.testing.TempArchive;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** What reference managers and search engines read from the real archive's pages. */
class MetadataTest {
    static Path out;

    @BeforeAll
    static void build() {
        assertTrue(RealSite.result().ok());
        out = RealSite.out();
    }

    private static Document page(String url) throws IOException {
        return Jsoup.parse(out.resolve(url.substring(1) + "index.html").toFile());
    }

    private static String meta(Document d, String name) {
        var el = d.selectFirst("meta[name=" + name + "], meta[property=" + name + "]");
        return el == null ? null : el.attr("content");
    }

    private static JsonNode jsonLd(Document d) throws IOException {
        return new ObjectMapper().readTree(d.selectFirst("script[type=application/ld+json]").data());
    }

    @Test
    void everyPageHasLanguageCanonicalAndDescription() throws IOException {
        List<Path> pages;
        try (Stream<Path> s = Files.walk(out)) {
            pages = s.filter(p -> p.toString().endsWith("index.html")).toList();
        }
        assertTrue(pages.size() > 100);
        for (Path p : pages) {
            Document d = Jsoup.parse(p.toFile());
            if (d.selectFirst("meta[http-equiv=refresh]") != null) continue;
            assertEquals("en-GB", d.selectFirst("html").attr("lang"), p.toString());
            String canonical = d.selectFirst("link[rel=canonical]").attr("href");
            String rel = out.relativize(p).toString().replace("index.html", "");
            assertEquals("https://evidence-archive.example/" + rel, canonical, p.toString());
            assertTrue(meta(d, "description") != null && !meta(d, "description").isBlank(), p.toString());
        }
    }

    private static java.util.List<String> metas(Document d, String name) {
        return d.select("meta[name=" + name + "]").eachAttr("content");
    }

    @Test
    void aSourceWithAByline() throws IOException {
        Document d = page("/sources/middlesbrough-diamorphine-scheme/");
        assertEquals("Drug addicts to receive diamorphine twice a day in UK-first scheme", meta(d, "citation_title"));
        assertEquals(List.of("Mattha Busby"), metas(d, "citation_author"));
        assertEquals("Text", meta(d, "DC.type"), "a DCMI Type term");
        assertEquals("newspaperArticle", meta(d, "z.itemType"));
        assertNull(meta(d, "og:site_name"), "Zotero would take the archive for the newspaper");
        assertNull(meta(d, "citation_publication_date"), "the date is unknown: no date is given");
        assertEquals("2019", meta(d, "citation_date"), "the inferred range starts in 2019");
        assertNull(meta(d, "DC.date"));
        assertNull(meta(d, "prism.publicationName"), "the outlet is unknown: none is given");
        JsonNode ld = jsonLd(d);
        assertEquals("WebPage", ld.get("@type").asText());
        assertEquals("2026", ld.get("dateModified").asText().substring(0, 4), "the page's version, on the page");
        JsonNode article = ld.get("mainEntity");
        assertEquals("NewsArticle", article.get("@type").asText());
        assertEquals("Mattha Busby", article.get("author").get(0).get("name").asText());
        assertTrue(!article.has("datePublished") && !article.has("publisher") && !article.has("dateModified")
                && !article.has("text"));
        assertEquals("https://evidence-archive.example/sources/middlesbrough-diamorphine-scheme/", article.get("archivedAt").asText());
    }

    @Test
    void aSourceWithoutBylineHasNoAuthorAndASuppliedTitle() throws IOException {
        Document d = page("/sources/home-office-letter-glasgow-dcr/");
        assertNull(meta(d, "citation_author"));
        assertNull(meta(d, "author"));
        assertNull(meta(d, "DC.creator"));
        assertEquals("[Report on the Home Office letter about Glasgow's planned drug consumption room]", meta(d, "citation_title"));
        assertEquals("2017", meta(d, "citation_date"), "2017 or later");
        JsonNode article = jsonLd(d).get("mainEntity");
        assertTrue(!article.has("author") && !article.has("headline"));
        assertEquals("2019", meta(page("/sources/sweeney-hat-licence-glasgow/"), "citation_date"), "no later than 2019");
    }

    @Test
    void commentaryClaimsAndHome() throws IOException {
        Document c = page("/commentary/on-home-office-letter-glasgow-dcr/");
        assertEquals("Text", meta(c, "DC.type"));
        assertEquals("webpage", meta(c, "z.itemType"));
        assertEquals("UK Drug Policy Evidence Archive", meta(c, "og:site_name"));
        assertTrue(metas(c, "citation_author").isEmpty() && metas(c, "DC.creator").isEmpty(),
                "Zotero reads any name tag as a person's: the editors are named in JSON-LD only");
        assertEquals("https://creativecommons.org/licenses/by/4.0/", c.selectFirst("link[rel=license]").attr("href"));
        JsonNode article = jsonLd(c);
        assertEquals("Article", article.get("@type").asText());
        assertEquals("Organization", article.get("author").get("@type").asText());
        assertEquals("https://creativecommons.org/licenses/by/4.0/", article.get("license").asText());
        assertEquals("https://evidence-archive.example/sources/home-office-letter-glasgow-dcr/#article", article.get("citation").get(0).get("@id").asText());

        Document claim = page("/claims/glasgow-drug-deaths-2016/");
        assertEquals("webpage", meta(claim, "z.itemType"));
        JsonNode ld = jsonLd(claim);
        assertEquals("Claim", ld.get("@type").asText());
        assertTrue(ld.get("appearance").get(0).get("url").asText().startsWith("https://evidence-archive.example/sources/home-office-letter-glasgow-dcr/#p10"));

        JsonNode site = jsonLd(page("/"));
        assertEquals("WebSite", site.get("@type").asText());
        assertFalse(site.has("potentialAction"), "Google no longer shows a sitelinks search box; query-input is no schema.org term");
    }

    @Test
    void listSearchAnd404PagesHaveNoCitationTags() throws IOException {
        for (String file : new String[] {"404.html", "search/index.html", "claims/index.html", "topics/drug-deaths/index.html", "index.html"}) {
            Document d = Jsoup.parse(out.resolve(file).toFile());
            assertTrue(d.select("meta[name^=citation_]").isEmpty(), file);
            assertNull(meta(d, "z.itemType"), file);
        }
    }

    @Test
    void downloadsAreLinkedFromTheHead() throws IOException {
        String url = "https://evidence-archive.example/sources/javid-declines-glasgow-visit/";
        Document d = Jsoup.parse(out.resolve("sources/javid-declines-glasgow-visit/index.html").toFile(), "UTF-8", url);
        assertEquals(url + "cite.bib", d.selectFirst("head link[rel=alternate][type=application/x-bibtex]").absUrl("href"));
        assertEquals(url + "cite.ris", d.selectFirst("head link[rel=alternate][type=application/x-research-info-systems]").absUrl("href"));
        assertEquals(url + "cite.json", d.selectFirst("head link[rel=alternate][type=application/vnd.citationstyles.csl+json]").absUrl("href"));
        assertEquals(url + "text.txt", d.selectFirst("head link[rel=alternate][type=text/plain]").absUrl("href"));
        assertNull(d.selectFirst("head link[rel=license]"), "the archived article is not under the archive's licence");
        for (var link : d.select("head link[rel=alternate]")) {
            String href = link.absUrl("href").substring("https://evidence-archive.example/".length());
            assertTrue(Files.isRegularFile(out.resolve(href)), href);
        }
        assertTrue(page("/claims/javid-declines-visit/").selectFirst("head link[rel=alternate][type=application/x-bibtex]") != null);
    }

    @Test
    void citeThisAndItsDownloadsAreOnEveryCitablePage() throws IOException {
        for (String url : new String[] {"/sources/javid-declines-glasgow-visit/", "/commentary/on-javid-declines-glasgow-visit/",
                "/claims/javid-declines-visit/"}) {
            Document d = page(url);
            for (String style : new String[] {"apa", "chicago", "harvard", "oscola"}) {
                assertTrue(d.getElementById("cite-" + style).text().contains("https://evidence-archive.example" + url), url + " " + style);
            }
            for (String ext : new String[] {"bib", "ris", "json"}) {
                assertTrue(Files.isRegularFile(out.resolve(url.substring(1) + "cite." + ext)), url + ext);
            }
        }
        Document source = page("/sources/javid-declines-glasgow-visit/");
        assertTrue(source.selectFirst("#p3 details.cite-para").text().contains("para 3 <https://evidence-archive.example/sources/javid-declines-glasgow-visit/#p3>."));
        assertTrue(Files.readString(out.resolve("data/sources.csl.json")).contains("\"article-newspaper\""));
    }

    @Test
    void eachPageShowsTheCommitThatLastChangedItsContent() throws Exception {
        Document d = page("/sources/javid-declines-glasgow-visit/");
        String footer = d.selectFirst("footer").text();
        var m = java.util.regex.Pattern.compile("version ([0-9a-f]{12}) \\((\\d{4}-\\d{2}-\\d{2})\\)").matcher(footer);
        assertTrue(m.find(), footer);
        Process git = new ProcessBuilder("git", "-C", TempArchive.repo().toString(), "log", "-1", "--format=%H",
                "--", "content/sources/javid-declines-glasgow-visit.md", "content/sources/javid-declines-glasgow-visit.txt").start();
        String commit = new String(git.getInputStream().readAllBytes()).strip();
        git.waitFor();
        assertTrue(commit.startsWith(m.group(1)), commit + " vs " + footer);
    }
}
