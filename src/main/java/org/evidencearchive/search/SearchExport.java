package org.evidencearchive.search;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.IntStream;
import java.util.stream.Stream;

/**
 * The static search index, format 2: a tiny manifest, a dictionary cut into bounded shards (rare terms'
 * postings inline), impact-ordered posting tiers of geometrically growing size in their own files, and one
 * bounded file per document chunk. See docs/search-index.md for the exact format.
 *
 * <pre>
 * manifest.json        {"version":2,"analyzer":"lucene-english-10+numbers","N":docs,"bm25":{"b":..,"k1":..},
 *                       "fields":{"body":{"avgLength":..,"weight":1.0},..},"scale":100,
 *                       "tiers":[128,512,2048,4096],"inline":16,"dict":["","bq",..],"filters":["topic","type"],
 *                       "vocabulary":[["fix room","=drug-consumption-room"],..] (only when not empty)}
 * dict/I.json          {"terms":{term:[df,"postings"] (df &lt;= inline) or [df,ord,max0,max1,..]}}
 * post/ORD-T.json      "tier T postings"     maxT = the highest impact in tier T
 * filters/F.json       [["value",count],..]  the values of filter F, sorted
 * docs/ID.json         {"chunk":0,"chunks":n,"passages":[[anchor,text],..],"people":[..],"title":..,
 *                       "topics":[..],"type":..,"url":..}
 * docs/ID-C.json       the same for chunk C &gt; 0, without "people"
 * filters/F/I.json     "gap run gap run .."  the sorted ids having the I-th value of filter F, as runs (varints)
 * </pre>
 *
 * <p>Postings of a tier are one string of varints (see {@code TermEntry.encodeTier}): lowest impact L, then per
 * posting sorted by document: doc delta, (impact - L) × 8 + chunk.
 */
public final class SearchExport {

    /** Format version written to the manifest. */
    public static final int VERSION = 2;

