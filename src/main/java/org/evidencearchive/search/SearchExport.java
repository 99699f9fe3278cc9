package org.evidencearchive.search;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The static search index: a small manifest plus shards that the browser fetches on demand.
 *
 * <p>Format (version 1; all files compact UTF-8 JSON with sorted keys, byte-identical for the same input):
 *
 * <pre>
 * manifest.json
 *   {"version":1, "analyzer":"lucene-english-10", "N":docs,
 *    "bm25":{"k1":1.2,"b":0.75},
 *    "fields":{"body":{"weight":1.0,"avgLength":..}, "people":{..}, "title":{..}},
 *    "docShards":{"size":500,"files":["docs/0000.json",..]},
 *    "termShards":[{"file":"terms/0000.json","first":"abl","last":"cost","terms":412}, ..],
 *    "filters":{"type":{"source":{"file":"filters/type/source.json","count":5},..},"topic":{..}}}
 * terms/NNNN.json   contiguous, sorted (UTF-16 order) slices of the term dictionary:
 *   {"terms":{"heroin":{"body":[[doc,score,pos,pos,..],..],"title":[[doc,score,pos]]}}}
 *   score = Lucene's BM25Similarity score of that term in that field of that document (computed from
 *   the real one-byte norm by Lucene's own SimScorer, rounded to 4 decimals); positions allow phrases;
 *   values of a multi-valued field are 100 positions apart.
 * docs/NNNN.json    doc table slice {"docs":[{"id":0,"url":..,"type":..,"title":..,"topics":[..]},..]}
 * fragments/ID.json {"passages":[["p1","text"],..]}  fetched only for results shown, for anchor + snippet
 * filters/F/V.json  {"docs":[ids..]}  sorted doc ids with filter value V, fetched only when filtering
 * </pre>
 *
 * <p>A term lives in the last shard whose {@code first} is &lt;= the term; a prefix matches the shards whose
 * range overlaps it. Document ids follow the documents sorted by URL.
 */
public final class SearchExport {

  /** Format version written to the manifest. */
  public static final int VERSION = 1;

  private final List<SearchDocument> docs;
  private final List<TermEntry> terms;
  private final Map<String, Map<String, List<Integer>>> filters;
  private final Map<String, Double> avgLengths;
  private final double k1;
  private final double b;
  private final SearchOptions options;
  private final List<ShardPlanner.Shard> shards;

  SearchExport(
      List<SearchDocument> docs,
      List<TermEntry> terms,
      Map<String, Map<String, List<Integer>>> filters,
      Map<String, Double> avgLengths,
      double k1,
      double b,
      SearchOptions options) {
    this.docs = List.copyOf(docs);
    this.terms = List.copyOf(terms);
    this.filters = filters;
    this.avgLengths = avgLengths;
    this.k1 = k1;
    this.b = b;
    this.options = options;
    this.shards = ShardPlanner.plan(this.terms, options.maxShardWeight());
  }

  /** Returns the number of documents in the index. */
  public int documentCount() {
    return docs.size();
  }

  /** Returns the number of distinct terms over all text fields. */
  public int termCount() {
    return terms.size();
  }

  /** Returns the relative paths of the term shard files, in term order. */
  public List<String> termShardFiles() {
    return shards.stream().map(ShardPlanner.Shard::file).toList();
  }

  /** Returns the manifest as a JSON-ready map. */
  public Map<String, Object> manifest() {
    Map<String, Object> m = new TreeMap<>();
    m.put("version", VERSION);
    m.put("analyzer", "lucene-english-10");
    m.put("N", docs.size());
    m.put("bm25", Map.of("k1", round(k1), "b", round(b)));
    Map<String, Object> fields = new TreeMap<>();
    for (String f : SearchIndexer.TEXT_FIELDS) {
      fields.put(f, Map.of("weight", options.fieldWeights().getOrDefault(f, 1.0),
          "avgLength", round(avgLengths.getOrDefault(f, 0.0))));
    }
    m.put("fields", fields);
    m.put("docShards", Map.of("size", options.docsPerShard(), "files", docShardFiles()));
    List<Object> termShards = new ArrayList<>();
    for (ShardPlanner.Shard s : shards) {
      termShards.add(Map.of("file", s.file(), "first", s.first(), "last", s.last(), "terms", s.terms().size()));
    }
    m.put("termShards", termShards);
    Map<String, Object> filterTable = new TreeMap<>();
    filters.forEach((field, values) -> {
      Map<String, Object> v = new TreeMap<>();
      values.forEach((value, ids) -> v.put(value, Map.of("file", filterFile(field, value), "count", ids.size())));
      filterTable.put(field, v);
    });
    m.put("filters", filterTable);
    return m;
  }

