package org.evidencearchive.search;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A 10,000-source archive: a one-term query must need only the manifest and one small shard, not the index. */
class ScaleTest {

  @Test
  void tenThousandSourcesGiveSmallManifestAndShards(@TempDir Path dir) throws IOException {
    Random random = new Random(42);
    String[] vocab = new String[20_000];
    for (int i = 0; i < vocab.length; i++) {
      vocab[i] = word(random, 4 + random.nextInt(6));
    }
    List<SearchDocument> docs = new ArrayList<>();
    for (int d = 0; d < 10_000; d++) {
      List<SearchDocument.Passage> passages = new ArrayList<>();
      for (int p = 0; p < 6; p++) {
        StringBuilder sb = new StringBuilder();
        for (int w = 0; w < 50; w++) {
          // Zipf-like: low indexes are frequent
          int idx = (int) Math.min(vocab.length - 1, Math.floor(Math.pow(random.nextDouble(), 3) * vocab.length));
          sb.append(vocab[idx]).append(' ');
        }
        passages.add(new SearchDocument.Passage("p" + (p + 1), sb.toString().strip()));
      }
      docs.add(new SearchDocument("/sources/s" + d + "/", "source", "Source " + vocab[d], List.of("t" + (d % 40)),
          List.of(), passages));
    }
    SearchIndexer.build(docs).writeTo(dir);
    long manifest = Files.size(dir.resolve("manifest.json"));
    long biggestShard = 0;
    long allShards = 0;
    List<Long> gzipped = new ArrayList<>();
    try (Stream<Path> s = Files.list(dir.resolve("terms"))) {
      for (Path p : s.toList()) {
        biggestShard = Math.max(biggestShard, Files.size(p));
        gzipped.add(gzipSize(p));
        allShards += Files.size(p);
      }
    }
    JsonNode m = Json.MAPPER.readTree(dir.resolve("manifest.json").toFile());
    gzipped.sort(null);
    System.out.printf("scale: manifest %d B (gzip %d), %d term shards, biggest %d B, all %d B; gzip median %d B, max %d B%n",
        manifest, gzipSize(dir.resolve("manifest.json")), m.get("termShards").size(), biggestShard, allShards,
        gzipped.get(gzipped.size() / 2), gzipped.get(gzipped.size() - 1));
    assertTrue(manifest < 200_000, "manifest " + manifest);
    assertTrue(m.get("termShards").size() >= 20, "index is split");
    assertTrue(biggestShard * 10 < allShards, "one shard is a small part of the index");
  }

  private static long gzipSize(Path p) throws IOException {
    java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
    try (java.util.zip.GZIPOutputStream gz = new java.util.zip.GZIPOutputStream(bytes)) {
      gz.write(Files.readAllBytes(p));
    }
    return bytes.size();
  }

  private static String word(Random r, int len) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < len; i++) {
      sb.append((char) ('a' + r.nextInt(26)));
    }
    return sb.toString();
  }
}
