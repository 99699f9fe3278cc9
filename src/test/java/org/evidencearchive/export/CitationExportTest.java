package org.evidencearchive.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.evidencearchive.pipeline.Builder;
import org.evidencearchive.pipeline.Project;
import org.evidencearchive.testing.TempArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CitationExportTest {
    @TempDir
    Path dir;

    @Test
    void claimsJsonAndAnnotationsPointAtTheExactPassage() throws IOException {
        TempArchive a = TempArchive.fromFixture(dir, "mini");
        assertTrue(new Builder(Project.at(a.root())).build().ok());
        Path site = a.root().resolve("target/site");
        String text = Files.readString(site.resolve("sources/alpha/text.txt"));
        JsonNode claims = new ObjectMapper().readTree(site.resolve("data/claims.json").toFile()).get("claims");
        assertEquals(3, claims.size());
        JsonNode c = claims.get(0).get("citations").get(0);
        assertEquals("alpha", c.get("source").asText());
        assertEquals("p1", c.get("paragraph").asText());
        assertEquals("a figure of 170 deaths", c.get("quote").asText());
        assertEquals(c.get("quote").asText(), text.substring(c.get("start").asInt(), c.get("end").asInt()));
        assertEquals("alpha-doe", claims.get(0).get("relations").get(0).get("claim").asText());

        JsonNode anno = new ObjectMapper().readTree(site.resolve("data/annotations.jsonld").toFile());
        assertEquals("AnnotationCollection", anno.get("type").asText());
        JsonNode item = anno.get("first").get("items").get(0);
        assertEquals("https://evidence-archive.example/sources/alpha/", item.get("target").get("source").asText());
        JsonNode quote = item.get("target").get("selector").get(0);
        assertEquals("TextQuoteSelector", quote.get("type").asText());
        assertEquals("First paragraph with ", quote.get("prefix").asText());
        JsonNode pos = item.get("target").get("selector").get(1);
        assertEquals(quote.get("exact").asText(), text.substring(pos.get("start").asInt(), pos.get("end").asInt()));
    }
}