  /** Writes manifest.json and all shard, doc, fragment and filter files into the directory, replacing old ones. */
  public void writeTo(Path searchDir) throws IOException {
    for (String sub : List.of("terms", "docs", "fragments", "filters")) {
      deleteTree(searchDir.resolve(sub));
    }
    for (Map.Entry<String, byte[]> f : files().entrySet()) {
      Path p = searchDir.resolve(f.getKey());
      Files.createDirectories(p.getParent());
      Files.write(p, f.getValue());
    }
  }

  /** Returns every file of the index (path relative to the search folder → bytes), serialised in parallel. */
  public Map<String, byte[]> files() {
    Map<String, Object> values = new TreeMap<>();
    values.put("manifest.json", manifest());
    for (ShardPlanner.Shard s : shards) {
      Map<String, Object> body = new TreeMap<>();
      for (TermEntry t : s.terms()) {
        body.put(t.term(), t.toJson());
      }
      values.put(s.file(), Map.of("terms", body));
    }
    List<String> docFiles = docShardFiles();
    for (int shard = 0; shard < docFiles.size(); shard++) {
      List<Object> rows = new ArrayList<>();
      int end = Math.min(docs.size(), (shard + 1) * options.docsPerShard());
      for (int id = shard * options.docsPerShard(); id < end; id++) {
        SearchDocument d = docs.get(id);
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("id", id);
        row.put("url", d.url());
        row.put("type", d.type());
        row.put("title", d.title());
        row.put("topics", d.topics());
        rows.add(row);
      }
      values.put(docFiles.get(shard), Map.of("docs", rows));
    }
    for (int id = 0; id < docs.size(); id++) {
      List<List<String>> passages = docs.get(id).passages().stream()
          .map(p -> List.of(p.anchor(), p.text())).toList();
      values.put("fragments/" + id + ".json", Map.of("passages", passages));
    }
    for (Map.Entry<String, Map<String, List<Integer>>> f : filters.entrySet()) {
      for (Map.Entry<String, List<Integer>> v : f.getValue().entrySet()) {
        values.put(filterFile(f.getKey(), v.getKey()), Map.of("docs", v.getValue()));
      }
    }
    Map<String, byte[]> out = new java.util.concurrent.ConcurrentHashMap<>();
    values.entrySet().parallelStream().forEach(e -> out.put(e.getKey(), Json.bytes(e.getValue())));
    return new TreeMap<>(out);
  }

  private List<String> docShardFiles() {
    List<String> files = new ArrayList<>();
    int n = (docs.size() + options.docsPerShard() - 1) / options.docsPerShard();
    for (int i = 0; i < n; i++) {
      files.add(String.format(java.util.Locale.ROOT, "docs/%04d.json", i));
    }
    return files;
  }

  /** Returns the file of a filter value: the value itself when file-name safe, else a hex spelling of it. */
  static String filterFile(String field, String value) {
    if (value.matches("[a-z0-9][a-z0-9_-]*")) {
      return "filters/" + field + "/" + value + ".json";
    }
    return "filters/" + field + "/x" + java.util.HexFormat.of().formatHex(value.getBytes(java.nio.charset.StandardCharsets.UTF_8)) + ".json";
  }

  private static double round(double v) {
    return Math.round(v * 10_000d) / 10_000d;
  }

  private static void deleteTree(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> walk = Files.walk(dir)) {
      for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }
}
