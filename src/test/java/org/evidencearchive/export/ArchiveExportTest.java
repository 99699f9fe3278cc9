package org.evidencearchive.export;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import org.evidencearchive.pipeline.Builder;
import org.evidencearchive.pipeline.Project;
import org.evidencearchive.testing.TempArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ArchiveExportTest {
    @TempDir
    Path dir;

    private static JsonSchema schema() throws IOException {
        return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012)
                .getSchema(Files.readString(TempArchive.repo().resolve("docs/schema/archive.schema.json")));
    }

    @Test
    void archiveJsonMatchesItsSchemaAndTheSchemaCanFail() throws IOException {
        // an archive has no docs/ of its own: the schema it publishes is the tool's (docs/schema, in its jar)
        TempArchive a = TempArchive.fromFixture(dir, "mini");
        assertFalse(Files.exists(a.root().resolve("docs")));
        assertTrue(new Builder(Project.at(a.root())).build().ok());
        Path site = a.root().resolve("target/site");
        JsonNode json = new ObjectMapper().readTree(site.resolve("data/archive.json").toFile());
        Set<ValidationMessage> errors = schema().validate(json);
        assertEquals(Set.of(), errors);
        assertArrayEquals(Files.readAllBytes(TempArchive.repo().resolve("docs/schema/archive.schema.json")),
                Files.readAllBytes(site.resolve("data/archive.schema.json")));

        JsonNode source = json.get("sources").get(0);
        assertEquals("alpha", source.get("id").asText());
        assertTrue(source.get("outlet").isNull(), "unknown outlet is null, not a guess");
        assertEquals(64, source.get("sha256").asText().length());
        assertEquals("https://evidence-archive.example/sources/alpha/text.txt", source.get("text").asText());
        assertEquals("a figure of 170 deaths", json.get("claims").get(0).get("citations").get(0).get("quote").asText());

        // The gate can fail: a guessed field, a bad checksum and a claim without citations are all rejected.
        ObjectNode bad = json.deepCopy();
        ((ObjectNode) bad.get("sources").get(0)).put("sha256", "not-a-checksum").put("guessedOutlet", "The Times");
        ((ObjectNode) bad.get("claims").get(0)).putArray("citations");
        Set<ValidationMessage> found = schema().validate(bad);
        assertFalse(found.isEmpty());
        assertTrue(found.size() >= 3, found.toString());
    }
}
