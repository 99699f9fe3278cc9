package org.evidencearchive.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.evidencearchive.testing.RealSite;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

/**
 * Every {@code @type} and property of the JSON-LD on the real archive's pages is defined by schema.org, read from
 * its own vocabulary file (release 30.0, {@code src/test/resources/schemaorg}): a type is a class, a property is a
 * property of that class or of one of its superclasses, not superseded, and an object value's type is in its range.
 */
class StructuredDataTest {
    private static final String SCHEMA = "schema:";

    /** The vocabulary: classes with their superclasses, properties with their domains and ranges. */
    private record Vocabulary(Map<String, Set<String>> superclasses, Map<String, Set<String>> domains,
                              Map<String, Set<String>> ranges, Set<String> superseded) {
        static Vocabulary load() {
            JsonNode graph;
            try (InputStream in = new GZIPInputStream(StructuredDataTest.class.getResourceAsStream(
                    "/schemaorg/schemaorg-current-https.jsonld.gz"))) {
                graph = new ObjectMapper().readTree(in).get("@graph");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            Vocabulary v = new Vocabulary(new HashMap<>(), new HashMap<>(), new HashMap<>(), new HashSet<>());
            for (JsonNode node : graph) {
                String id = node.get("@id").asText();
                if (!id.startsWith(SCHEMA)) continue;
                String name = id.substring(SCHEMA.length());
                Set<String> types = ids(node.get("@type"));
                if (types.contains("rdfs:Class")) v.superclasses.put(name, ids(node.get("rdfs:subClassOf")));
                if (types.contains("rdf:Property")) {
                    v.domains.put(name, ids(node.get("schema:domainIncludes")));
                    v.ranges.put(name, ids(node.get("schema:rangeIncludes")));
                }
                if (node.has("schema:supersededBy")) v.superseded.add(name);
            }
            return v;
        }

        /** A class and all its superclasses. */
        Set<String> ancestry(String type) {
            Set<String> out = new HashSet<>();
            List<String> todo = new ArrayList<>(List.of(type));
            while (!todo.isEmpty()) {
                String t = todo.removeLast();
                if (out.add(t)) todo.addAll(superclasses.getOrDefault(t, Set.of()));
            }
            return out;
        }
    }

    /** The schema.org names of an {@code @id} reference, a list of them, or a plain string. */
    private static Set<String> ids(JsonNode n) {
        Set<String> out = new HashSet<>();
        if (n == null) return out;
        for (JsonNode x : n.isArray() ? n : List.of(n)) {
            String id = x.isObject() ? x.get("@id").asText() : x.asText();
            out.add(id.startsWith(SCHEMA) ? id.substring(SCHEMA.length()) : id);
        }
        return out;
    }

    private static final Vocabulary VOCABULARY = Vocabulary.load();

    /** Returns every term of one JSON-LD node (and the nodes in it) that schema.org does not define. */
    static List<String> undefined(JsonNode node, String where) {
        List<String> problems = new ArrayList<>();
        if (!node.has("@type")) {
            problems.add(where + ": a node without @type");
            return problems;
        }
        String type = node.get("@type").asText();
        if (!VOCABULARY.superclasses.containsKey(type)) {
            problems.add(where + ": @type " + type + " is not a schema.org type");
            return problems;
        }
        Set<String> ancestry = VOCABULARY.ancestry(type);
        for (var e : node.properties()) {
            String key = e.getKey();
            if (key.startsWith("@")) continue;
            Set<String> domain = VOCABULARY.domains.get(key);
            if (domain == null) {
                problems.add(where + ": " + key + " is not a schema.org property");
                continue;
            }
            if (VOCABULARY.superseded.contains(key)) problems.add(where + ": " + key + " is superseded");
            if (domain.stream().noneMatch(ancestry::contains)) problems.add(where + ": " + key + " is not a property of " + type);
            JsonNode value = e.getValue();
            for (JsonNode v : value.isArray() ? value : List.of(value)) {
                if (!v.isObject()) continue;
                String vt = v.path("@type").asText();
                if (VOCABULARY.ancestry(vt).stream().noneMatch(VOCABULARY.ranges.get(key)::contains)) {
                    problems.add(where + ": " + key + " does not take a " + vt);
                }
                problems.addAll(undefined(v, where + " › " + key));
            }
        }
        return problems;
    }

    @Test
    void everyTypeAndPropertyOnEveryPageIsSchemaOrgs() throws IOException {
        assertTrue(RealSite.result().ok());
        List<Path> pages;
        try (Stream<Path> s = Files.walk(RealSite.out())) {
            pages = s.filter(p -> p.toString().endsWith(".html")).sorted().toList();
        }
        List<String> problems = new ArrayList<>();
        Set<String> types = new HashSet<>();
        int blocks = 0;
        for (Path p : pages) {
            for (Element script : Jsoup.parse(p.toFile()).select("script[type=application/ld+json]")) {
                JsonNode ld = new ObjectMapper().readTree(script.data());
                assertEquals("https://schema.org", ld.get("@context").asText(), p.toString());
                types.add(ld.get("@type").asText());
                problems.addAll(undefined(ld, RealSite.out().relativize(p).toString()));
                blocks++;
            }
        }
        assertEquals(List.of(), problems);
        assertTrue(blocks > 100, blocks + " JSON-LD blocks");
        assertEquals(Set.of("WebSite", "WebPage", "Article", "Claim"), types);
    }

    @Test
    void anItemsPersistentIdentifierIsSchemaOrgs(@org.junit.jupiter.api.io.TempDir Path dir) throws IOException {
        Path site = org.evidencearchive.testing.NodeTestFixtures.pidSite(dir);
        List<String> problems = new ArrayList<>();
        int identified = 0;
        for (String page : List.of("sources/alpha/index.html", "commentary/on-alpha/index.html", "claims/alpha-doe/index.html")) {
            JsonNode ld = new ObjectMapper().readTree(Jsoup.parse(site.resolve(page).toFile())
                    .selectFirst("script[type=application/ld+json]").data());
            problems.addAll(undefined(ld, page));
            if (ld.toString().contains("\"propertyID\":\"DOI\"")) identified++;
        }
        assertEquals(List.of(), problems);
        assertEquals(3, identified);
    }

    @Test
    void theCheckRejectsWhatSchemaOrgDoesNotDefine() throws IOException {
        ObjectMapper m = new ObjectMapper();
        assertFalse(undefined(m.readTree("{\"@type\":\"WebSite\",\"potentialAction\":{\"@type\":\"SearchAction\","
                + "\"target\":\"https://x.example/?q={q}\",\"query-input\":\"required name=q\"}}"), "home").isEmpty(),
                "query-input is Google's, not schema.org's");
        assertFalse(undefined(m.readTree("{\"@type\":\"NewsArticle\",\"archivedAt\":{\"@type\":\"Person\",\"name\":\"x\"}}"), "a").isEmpty(),
                "archivedAt takes a URL or a WebPage");
        assertFalse(undefined(m.readTree("{\"@type\":\"Claim\",\"headlines\":\"x\"}"), "c").isEmpty());
        assertFalse(undefined(m.readTree("{\"@type\":\"Person\",\"headline\":\"x\"}"), "p").isEmpty(), "headline is a CreativeWork's");
        assertTrue(undefined(m.readTree("{\"@type\":\"NewsArticle\",\"headline\":\"x\",\"author\":{\"@type\":\"Person\",\"name\":\"y\"}}"), "n").isEmpty());
    }
}
