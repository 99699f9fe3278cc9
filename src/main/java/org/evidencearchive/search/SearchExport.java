package org.evidencearchive.search;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;
import java.util.stream.IntStream;
import java.util.stream.Stream;

/**
 * The static search index, format 2: a tiny manifest, a dictionary cut into bounded shards (rare terms'
 * postings inline), impact-ordered posting tiers of geometrically growing size in their own files, and one
 * bounded file per document chunk. See docs/search-index.md for the exact format.
 *
 * <pre>
 * manifest.json        {"version":2,"analyzer":"lucene-english-10","N":docs,"bm25":{"b":..,"k1":..},
 *                       "fields":{"body":{"avgLength":..,"weight":1.0},..},"scale":100,
 *                       "tiers":[128,512,2048,4096],"inline":16,"dict":["","bq",..],"filters":["topic","type"]}
 * dict/I.json          {"terms":{term:[df,"postings"] (df &lt;= inline) or [df,ord,max0,max1,..]}}
 * post/ORD-T.json      "tier T postings"     maxT = the highest impact in tier T
 * filters/F.json       [["value",count],..]  the values of filter F, sorted
 * docs/ID.json         {"chunk":0,"chunks":n,"passages":[[anchor,text],..],"people":[..],"title":..,
 *                       "topics":[..],"type":..,"url":..}
 * docs/ID-C.json       the same for chunk C &gt; 0, without "people"
 * filters/F/I.json     "gap run gap run .."  the sorted ids having the I-th value of filter F, as runs (varints)
 * </pre>
 *
 * <p>Postings of a tier are one string of varints (see {@link #appendTier}): lowest impact L, then per
 * posting sorted by document: doc delta, (impact - L) × 8 + chunk.
 */
public final class SearchExport {

  /** Format version written to the manifest. */
  public static final int VERSION = 2;

  private final List<SearchDocument> docs;
  private final List<SearchIndexer.Chunks> chunks;
  private final List<TermEntry> terms;
  private final Map<String, Map<String, List<Integer>>> filters;
  private final Map<String, Double> avgLengths;
  private final double k1;
  private final double b;
  private final SearchOptions options;
  private final String[] entryJson;
  private final int[] termOrd;
  private final List<int[]> shards = new ArrayList<>(); // [first term index, end term index)
  private final List<String> boundaries = new ArrayList<>();

  SearchExport(
      List<SearchDocument> docs,
      List<SearchIndexer.Chunks> chunks,
      List<TermEntry> terms,
      Map<String, Map<String, List<Integer>>> filters,
      Map<String, Double> avgLengths,
      double k1,
      double b,
      SearchOptions options) {
    this.docs = List.copyOf(docs);
    this.chunks = List.copyOf(chunks);
    this.terms = List.copyOf(terms);
    this.filters = filters;
    this.avgLengths = avgLengths;
    this.k1 = k1;
    this.b = b;
    this.options = options;
    this.termOrd = new int[terms.size()];
    int ord = 0;
    for (int i = 0; i < terms.size(); i++) {
      termOrd[i] = terms.get(i).df() > options.inlineMax() ? ord++ : -1;
    }
    this.entryJson = IntStream.range(0, terms.size()).parallel()
        .mapToObj(i -> Json.string(terms.get(i).term()) + ":" + entry(i)).toArray(String[]::new);
    planShards();
  }

  /** Returns the number of documents in the index. */
  public int documentCount() {
    return docs.size();
  }

  /** Returns the number of distinct terms over all text fields. */
  public int termCount() {
    return terms.size();
  }

  /** Returns the relative paths of the dictionary shard files, in term order. */
  public List<String> dictShardFiles() {
    return IntStream.range(0, shards.size()).mapToObj(SearchExport::dictFile).toList();
  }

  /** Returns the tier sizes the export uses. */
  public SearchOptions options() {
    return options;
  }

