package org.evidencearchive.search;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.apache.lucene.analysis.Analyzer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SearchIndexerTest {

  static final SearchOptions SMALL = SearchOptions.defaults().withMaxShardWeight(400).withDocsPerShard(4);

  @Test
  void writesFixtureExportForNodeTests() throws IOException {
    Path out = SearchFixture.root().resolve("target/search-fixture");
    SearchIndexer.build(SearchFixture.documents(), SMALL).writeTo(out);
    assertTrue(Files.isRegularFile(out.resolve("manifest.json")));
  }

  @Test
  void manifestListsEveryShardAndShardsExist(@TempDir Path dir) throws IOException {
    SearchExport export = SearchIndexer.build(SearchFixture.documents(), SMALL);
    export.writeTo(dir);
    JsonNode manifest = Json.MAPPER.readTree(dir.resolve("manifest.json").toFile());
    assertEquals(export.documentCount(), manifest.get("N").asInt());
    assertTrue(manifest.get("termShards").size() > 3, "tiny shard size must give several shards");
    List<String> listed = new ArrayList<>();
    String previousLast = null;
    for (JsonNode s : manifest.get("termShards")) {
      listed.add(s.get("file").asText());
      JsonNode shard = Json.MAPPER.readTree(dir.resolve(s.get("file").asText()).toFile()).get("terms");
      List<String> names = new ArrayList<>();
      shard.fieldNames().forEachRemaining(names::add);
      assertEquals(s.get("first").asText(), names.get(0));
      assertEquals(s.get("last").asText(), names.get(names.size() - 1));
      if (previousLast != null) {
        assertTrue(previousLast.compareTo(names.get(0)) < 0, "shards are contiguous and sorted");
      }
      previousLast = names.get(names.size() - 1);
    }
    try (Stream<Path> files = Files.list(dir.resolve("terms"))) {
      assertEquals(listed, files.map(p -> "terms/" + p.getFileName()).sorted().toList());
    }
    assertEquals(export.documentCount(), countFiles(dir.resolve("fragments")));
  }

  @Test
  void postingsDecodeToTheDocumentsContainingTheTerm(@TempDir Path dir) throws IOException {
    List<SearchDocument> docs = SearchFixture.documents();
    SearchIndexer.build(docs, SMALL).writeTo(dir);
    Map<String, JsonNode> terms = allTerms(dir);
    List<SearchDocument> sorted = docs.stream().sorted((a, b) -> a.url().compareTo(b.url())).toList();
    // "diamorphine" stems to "diamorphin"; find which docs contain the word in their body text.
    List<Integer> expected = new ArrayList<>();
    for (int i = 0; i < sorted.size(); i++) {
      boolean has = sorted.get(i).passages().stream().anyMatch(p -> p.text().toLowerCase().contains("diamorphine"));
      if (has) {
        expected.add(i);
      }
    }
    List<Integer> actual = new ArrayList<>();
    terms.get("diamorphin").get("body").forEach(p -> actual.add(p.get(0).asInt()));
    assertEquals(expected, actual);
    assertTrue(expected.size() >= 3);
    // title postings of the person page, and the "say" -> "sai" stem from Lucene
    JsonNode title = terms.get("thewliss").get("title");
    assertEquals(1, title.size());
    assertEquals("/people/alison-thewliss/", sorted.get(title.get(0).get(0).asInt()).url());
    assertTrue(terms.containsKey("sai"), "Lucene stems 'said/says' family: 'say' -> 'sai'");
    assertTrue(!terms.containsKey("the"), "stop words are not indexed");
  }

  @Test
  void positionsAllowPhrases(@TempDir Path dir) throws IOException {
    SearchIndexer.build(SearchFixture.documents(), SMALL).writeTo(dir);
    Map<String, JsonNode> terms = allTerms(dir);
    Analyzer a = SearchAnalysis.newAnalyzer();
    assertEquals(List.of("safer", "drug", "consumpt", "facil"), SearchAnalysis.terms(a, "safer drug consumption facility"));
    // some doc has safer at p, drug at p+1 in body
    int found = 0;
    for (JsonNode s : terms.get("safer").get("body")) {
      for (JsonNode d : terms.get("drug").get("body")) {
        if (d.get(0).asInt() == s.get(0).asInt()) {
          for (int i = 2; i < s.size(); i++) {
            for (int j = 2; j < d.size(); j++) {
              if (d.get(j).asInt() == s.get(i).asInt() + 1) {
                found++;
              }
            }
          }
        }
      }
    }
    assertTrue(found >= 2, "phrase 'safer drug' occurs in at least two docs: " + found);
  }

  @Test
  void exportIsByteIdenticalAcrossBuildsAndInputOrder(@TempDir Path dir) throws IOException {
    List<SearchDocument> docs = SearchFixture.documents();
    List<SearchDocument> reversed = new ArrayList<>(docs);
    java.util.Collections.reverse(reversed);
    SearchIndexer.build(docs, SMALL).writeTo(dir.resolve("a"));
    SearchIndexer.build(reversed, SMALL).writeTo(dir.resolve("b"));
    Map<String, byte[]> a = readAll(dir.resolve("a"));
    Map<String, byte[]> b = readAll(dir.resolve("b"));
    assertEquals(a.keySet(), b.keySet());
    for (String k : a.keySet()) {
      assertArrayEquals(a.get(k), b.get(k), k);
    }
  }

  @Test
  void filtersListDocsByTypeAndTopic(@TempDir Path dir) throws IOException {
    SearchIndexer.build(SearchFixture.documents(), SMALL).writeTo(dir);
    JsonNode manifest = Json.MAPPER.readTree(dir.resolve("manifest.json").toFile());
    assertEquals(5, manifest.at("/filters/type/source/count").asInt());
    JsonNode person = Json.MAPPER.readTree(dir.resolve(manifest.at("/filters/type/person/file").asText()).toFile());
    assertEquals(1, person.get("docs").size());
    assertTrue(manifest.at("/filters/topic/glasgow/count").asInt() >= 4);
  }

  @Test
  void emptyArchiveGivesValidEmptyIndex(@TempDir Path dir) throws IOException {
    SearchIndexer.build(List.of()).writeTo(dir.resolve("empty"));
    JsonNode manifest = Json.MAPPER.readTree(dir.resolve("empty/manifest.json").toFile());
    assertEquals(0, manifest.get("N").asInt());
    assertEquals(0, manifest.get("termShards").size());
    SearchIndexer.build(List.of()).writeTo(SearchFixture.root().resolve("target/search-fixture-empty"));
  }

  static Map<String, JsonNode> allTerms(Path dir) throws IOException {
    Map<String, JsonNode> out = new TreeMap<>();
    JsonNode manifest = Json.MAPPER.readTree(dir.resolve("manifest.json").toFile());
    for (JsonNode s : manifest.get("termShards")) {
      JsonNode shard = Json.MAPPER.readTree(dir.resolve(s.get("file").asText()).toFile()).get("terms");
      shard.fields().forEachRemaining(e -> out.put(e.getKey(), e.getValue()));
    }
    return out;
  }

  private static long countFiles(Path dir) throws IOException {
    try (Stream<Path> s = Files.list(dir)) {
      return s.count();
    }
  }

  private static Map<String, byte[]> readAll(Path dir) throws IOException {
    Map<String, byte[]> out = new TreeMap<>();
    try (Stream<Path> s = Files.walk(dir)) {
      for (Path p : s.filter(Files::isRegularFile).toList()) {
        out.put(dir.relativize(p).toString(), Files.readAllBytes(p));
      }
    }
    return out;
  }
}
