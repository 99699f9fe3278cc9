package org.evidencearchive.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
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

    @Test
    void aSourceWithAByline() throws IOException {
        Document d = page("/sources/middlesbrough-diamorphine-scheme/");
        assertEquals("Drug addicts to receive diamorphine twice a day in UK-first scheme", meta(d, "citation_title"));
        assertEquals("Mattha Busby", meta(d, "citation_author"));
        assertEquals("newspaperArticle", meta(d, "DC.type"));
        assertEquals("UK Drug Policy Evidence Archive", meta(d, "og:site_name"));
        assertNull(meta(d, "citation_publication_date"), "the date is unknown: no date is given");
        assertNull(meta(d, "citation_publisher"), "the outlet is unknown: none is given");
        JsonNode ld = jsonLd(d);
        assertEquals("NewsArticle", ld.get("@type").asText());
        assertEquals("Mattha Busby", ld.get("author").get(0).get("name").asText());
        assertTrue(!ld.has("datePublished") && !ld.has("publisher") && !ld.has("isBasedOn"));
        assertEquals("https://evidence-archive.example/sources/middlesbrough-diamorphine-scheme/", ld.get("archivedAt").asText());
    }

    @Test
    void aSourceWithoutBylineHasNoAuthor() throws IOException {
        Document d = page("/sources/home-office-letter-glasgow-dcr/");
        assertNull(meta(d, "citation_author"));
        assertNull(meta(d, "author"));
        assertTrue(!jsonLd(d).has("author"));
    }

    @Test
    void commentaryClaimsAndHome() throws IOException {
        Document c = page("/commentary/on-home-office-letter-glasgow-dcr/");
        assertEquals("webpage", meta(c, "DC.type"));
        JsonNode article = jsonLd(c);
        assertEquals("Article", article.get("@type").asText());
        assertEquals("https://evidence-archive.example/sources/home-office-letter-glasgow-dcr/", article.get("citation").get(0).get("url").asText());

        Document claim = page("/claims/glasgow-drug-deaths-2016/");
        assertEquals("webpage", meta(claim, "DC.type"));
        JsonNode ld = jsonLd(claim);
        assertEquals("Claim", ld.get("@type").asText());
        assertTrue(ld.get("appearance").get(0).get("url").asText().startsWith("https://evidence-archive.example/sources/home-office-letter-glasgow-dcr/#p10"));

        JsonNode site = jsonLd(page("/"));
        assertEquals("WebSite", site.get("@type").asText());
        assertEquals("SearchAction", site.get("potentialAction").get("@type").asText());
        assertTrue(site.get("potentialAction").get("target").asText().endsWith("/search/?q={search_term_string}"));
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