  /** Cuts the sorted dictionary into shards of about {@code dictShardBytes} each. */
  private void planShards() {
    int start = 0;
    long bytes = 0;
    for (int i = 0; i < entryJson.length; i++) {
      bytes += entryJson[i].getBytes(StandardCharsets.UTF_8).length + 1;
      if (bytes >= options.dictShardBytes() || i == entryJson.length - 1) {
        shards.add(new int[] {start, i + 1});
        start = i + 1;
        bytes = 0;
      }
    }
    for (int s = 0; s < shards.size(); s++) {
      if (s == 0) {
        boundaries.add("");
        continue;
      }
      String prevLast = terms.get(shards.get(s)[0] - 1).term();
      String first = terms.get(shards.get(s)[0]).term();
      // shortest prefix of the first term that sorts after the previous shard's last term
      int len = 1;
      while (first.substring(0, len).compareTo(prevLast) <= 0) {
        len++;
      }
      if (len < first.length() && Character.isHighSurrogate(first.charAt(len - 1))) {
        len++;
      }
      boundaries.add(first.substring(0, len));
    }
  }

  /** The dictionary entry of term i: [df, "postings"] when inline, else [df, ord, max of tier 0, tier 1, ..]. */
  private String entry(int i) {
    TermEntry t = terms.get(i);
    StringBuilder sb = new StringBuilder();
    sb.append('[').append(t.df()).append(',');
    if (termOrd[i] < 0) {
      appendTier(sb, t, 0, t.df());
    } else {
      sb.append(termOrd[i]);
      int from = 0;
      for (int tier = 0; from < t.df(); tier++) {
        sb.append(',').append(t.impacts()[from]);
        from += options.tierSize(tier);
      }
    }
    return sb.append(']').toString();
  }

  /** The 64 characters of the posting encoding (JSON- and URL-safe): 0-31 end a number, 32-63 continue it. */
  static final String DIGITS = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

  /** Appends a non-negative number as a varint: 5 bits per character, least significant group first. */
  static void varint(StringBuilder sb, long v) {
    while (v >= 32) {
      sb.append(DIGITS.charAt(32 + (int) (v & 31)));
      v >>>= 5;
    }
    sb.append(DIGITS.charAt((int) v));
  }

  /**
   * Appends postings [from, to) of the term as a JSON string: the tier's lowest impact L, then per posting
   * sorted by document: doc - previous doc (the first: doc), (impact - L) × 8 + chunk; all varints.
   */
  private static void appendTier(StringBuilder sb, TermEntry t, int from, int to) {
    int n = to - from;
    int low = t.impacts()[to - 1];
    long[] keyed = new long[n];
    for (int k = 0; k < n; k++) {
      long value = (long) (t.impacts()[from + k] - low) * 8 + t.chunks()[from + k];
      keyed[k] = ((long) t.docs()[from + k] << 32) | value;
    }
    Arrays.sort(keyed);
    sb.append('"');
    varint(sb, low);
    int prev = 0;
    for (int k = 0; k < n; k++) {
      int doc = (int) (keyed[k] >>> 32);
      varint(sb, doc - prev);
      varint(sb, keyed[k] & 0xffffffffL);
      prev = doc;
    }
    sb.append('"');
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
    m.put("scale", options.scale());
    m.put("tiers", options.tierSizes());
    m.put("dict", boundaries);
    m.put("inline", options.inlineMax());
    m.put("filters", List.copyOf(filters.keySet()));
    return m;
  }

