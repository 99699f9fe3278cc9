package org.evidencearchive.search;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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

    /** Tiny tiers, shards and chunks (the options of the node tests' fixture). */
    static final SearchOptions SMALL = SearchFixture.SMALL;

    @Test
    void manifestBoundariesSplitTheSortedDictionary(@TempDir Path dir) throws IOException {
        SearchExport export = SearchIndexer.build(SearchFixture.documents(), SMALL);
        export.writeTo(dir);
        JsonNode manifest = Json.MAPPER.readTree(dir.resolve("manifest.json").toFile());
        assertEquals(2, manifest.get("version").asInt());
        assertEquals(export.documentCount(), manifest.get("N").asInt());
        JsonNode dict = manifest.get("dict");
        assertTrue(dict.size() > 3, "tiny shard size must give several shards");
        assertEquals("", dict.get(0).asText());
        String previous = null;
        for (int s = 0; s < dict.size(); s++) {
            JsonNode shard = Json.MAPPER.readTree(dir.resolve("dict/" + s + ".json").toFile()).get("terms");
            List<String> names = new ArrayList<>();
            shard.fieldNames().forEachRemaining(names::add);
            for (String t : names) {
                assertTrue(t.compareTo(dict.get(s).asText()) >= 0, t + " >= boundary " + s);
                if (s + 1 < dict.size()) {
                    assertTrue(t.compareTo(dict.get(s + 1).asText()) < 0, t + " < boundary " + (s + 1));
                }
                if (previous != null) {
                    assertTrue(previous.compareTo(t) < 0, "sorted");
                }
                previous = t;
            }
        }
        try (Stream<Path> files = Files.list(dir.resolve("dict"))) {
            assertEquals(dict.size(), files.count());
        }
        assertEquals(export.documentCount(), countFiles(dir.resolve("docs"), p -> !p.contains("-")));
    }

    @Test
    void theVocabularyAddsGroupTermsAndLeavesEveryOtherPostingAsItWas(@TempDir Path plainDir, @TempDir Path vocabDir)
            throws IOException {
        List<SearchDocument> docs = SearchFixture.documents();
        SearchIndexer.build(docs, SMALL).writeTo(plainDir);
        SearchIndexer.build(docs, SMALL, SearchFixture.vocabulary()).writeTo(vocabDir);
        Map<String, Map<Integer, int[]>> plain = allPostings(plainDir);
        Map<String, Map<Integer, int[]>> vocab = allPostings(vocabDir);
        // every term keeps its documents and chunks (its impacts move a little: the group terms add to the
        // fields' average length, though not to any document's length, as Lucene discounts overlapping tokens)
        for (Map.Entry<String, Map<Integer, int[]>> e : plain.entrySet()) {
            Map<Integer, int[]> other = vocab.get(e.getKey());
            assertEquals(e.getValue().keySet(), other.keySet(), e.getKey());
            e.getValue().forEach((doc, v) -> assertEquals(v[1], other.get(doc)[1], e.getKey() + " in " + doc));
        }
        List<String> urls = docs.stream().map(SearchDocument::url).sorted().toList();
        int died = urls.indexOf("/claims/scotland-drug-deaths-2018/");
        assertFalse(plain.get("death").containsKey(died), "Porter keeps died and deaths apart");
        assertTrue(vocab.get("=death").containsKey(died), "died is in the group of death");
        assertTrue(vocab.get("=death").keySet().containsAll(plain.get("death").keySet()));
        assertTrue(vocab.get("=drug-consumption-room").keySet().containsAll(plain.get("dcr").keySet()));
        assertTrue(plain.containsKey("800000") && plain.containsKey("1100") && !plain.containsKey("800,000"), "numbers without separators");
        assertFalse(Json.MAPPER.readTree(plainDir.resolve("manifest.json").toFile()).has("vocabulary"));
        JsonNode rules = Json.MAPPER.readTree(vocabDir.resolve("manifest.json").toFile()).get("vocabulary");
        assertTrue(rules.toString().contains("[\"fix room\",\"=drug-consumption-room\"]"), rules.toString());
    }

    @Test
    void postingsDecodeToTheDocumentsContainingTheTerm(@TempDir Path dir) throws IOException {
        List<SearchDocument> docs = SearchFixture.documents();
        SearchIndexer.build(docs, SMALL).writeTo(dir);
        Map<String, Map<Integer, int[]>> terms = allPostings(dir);
        List<SearchDocument> sorted = docs.stream().sorted((a, b) -> a.url().compareTo(b.url())).toList();
        List<Integer> expected = new ArrayList<>();
        for (int i = 0; i < sorted.size(); i++) {
            SearchDocument d = sorted.get(i);
            boolean has = d.title().toLowerCase().contains("diamorphine")
                    || d.passages().stream().anyMatch(p -> p.text().toLowerCase().contains("diamorphine"));
            if (has) {
                expected.add(i);
            }
        }
        assertEquals(expected, new ArrayList<>(terms.get("diamorphin").keySet()));
        assertTrue(expected.size() >= 3);
        int person = sorted.stream().map(SearchDocument::url).toList().indexOf("/people/alison-thewliss/");
        assertTrue(terms.get("thewliss").containsKey(person));
        assertTrue(terms.containsKey("sai"), "Lucene stems 'said/says' family: 'say' -> 'sai'");
        assertFalse(terms.containsKey("the"), "stop words are not indexed");
    }

    @Test
    void tiersAreImpactOrderedAndBounded(@TempDir Path dir) throws IOException {
        SearchIndexer.build(SearchFixture.documents(), SMALL).writeTo(dir);
        JsonNode manifest = Json.MAPPER.readTree(dir.resolve("manifest.json").toFile());
        int checked = 0;
        for (int s = 0; s < manifest.get("dict").size(); s++) {
            JsonNode shard = Json.MAPPER.readTree(dir.resolve("dict/" + s + ".json").toFile()).get("terms");
            for (var it = shard.fields(); it.hasNext(); ) {
                JsonNode e = it.next().getValue();
                int df = e.get(0).asInt();
                List<int[]> tiers = tiers(dir, e);
                if (!e.get(1).isTextual()) {
                    assertTrue(df > SMALL.inlineMax());
                }
                int total = 0;
                int previousMin = Integer.MAX_VALUE;
                for (int t = 0; t < tiers.size(); t++) {
                    int[] tier = tiers.get(t);
                    assertTrue(tier.length / 2 <= (e.get(1).isTextual() ? SMALL.inlineMax() : SMALL.tierSize(t)), "tier size");
                    int max = 0;
                    int min = Integer.MAX_VALUE;
                    for (int k = 1; k < tier.length; k += 2) {
                        max = Math.max(max, tier[k] >> 3);
                        min = Math.min(min, tier[k] >> 3);
                    }
                    assertTrue(max <= previousMin, "impact order across tiers");
                    if (!e.get(1).isTextual()) {
                        assertEquals(e.get(2 + t).asInt(), max, "recorded tier maximum");
                    }
                    previousMin = min;
                    total += tier.length / 2;
                    checked++;
                }
                assertEquals(df, total);
            }
        }
        assertTrue(checked > 100);
    }

    @Test
    void theIndexRecordsThePositionsEachPassageTakesAsAnAnalysisOfItAloneCountsThem() throws IOException {
        Vocabulary vocabulary = SearchFixture.vocabulary();
        List<String> passages = List.of("Fix rooms in Glasgow: 1 100 people died, 27% more than the year before.",
                "", "the and of", "£800,000 of crimes, 1,366.5 per cent %", "Supervised injection sites ... 12 34 1234 567 %");
        BodyPositions body = new BodyPositions();
        Analyzer indexing = SearchAnalysis.newAnalyzer(vocabulary, body);
        org.apache.lucene.document.Document doc = new org.apache.lucene.document.Document();
        doc.add(new org.apache.lucene.document.TextField(SearchOptions.TITLE, "Drug deaths", org.apache.lucene.document.Field.Store.NO));
        for (String p : passages) {
            doc.add(new org.apache.lucene.document.TextField(SearchOptions.BODY, p, org.apache.lucene.document.Field.Store.NO));
        }
        doc.add(new org.apache.lucene.document.TextField(SearchOptions.PEOPLE, "Alison Thewliss", org.apache.lucene.document.Field.Store.NO));
        try (var dir = new org.apache.lucene.store.ByteBuffersDirectory();
                var w = new org.apache.lucene.index.IndexWriter(dir, new org.apache.lucene.index.IndexWriterConfig(indexing))) {
            w.addDocument(doc);
            w.addDocument(doc);
            int[] first = body.take();
            w.addDocument(doc);
            int[] expected = new int[passages.size()];
            Analyzer alone = SearchAnalysis.newAnalyzer(vocabulary);
            for (int i = 0; i < expected.length; i++) {
                try (var ts = alone.tokenStream(SearchOptions.BODY, passages.get(i))) {
                    var inc = ts.addAttribute(org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute.class);
                    ts.reset();
                    while (ts.incrementToken()) expected[i] += inc.getPositionIncrement();
                    ts.end();
                    expected[i] += inc.getPositionIncrement();
                }
            }
            int[] twice = new int[expected.length * 2];
            System.arraycopy(expected, 0, twice, 0, expected.length);
            System.arraycopy(expected, 0, twice, expected.length, expected.length);
            assertArrayEquals(twice, first, "the body values of both documents, in order, and nothing of title or people");
            assertArrayEquals(expected, body.take(), "taking forgets what was taken");
        }
    }

    @Test
    void chunkOfAPostingHoldsTheTerm(@TempDir Path dir) throws IOException {
        SearchIndexer.build(SearchFixture.documents(), SMALL).writeTo(dir);
        Map<String, Map<Integer, int[]>> terms = allPostings(dir);
        Analyzer a = SearchAnalysis.newAnalyzer();
        int multi = 0;
        for (String term : List.of("copping", "diamorphin", "thewliss", "sweenei", "licenc", "middlesbrough")) {
            for (Map.Entry<Integer, int[]> p : terms.get(term).entrySet()) {
                JsonNode chunk = Json.MAPPER.readTree(
                        dir.resolve(SearchExport.docFile(p.getKey(), p.getValue()[1])).toFile());
                if (chunk.get("chunks").asInt() > 1) {
                    multi++;
                }
                StringBuilder text = new StringBuilder(chunk.get("title").asText());
                chunk.get("passages").forEach(ps -> text.append('\n').append(ps.get(1).asText()));
                assertTrue(SearchAnalysis.terms(a, text.toString()).contains(term), term + " in " + chunk.get("url"));
            }
        }
        assertTrue(multi >= 5, "multi-chunk documents checked: " + multi);
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
    void parallelIndexingIsByteIdentical(@TempDir Path dir) throws IOException {
        // 2,000 documents of every kind: two writer threads and term ranges read in parallel
        List<SearchDocument> all = ScaleTest.archive(new java.util.Random(7));
        List<SearchDocument> docs = new ArrayList<>();
        for (int i = 0; i < all.size(); i += 26) {
            docs.add(all.get(i));
        }
        List<SearchDocument> shuffled = new ArrayList<>(docs);
        java.util.Collections.shuffle(shuffled, new java.util.Random(1));
        SearchIndexer.build(docs).writeTo(dir.resolve("a"));
        SearchIndexer.build(shuffled).writeTo(dir.resolve("b"));
        Map<String, byte[]> a = readAll(dir.resolve("a"));
        Map<String, byte[]> b = readAll(dir.resolve("b"));
        assertEquals(a.keySet(), b.keySet());
        for (String k : a.keySet()) {
            assertArrayEquals(a.get(k), b.get(k), k);
        }
    }

    @Test
    void exportIsByteIdenticalWhateverThePoolItRunsIn() throws Exception {
        // The export's parallel steps (chunking with a per-thread tokenizer, term ranges read side by side, dictionary
        // entries, files) run in the calling task's pool: a pool of one thread does them all in turn, reusing one
        // tokenizer for every document; larger pools split them differently on every run. Several multi-chunk
        // documents, and each pool size twice, so that a result depending on which thread did what, or on what a
        // thread did before, shows up here rather than once in a while in a whole build.
        List<SearchDocument> docs = SearchFixture.documents();
        Map<String, byte[]> serial = exportIn(1, docs);
        assertTrue(serial.keySet().stream().anyMatch(k -> k.matches("docs/\\d+-\\d+\\.json")), "multi-chunk documents");
        for (int threads : new int[] {2, 3, 4, 1, 2, 3, 4}) {
            Map<String, byte[]> parallel = exportIn(threads, docs);
            assertEquals(serial.keySet(), parallel.keySet(), threads + " threads");
            for (String k : serial.keySet()) {
                assertArrayEquals(serial.get(k), parallel.get(k), k + " with " + threads + " threads");
            }
        }
    }

    /** Every file of the export of the documents made in a pool of the given size, by path. */
    private static Map<String, byte[]> exportIn(int threads, List<SearchDocument> docs) throws Exception {
        java.util.concurrent.ForkJoinPool pool = new java.util.concurrent.ForkJoinPool(threads);
        try {
            return pool.submit(() -> {
                Map<String, byte[]> files = new java.util.concurrent.ConcurrentSkipListMap<>();
                SearchIndexer.build(docs, SMALL).forEachFile((path, bytes) -> {
                    if (files.putIfAbsent(path, bytes) != null) {
                        throw new AssertionError("made twice: " + path);
                    }
                });
                return files;
            }).get();
        } finally {
            pool.shutdown();
        }
    }

    @Test
    void filtersListDocsByTypeAndTopic(@TempDir Path dir) throws IOException {
        SearchIndexer.build(SearchFixture.documents(), SMALL).writeTo(dir);
        JsonNode manifest = Json.MAPPER.readTree(dir.resolve("manifest.json").toFile());
        assertEquals(List.of("topic", "type"), List.of(manifest.get("filters").get(0).asText(), manifest.get("filters").get(1).asText()));
        Map<String, Integer> types = new TreeMap<>();
        Json.MAPPER.readTree(dir.resolve("filters/type.json").toFile()).forEach(v -> types.put(v.get(0).asText(), v.get(1).asInt()));
        assertEquals(5, types.get("source"));
        int person = new ArrayList<>(types.keySet()).indexOf("person");
        String runs = Json.MAPPER.readTree(dir.resolve("filters/type/" + person + ".json").toFile()).asText();
        assertEquals(2, runs.length(), "one run: gap, length 1");
        assertEquals('B', runs.charAt(1));
        assertEquals(List.of(3, 2, 5, 1), SearchExport.runs(List.of(3, 4, 10)));
    }

    @Test
    void emptyArchiveGivesValidEmptyIndex(@TempDir Path dir) throws IOException {
        SearchIndexer.build(List.of()).writeTo(dir.resolve("empty"));
        JsonNode manifest = Json.MAPPER.readTree(dir.resolve("empty/manifest.json").toFile());
        assertEquals(0, manifest.get("N").asInt());
        assertEquals(0, manifest.get("dict").size());
    }

    /** Decodes a tier string into [doc, impact × 8 + chunk, doc, ..] with absolute doc ids. */
    static int[] decode(JsonNode tier) {
        String str = tier.asText();
        List<Long> numbers = new ArrayList<>();
        long value = 0;
        long mult = 1;
        for (int i = 0; i < str.length(); i++) {
            int c = SearchExport.DIGITS.indexOf(str.charAt(i));
            value += (c & 31) * mult;
            if (c < 32) {
                numbers.add(value);
                value = 0;
                mult = 1;
            } else {
                mult *= 32;
            }
        }
        long low = numbers.get(0);
        int[] out = new int[numbers.size() - 1];
        int doc = 0;
        for (int k = 1; k < numbers.size(); k += 2) {
            doc += numbers.get(k).intValue();
            long v = numbers.get(k + 1);
            out[k - 1] = doc;
            out[k] = (int) ((v / 8 + low) * 8 + v % 8);
        }
        return out;
    }

    /** Returns the decoded tiers of a dictionary entry (one tier when its postings are inline). */
    static List<int[]> tiers(Path dir, JsonNode e) throws IOException {
        List<int[]> tiers = new ArrayList<>();
        if (e.get(1).isTextual()) {
            tiers.add(decode(e.get(1)));
            return tiers;
        }
        for (int t = 0; t + 2 < e.size(); t++) {
            tiers.add(decode(Json.MAPPER.readTree(dir.resolve(SearchExport.postFile(e.get(1).asInt(), t)).toFile())));
        }
        return tiers;
    }

    /** Reads every term's postings from all tiers: term -> doc -> [impact, chunk], docs sorted. */
    static Map<String, Map<Integer, int[]>> allPostings(Path dir) throws IOException {
        Map<String, Map<Integer, int[]>> out = new TreeMap<>();
        JsonNode manifest = Json.MAPPER.readTree(dir.resolve("manifest.json").toFile());
        for (int s = 0; s < manifest.get("dict").size(); s++) {
            JsonNode shard = Json.MAPPER.readTree(dir.resolve("dict/" + s + ".json").toFile()).get("terms");
            for (var it = shard.fields(); it.hasNext(); ) {
                var e = it.next();
                Map<Integer, int[]> postings = new TreeMap<>();
                for (int[] tier : tiers(dir, e.getValue())) {
                    for (int k = 0; k < tier.length; k += 2) {
                        postings.put(tier[k], new int[] {tier[k + 1] >> 3, tier[k + 1] & 7});
                    }
                }
                out.put(e.getKey(), postings);
            }
        }
        return out;
    }

    private static long countFiles(Path dir, java.util.function.Predicate<String> name) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> name.test(p.getFileName().toString())).count();
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