    private final List<SearchDocument> docs;
    /** The figures files ({@link #figures}), made once: the manifest lists their first values. */
    private final List<List<List<Object>>> figureFiles;
    private final List<SearchIndexer.Chunks> chunks;
    private final List<TermEntry> terms;
    private final Map<String, Map<String, List<Integer>>> filters;
    private final Map<String, Double> avgLengths;
    private final double k1;
    private final double b;
    private final SearchOptions options;
    private final List<List<String>> vocabulary;
    private final byte[][] entryJson;
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
            SearchOptions options,
            Vocabulary vocabulary) {
        this.vocabulary = vocabulary.exported();
        this.docs = List.copyOf(docs);
        this.figureFiles = figures(this.docs);
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
        this.entryJson = IntStream.range(0, terms.size()).parallel().mapToObj(this::entry).toArray(byte[][]::new);
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
            bytes += entryJson[i].length + 1;
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

    /**
     * The dictionary entry of term i, as UTF-8 JSON: "term":[df,"postings"] when inline, else "term":[df, ord,
     * max of tier 0, tier 1, ..].
     */
    private byte[] entry(int i) {
        TermEntry t = terms.get(i);
        StringBuilder sb = new StringBuilder(Json.string(t.term()));
        sb.append(":[").append(t.df()).append(',');
        if (termOrd[i] < 0) {
            sb.append(new String(t.tiers()[0], StandardCharsets.US_ASCII));
        } else {
            sb.append(termOrd[i]);
            for (int max : t.tierMax()) {
                sb.append(',').append(max);
            }
        }
        return sb.append(']').toString().getBytes(StandardCharsets.UTF_8);
    }

    /** The 64 characters of the posting encoding (JSON- and URL-safe): 0-31 end a number, 32-63 continue it. */
    static final String DIGITS = Varints.DIGITS;

    /** Returns the manifest as a JSON-ready map. */
    public Map<String, Object> manifest() {
        Map<String, Object> m = new TreeMap<>();
        m.put("version", VERSION);
        m.put("analyzer", "lucene-english-10+numbers");
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
        if (!vocabulary.isEmpty()) m.put("vocabulary", vocabulary);
        if (!figureFiles.isEmpty()) m.put("figures", figureFiles.stream().map(f -> f.get(0).get(0)).toList());
        return m;
    }

    /** Writes manifest.json and all dictionary, posting, document and filter files, replacing old ones. */
    public void writeTo(Path searchDir) throws IOException {
        for (String sub : List.of("dict", "post", "docs", "filters", "terms", "fragments")) {
            deleteTree(searchDir.resolve(sub));
        }
        forEachFile((name, bytes) -> {
            Path p = searchDir.resolve(name);
            Files.createDirectories(p.getParent());
            Files.write(p, bytes);
        });
    }

    /** Receives the files of the index one at a time, from several threads at once. */
    @FunctionalInterface
    public interface FileSink {
        /**
         * Takes one file of the index.
         *
         * @param path the file's path relative to the search folder, such as {@code post/12-0.json}
         * @param bytes its contents, which the export does not keep
         */
        void accept(String path, byte[] bytes) throws IOException;
    }

    /**
     * Makes every file of the index (manifest, dictionary shards, posting tiers, document chunks, filters) and
     * hands each to the sink as soon as it is made, in parallel; the export holds no file after handing it on,
     * so an index far larger than the heap's free space can be published. Stops at the first failure of the
     * sink and rethrows it.
     */
    public void forEachFile(FileSink sink) throws IOException {
        sink.accept("manifest.json", Json.bytes(manifest()));
        inParallel(shards.size(), s -> sink.accept(dictFile(s), dictShard(shards.get(s))));
        inParallel(terms.size(), i -> {
            if (termOrd[i] >= 0) {
                byte[][] tiers = terms.get(i).tiers();
                for (int tier = 0; tier < tiers.length; tier++) {
                    sink.accept(postFile(termOrd[i], tier), tiers[tier]);
                }
            }
        });
        inParallel(docs.size(), id -> {
            for (int chunk = 0; chunk < chunks.get(id).count(); chunk++) {
                sink.accept(docFile(id, chunk), docChunk(docs.get(id), chunks.get(id), chunk));
            }
        });
        for (int i = 0; i < figureFiles.size(); i++) sink.accept("figures/" + i + ".json", Json.bytes(figureFiles.get(i)));
        for (Map.Entry<String, Map<String, List<Integer>>> f : filters.entrySet()) {
            int i = 0;
            for (List<Integer> ids : f.getValue().values()) {
                Varints v = new Varints(ids.size() + 2).quote();
                runs(ids).forEach(v::add);
                sink.accept("filters/" + f.getKey() + "/" + i++ + ".json", v.quote().toBytes());
            }
            List<Object> table = new ArrayList<>();
            f.getValue().forEach((value, ids) -> table.add(List.of(value, ids.size())));
            sink.accept("filters/" + f.getKey() + ".json", Json.bytes(table));
        }
    }

    /** Figures per file: a number's file is found from the manifest's list of each file's first value. */
    static final int FIGURES_PER_FILE = 64;

    /**
     * Every positive figure of the archive as [value, label, url, title], by value then url, cut into files of
     * {@link #FIGURES_PER_FILE}.
     */
    private static List<List<List<Object>>> figures(List<SearchDocument> docs) {
        List<List<Object>> all = new ArrayList<>();
        for (SearchDocument d : docs) {
            for (SearchDocument.Figure f : d.figures()) {
                if (f.value() > 0 && Double.isFinite(f.value())) {
                    Object value = f.value() == Math.rint(f.value()) && f.value() < 1e15 ? (Object) (long) f.value() : f.value();
                    all.add(List.of(value, f.label(), d.url(), d.title()));
                }
            }
        }
        all.sort(java.util.Comparator.comparingDouble((List<Object> x) -> ((Number) x.get(0)).doubleValue())
                .thenComparing(x -> (String) x.get(2)));
        List<List<List<Object>>> files = new ArrayList<>();
        for (int i = 0; i < all.size(); i += FIGURES_PER_FILE) files.add(all.subList(i, Math.min(all.size(), i + FIGURES_PER_FILE)));
        return files;
    }

    /** One dictionary shard: {"terms":{entry,entry,..}} for the terms [range[0], range[1]). */
    private byte[] dictShard(int[] range) {
        int size = "{\"terms\":{}}".length() + range[1] - range[0];
        for (int i = range[0]; i < range[1]; i++) {
            size += entryJson[i].length;
        }
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream(size);
        out.writeBytes("{\"terms\":{".getBytes(StandardCharsets.US_ASCII));
        for (int i = range[0]; i < range[1]; i++) {
            if (i > range[0]) {
                out.write(',');
            }
            out.writeBytes(entryJson[i]);
        }
        out.writeBytes("}}".getBytes(StandardCharsets.US_ASCII));
        return out.toByteArray();
    }

    /** An action on one index that may fail with an I/O error. */
    private interface IndexAction {
        void run(int i) throws IOException;
    }

    /** Runs the action for 0 .. n-1 in parallel (in the calling task's pool) and rethrows its first I/O error. */
    private static void inParallel(int n, IndexAction action) throws IOException {
        try {
            IntStream.range(0, n).parallel().forEach(i -> {
                try {
                    action.run(i);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    /**
     * One chunk of a document as JSON, the keys in sorted order as {@link Json} writes a map. Written straight to
     * a generator: there is a file per chunk, and building a map of lists for each cost more than the writing.
     */
    private static byte[] docChunk(SearchDocument d, SearchIndexer.Chunks c, int chunk) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream(512);
        try (JsonGenerator g = Json.MAPPER.getFactory().createGenerator(out)) {
            g.writeStartObject();
            g.writeNumberField("chunk", chunk);
            g.writeNumberField("chunks", c.count());
            g.writeArrayFieldStart("passages");
            for (int p = 0; p < d.passages().size(); p++) {
                if (c.passageChunk()[p] == chunk) {
                    g.writeStartArray();
                    g.writeString(d.passages().get(p).anchor());
                    g.writeString(d.passages().get(p).text());
                    g.writeEndArray();
                }
            }
            g.writeEndArray();
            if (chunk == 0) {
                writeStrings(g, "people", d.people());
            }
            g.writeStringField("title", d.title());
            writeStrings(g, "topics", d.topics());
            g.writeStringField("type", d.type());
            g.writeStringField("url", d.url());
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a byte array stream does not fail
        }
        return out.toByteArray();
    }

    private static void writeStrings(JsonGenerator g, String name, List<String> values) throws IOException {
        g.writeArrayFieldStart(name);
        for (String v : values) {
            g.writeString(v);
        }
        g.writeEndArray();
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