  /** Writes manifest.json and all dictionary, posting, document and filter files, replacing old ones. */
  public void writeTo(Path searchDir) throws IOException {
    for (String sub : List.of("dict", "post", "docs", "filters", "terms", "fragments")) {
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
    List<Map.Entry<String, Supplier<byte[]>>> files = new ArrayList<>();
    files.add(Map.entry("manifest.json", () -> Json.bytes(manifest())));
    for (int s = 0; s < shards.size(); s++) {
      int[] range = shards.get(s);
      files.add(Map.entry(dictFile(s), () -> {
        StringBuilder sb = new StringBuilder("{\"terms\":{");
        for (int i = range[0]; i < range[1]; i++) {
          sb.append(i > range[0] ? "," : "").append(entryJson[i]);
        }
        return sb.append("}}").toString().getBytes(StandardCharsets.UTF_8);
      }));
    }
    for (int i = 0; i < terms.size(); i++) {
      if (termOrd[i] < 0) {
        continue;
      }
      TermEntry t = terms.get(i);
      int from = 0;
      for (int tier = 0; from < t.df(); tier++) {
        int f = from;
        int to = Math.min(t.df(), from + options.tierSize(tier));
        files.add(Map.entry(postFile(termOrd[i], tier), () -> {
          StringBuilder sb = new StringBuilder();
          appendTier(sb, t, f, to);
          return sb.toString().getBytes(StandardCharsets.UTF_8);
        }));
        from = to;
      }
    }
    for (int id = 0; id < docs.size(); id++) {
      SearchDocument d = docs.get(id);
      SearchIndexer.Chunks c = chunks.get(id);
      for (int chunk = 0; chunk < c.count(); chunk++) {
        int ch = chunk;
        files.add(Map.entry(docFile(id, chunk), () -> Json.bytes(docChunk(d, c, ch))));
      }
    }
    for (Map.Entry<String, Map<String, List<Integer>>> f : filters.entrySet()) {
      int i = 0;
      for (List<Integer> ids : f.getValue().values()) {
        files.add(Map.entry("filters/" + f.getKey() + "/" + i++ + ".json", () -> {
          StringBuilder sb = new StringBuilder("\"");
          runs(ids).forEach(n -> varint(sb, n));
          return sb.append('"').toString().getBytes(StandardCharsets.UTF_8);
        }));
      }
      List<Object> table = new ArrayList<>();
      f.getValue().forEach((value, ids) -> table.add(List.of(value, ids.size())));
      files.add(Map.entry("filters/" + f.getKey() + ".json", () -> Json.bytes(table)));
    }
    Map<String, byte[]> out = new java.util.concurrent.ConcurrentHashMap<>();
    files.parallelStream().forEach(e -> out.put(e.getKey(), e.getValue().get()));
    return new TreeMap<>(out);
  }

  private static Map<String, Object> docChunk(SearchDocument d, SearchIndexer.Chunks c, int chunk) {
    Map<String, Object> m = new TreeMap<>();
    m.put("url", d.url());
    m.put("type", d.type());
    m.put("title", d.title());
    m.put("topics", d.topics());
    m.put("chunk", chunk);
    m.put("chunks", c.count());
    if (chunk == 0) {
      m.put("people", d.people());
    }
    List<List<String>> passages = new ArrayList<>();
    for (int p = 0; p < d.passages().size(); p++) {
      if (c.passageChunk()[p] == chunk) {
        passages.add(List.of(d.passages().get(p).anchor(), d.passages().get(p).text()));
      }
    }
    m.put("passages", passages);
    return m;
  }

  /** Sorted ids as [gap, run, gap, run, ..]: each run of consecutive ids starts gap after the previous run's end. */
  static List<Integer> runs(List<Integer> ids) {
    List<Integer> out = new ArrayList<>();
    int end = 0;
    int i = 0;
    while (i < ids.size()) {
      int start = ids.get(i);
      int j = i + 1;
      while (j < ids.size() && ids.get(j) == ids.get(j - 1) + 1) {
        j++;
      }
      out.add(start - end);
      out.add(j - i);
      end = start + (j - i);
      i = j;
    }
    return out;
  }

  static String dictFile(int shard) {
    return "dict/" + shard + ".json";
  }

  static String postFile(int ord, int tier) {
    return "post/" + ord + "-" + tier + ".json";
  }

  static String docFile(int id, int chunk) {
    return chunk == 0 ? "docs/" + id + ".json" : "docs/" + id + "-" + chunk + ".json";
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
