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

/**
 * A synthetic archive of 10,000 sources (52,000 search documents): the index must be bounded by
 * construction. Writes target/search-scale for the node byte-count and exactness test.
 */
class ScaleTest {

    static final int SOURCES = 10_000, COMMENTARY = 10_000, CLAIMS = 30_000, PEOPLE = 1_500, TOPICS = 500;

    @Test
    void tenThousandSourcesGiveBoundedFiles() throws IOException {
        Path dir = SearchFixture.root().resolve("target/search-scale");
        if (Files.exists(dir)) {
            // a fresh directory, as in a site build (deleting the previous run's files is not export time)
            try (Stream<Path> walk = Files.walk(dir)) {
                for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
        long t0 = System.nanoTime();
        List<SearchDocument> docs = archive(new Random(42));
        long t1 = System.nanoTime();
        // with the project's vocabulary, as a site is built (its rules are in the manifest every query reads)
        SearchExport export = SearchIndexer.build(docs, SearchOptions.defaults(), SearchFixture.vocabulary());
        long t2 = System.nanoTime();
        export.writeTo(dir);
        long t3 = System.nanoTime();
        SearchOptions o = export.options();

        long manifest = Files.size(dir.resolve("manifest.json"));
        JsonNode m = Json.MAPPER.readTree(dir.resolve("manifest.json").toFile());
        // a posting is at most two varints of 4 characters (doc < 2^20; impact × 8 + chunk < 2^20)
        int postingBytes = 8;
        long dictCap = o.dictShardBytes() + (long) o.inlineMax() * postingBytes + 200;
        long biggestDict = 0;
        long dictBytes = 0;
        try (Stream<Path> s = Files.list(dir.resolve("dict"))) {
            for (Path p : s.toList()) {
                long size = Files.size(p);
                biggestDict = Math.max(biggestDict, size);
                dictBytes += size;
                assertTrue(size <= dictCap, p + " " + size + " > " + dictCap);
            }
        }
        long biggestPost = 0;
        int postFiles = 0;
        try (Stream<Path> s = Files.list(dir.resolve("post"))) {
            for (Path p : s.toList()) {
                String name = p.getFileName().toString();
                int tier = Integer.parseInt(name.substring(name.indexOf('-') + 1, name.indexOf('.')));
                int postings = SearchIndexerTest.decode(Json.MAPPER.readTree(p.toFile())).length / 2;
                long size = Files.size(p);
                assertTrue(postings <= o.tierSize(tier), name + " holds more than its tier size");
                assertTrue(size <= (long) o.tierSize(tier) * postingBytes + 8, name + " " + size);
                biggestPost = Math.max(biggestPost, size);
                postFiles++;
            }
        }
        long biggestDoc = 0;
        int docFiles = 0;
        try (Stream<Path> s = Files.list(dir.resolve("docs"))) {
            for (Path p : s.toList()) {
                biggestDoc = Math.max(biggestDoc, Files.size(p));
                docFiles++;
            }
        }
        int files = 1 + m.get("dict").size() + postFiles + docFiles;
        try (Stream<Path> s = Files.walk(dir.resolve("filters"))) {
            files += (int) s.filter(Files::isRegularFile).count();
        }
        System.out.printf(
                "scale: %d docs, %d terms; generate %.1f s, index %.1f s, write %.1f s%n"
                        + "scale: manifest %d B, %d dict shards (biggest %d B, all %d B), %d posting files (biggest %d B),"
                        + " %d doc files (biggest %d B), %d files = %.2f per document%n",
                docs.size(), export.termCount(), (t1 - t0) / 1e9, (t2 - t1) / 1e9, (t3 - t2) / 1e9, manifest,
                m.get("dict").size(), biggestDict, dictBytes, postFiles, biggestPost, docFiles, biggestDoc, files,
                files / (double) docs.size());
        assertTrue(manifest < 4_096, "manifest " + manifest);
        assertTrue(m.get("dict").size() >= 20, "dictionary is split");
        assertTrue(biggestDoc < 2 * o.chunkChars() + 1_000, "document chunk " + biggestDoc);
        assertTrue(files < 3 * docs.size(), "files per document: " + files);
    }

    /** Sources of 300-2,000 words, commentary, one-sentence claims, people and topic pages over a Zipf vocabulary. */
    static List<SearchDocument> archive(Random random) {
        String[] vocab = new String[30_000];
        for (int i = 0; i < vocab.length; i++) {
            vocab[i] = word(random, 3 + random.nextInt(8));
        }
        String[] names = new String[PEOPLE];
        for (int i = 0; i < PEOPLE; i++) {
            names[i] = cap(word(random, 4 + random.nextInt(4))) + " " + cap(word(random, 5 + random.nextInt(5)));
        }
        List<SearchDocument> docs = new ArrayList<>();
        for (int d = 0; d < SOURCES; d++) {
            int words = 300 + (int) (1_700 * Math.pow(random.nextDouble(), 2));
            docs.add(new SearchDocument(String.format("/sources/s%05d/", d), "source", text(random, vocab, 6 + random.nextInt(6)),
                    topics(random), people(random, names), passages(random, vocab, words, 40, 120)));
        }
        for (int d = 0; d < COMMENTARY; d++) {
            docs.add(new SearchDocument(String.format("/commentary/c%05d/", d), "commentary",
                    text(random, vocab, 4 + random.nextInt(6)), topics(random), people(random, names),
                    passages(random, vocab, 100 + random.nextInt(300), 30, 90)));
        }
        for (int d = 0; d < CLAIMS; d++) {
            String sentence = text(random, vocab, 10 + random.nextInt(16));
            docs.add(new SearchDocument(String.format("/claims/k%05d/", d), "claim", sentence, topics(random),
                    List.of(), List.of(new SearchDocument.Passage("", sentence))));
        }
        for (int d = 0; d < PEOPLE; d++) {
            docs.add(new SearchDocument(String.format("/people/p%04d/", d), "person", names[d], List.of(),
                    List.of(names[d]), passages(random, vocab, 20 + random.nextInt(40), 20, 60)));
        }
        for (int d = 0; d < TOPICS; d++) {
            docs.add(new SearchDocument(String.format("/topics/t%03d/", d), "topic", text(random, vocab, 1 + random.nextInt(3)),
                    List.of("t" + d), List.of(), passages(random, vocab, 30 + random.nextInt(70), 30, 70)));
        }
        return docs;
    }

    private static List<SearchDocument.Passage> passages(Random r, String[] vocab, int words, int min, int max) {
        List<SearchDocument.Passage> out = new ArrayList<>();
        while (words > 0) {
            int n = Math.min(words, min + r.nextInt(max - min + 1));
            out.add(new SearchDocument.Passage("p" + (out.size() + 1), text(r, vocab, n)));
            words -= n;
        }
        return out;
    }

    /** Zipf (s = 1) over the vocabulary: rank = V^u - 1 for uniform u. */
    private static String text(Random r, String[] vocab, int words) {
        StringBuilder sb = new StringBuilder();
        for (int w = 0; w < words; w++) {
            int idx = (int) Math.min(vocab.length - 1, Math.pow(vocab.length, r.nextDouble()) - 1);
            sb.append(w > 0 ? " " : "").append(vocab[idx]);
        }
        return sb.append('.').toString();
    }

    private static List<String> topics(Random r) {
        List<String> out = new ArrayList<>();
        for (int i = 0, n = 1 + r.nextInt(3); i < n; i++) {
            String t = "t" + (int) Math.min(TOPICS - 1, Math.pow(TOPICS, r.nextDouble()) - 1);
            if (!out.contains(t)) {
                out.add(t);
            }
        }
        return out;
    }

    private static List<String> people(Random r, String[] names) {
        List<String> out = new ArrayList<>();
        for (int i = 0, n = r.nextInt(3); i < n; i++) {
            String p = names[r.nextInt(names.length)];
            if (!out.contains(p)) {
                out.add(p);
            }
        }
        return out;
    }

    private static String cap(String w) {
        return Character.toUpperCase(w.charAt(0)) + w.substring(1);
    }

    private static String word(Random r, int len) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < len; i++) {
            sb.append((char) ('a' + r.nextInt(26)));
        }
        return sb.toString();
    }
}
