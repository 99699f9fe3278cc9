package org.evidencearchive.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.evidencearchive.pipeline.Builder;
import org.evidencearchive.pipeline.Project;
import org.evidencearchive.testing.RealSite;
import org.evidencearchive.testing.TempArchive;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CitationExportTest {
    private static final String BASE = "https://evidence-archive.example";

    @TempDir
    Path dir;

    @Test
    void claimsJsonPointsAtTheExactPassageAndCarriesTheLicence() throws IOException {
        TempArchive a = TempArchive.fromFixture(dir, "mini");
        assertTrue(new Builder(Project.at(a.root())).build().ok());
        Path site = a.root().resolve("target/site");
        String text = Files.readString(site.resolve("sources/alpha/text.txt"));
        JsonNode root = new ObjectMapper().readTree(site.resolve("data/claims.json").toFile());
        assertEquals("https://creativecommons.org/licenses/by/4.0/", root.get("license").asText());
        JsonNode claims = root.get("claims");
        assertEquals(3, claims.size());
        JsonNode c = claims.get(0).get("citations").get(0);
        assertEquals("alpha", c.get("source").asText());
        assertEquals("p1", c.get("paragraph").asText());
        assertEquals("a figure of 170 deaths", c.get("quote").asText());
        assertEquals(c.get("quote").asText(), text.substring(c.get("start").asInt(), c.get("end").asInt()));
        assertEquals("alpha-doe", claims.get(0).get("relations").get(0).get("claim").asText());
    }

    /** The file a URL of the site names, in the built site. */
    private static Path file(Path site, String url) {
        assertTrue(url.startsWith(BASE + "/"), url);
        String path = url.substring(BASE.length() + 1);
        return site.resolve(path.isEmpty() || path.endsWith("/") ? path + "index.html" : path);
    }

    /**
     * Every selector of the real archive's annotations selects its quote as a W3C consumer would: in the text
     * target, the TextPositionSelector's code-point offsets into the published text.txt give the exact text and the
     * TextQuoteSelector's prefix + exact + suffix occurs there once; in the HTML target, the FragmentSelector names
     * an element of the page whose text content holds the refining quote.
     */
    @Test
    void everySelectorSelectsItsQuoteInItsTarget() throws IOException {
        assertTrue(RealSite.result().ok());
        Path site = RealSite.out();
        JsonNode collection = new ObjectMapper().readTree(site.resolve("data/annotations.jsonld").toFile());
        assertEquals(BASE + "/data/annotations.jsonld", collection.get("id").asText());
        JsonNode items = collection.get("first").get("items");
        assertEquals(collection.get("total").asInt(), items.size());
        int commentary = 0;
        Set<String> ids = new HashSet<>();
        for (JsonNode a : items) {
            String id = a.get("id").asText();
            assertTrue(ids.add(id), "duplicate annotation id " + id);
            if (id.startsWith(BASE + "/commentary/")) commentary++;
            for (JsonNode body : a.get("body")) {
                assertFalse(body.has("id") && body.get("type").asText().equals("TextualBody"), id + ": a TextualBody has no IRI of its own");
            }
            JsonNode text = a.get("target").get(0);
            assertEquals("text/plain", text.get("source").get("format").asText(), id);
            String published = Files.readString(file(site, text.get("source").get("id").asText()), StandardCharsets.UTF_8);
            JsonNode quote = text.get("selector").get(0);
            JsonNode position = text.get("selector").get(1);
            assertEquals("TextQuoteSelector", quote.get("type").asText());
            assertEquals("TextPositionSelector", position.get("type").asText());
            String exact = quote.get("exact").asText();
            int start = published.offsetByCodePoints(0, position.get("start").asInt());
            int end = published.offsetByCodePoints(0, position.get("end").asInt());
            assertEquals(exact, published.substring(start, end), id + ": the offsets select the quote");
            String context = quote.get("prefix").asText() + exact + quote.get("suffix").asText();
            int at = published.indexOf(context);
            assertTrue(at >= 0, id + ": prefix, exact and suffix are in the text");
            assertEquals(-1, published.indexOf(context, at + 1), id + ": and only once");
            assertEquals(start, at + quote.get("prefix").asText().length(), id + ": where the offsets are");

            JsonNode html = a.get("target").get(1);
            assertEquals("text/html", html.get("source").get("format").asText(), id);
            JsonNode fragment = html.get("selector");
            assertEquals("FragmentSelector", fragment.get("type").asText());
            assertEquals("http://tools.ietf.org/rfc/rfc3986", fragment.get("conformsTo").asText());
            Document page = Jsoup.parse(file(site, html.get("source").get("id").asText()).toFile());
            Element paragraph = page.getElementById(fragment.get("value").asText());
            assertNotNull(paragraph, id + ": the page has the fragment's element");
            assertEquals(exact, fragment.get("refinedBy").get("exact").asText());
            assertTrue(paragraph.wholeText().contains(exact), id + ": the paragraph's text content holds the quote");
        }
        assertTrue(commentary > 0, "commentary citations are annotations too");
        assertTrue(items.size() - commentary > 100, "and every claim citation");
    }
}
