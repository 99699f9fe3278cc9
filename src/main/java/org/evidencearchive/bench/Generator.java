package org.evidencearchive.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.TreeSet;

import org.evidencearchive.content.ContentParser;

/**
 * Writes a synthetic archive in the real content format, for benchmarks: sources of 300–2,000 words in 5–40
 * paragraphs drawn from a vocabulary with a Zipf-like distribution, commentary and claims whose quotes resolve,
 * topics and people. The same seed gives the same archive.
 */
public final class Generator {
    /** What an archive was written by: bumped whenever the generator writes anything differently ({@code bench generate --reuse}). */
    public static final int VERSION = 3;

    private static final int TOPICS = 12;
    private final Random random;
    private final List<String> vocabulary;

    /** Creates a generator over a vocabulary (e.g. the words of the real archive), with a fixed seed. */
    public Generator(List<String> vocabulary, long seed) {
        this.vocabulary = List.copyOf(vocabulary);
        this.random = new Random(seed);
    }

    /** Returns the distinct lowercase words of the texts under a folder, sorted. */
    public static List<String> vocabularyOf(Path sources) throws IOException {
        TreeSet<String> words = new TreeSet<>();
        try (var s = Files.list(sources)) {
            for (Path p : s.filter(x -> x.toString().endsWith(".txt")).toList()) {
                for (String w : Files.readString(p).split("[^\\p{L}\\p{N}'’-]+")) {
                    if (w.length() > 1) words.add(w.toLowerCase(java.util.Locale.ROOT));
                }
            }
        }
        // Extend with made-up words so a large archive has a large vocabulary, as real ones do.
        List<String> base = new ArrayList<>(words);
        for (int i = 0; i < 20_000; i++) base.add(base.get(i % base.size()) + suffix(i));
        return base;
    }

    private static String suffix(int i) {
        String letters = "abcdefghijklmnopqrstuvwxyz";
        return "" + letters.charAt(i % 26) + letters.charAt((i / 26) % 26);
    }

    private String word() {
        // Zipf-like: small indices much more often.
        double u = random.nextDouble();
        int i = (int) Math.min(vocabulary.size() - 1, Math.floor(Math.pow(vocabulary.size(), u)) - 1);
        return vocabulary.get(Math.max(0, i));
    }

    private String sentence(int words) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < words; i++) {
            String w = word();
            s.append(i == 0 ? Character.toUpperCase(w.charAt(0)) + w.substring(1) : w);
            s.append(i == words - 1 ? "." : random.nextInt(12) == 0 ? ", " : " ");
        }
        return s.toString();
    }

    /**
     * A sentence without its numbers ("Aimed 1100 body seven grew." → "Aimed body grew."): a claim's statement gives no
     * number its cited paragraph does not (StatementNumbersCheck). Drawn as before, so the rest of the archive is the same.
     */
    static String withoutNumbers(String sentence) {
        List<String> kept = new ArrayList<>();
        for (String w : sentence.substring(0, sentence.length() - 1).split(" ")) {
            if (!org.evidencearchive.evidence.NumberForms.isNumber(w)) kept.add(w);
        }
        String s = String.join(" ", kept).replaceAll(",$", "");
        return s.isEmpty() ? "Reported." : Character.toUpperCase(s.charAt(0)) + s.substring(1) + ".";
    }

    /** Returns about {@code words} words of text in paragraphs of 40–120 words, separated by blank lines. */
    public String paragraphs(int words) {
        StringBuilder out = new StringBuilder();
        int left = words;
        while (left > 0) {
            int n = Math.min(left, 40 + random.nextInt(80));
            if (out.length() > 0) out.append("\n\n");
            out.append(sentence(Math.max(8, n)));
            left -= n;
        }
        return out.toString();
    }

    /** Writes an archive of {@code sources} sources with {@code claimsPerSource} claims each into {@code out}/content. */
    public void write(Path out, int sources, int claimsPerSource) throws IOException {
        Path content = out.resolve("content");
        for (String d : ContentParser.FOLDERS) Files.createDirectories(content.resolve(d));
        StringBuilder measures = new StringBuilder();
        for (int m = 0; m < 50; m++) {
            measures.append("synthetic-measure-").append(m).append(":\n  name: synthetic measure ").append(m)
                    .append("\n  counted: reports\n  unit: reports\n");
        }
        Files.writeString(content.resolve(org.evidencearchive.content.Measures.FILE), measures.toString());
        for (int t = 0; t < TOPICS; t++) {
            Files.writeString(content.resolve("topics/topic-" + t + ".md"), "---\nid: topic-" + t + "\ntitle: Topic " + t
                    + "\nsummary: A synthetic topic.\n---\n" + sentence(30) + "\n");
        }
        int people = Math.max(1, sources / 4);
        for (int p = 0; p < people; p++) {
            Files.writeString(content.resolve("people/person-" + p + ".md"), "---\nid: person-" + p + "\nname: Person Number"
                    + p + "\nkind: person\nmentions: [Person Number" + p + "]\n---\n");
        }
        for (int s = 0; s < sources; s++) {
            int words = 300 + random.nextInt(1700);
            int paragraphs = Math.max(5, Math.min(40, words / (40 + random.nextInt(40))));
            List<String> paras = new ArrayList<>();
            for (int p = 0; p < paragraphs; p++) {
                String para = sentence(Math.max(8, words / paragraphs));
                if (p == 1) para = "Person Number" + random.nextInt(people) + " said: " + para;
                paras.add(para + " Figure " + s + "-" + p + " was reported.");
            }
            String text = String.join("\n\n", paras) + "\n";
            String id = "source-" + s;
            Files.writeString(content.resolve("sources/" + id + ".txt"), text);
            String topic = "topic-" + (s % TOPICS);
            Files.writeString(content.resolve("sources/" + id + ".md"), "---\nid: " + id + "\ntitle: " + sentence(8)
                    + "\ntext: " + id + ".txt\nsha256: " + ContentParser.sha256(text.getBytes(StandardCharsets.UTF_8))
                    + "\ntopics: [" + topic + "]\n---\n");
            StringBuilder commentary = new StringBuilder("---\nid: on-" + id + "\ntitle: On " + id + "\nsummary: " + sentence(10)
                    + "\nabout: [" + id + "]\ntopics: [" + topic + "]\n---\n");
            for (int p = 0; p < Math.min(3, paragraphs); p++) {
                commentary.append(sentence(20)).append(" [@").append(id).append("#p").append(p + 1).append(" \"Figure ")
                        .append(s).append('-').append(p).append(" was reported\"].\n\n");
            }
            Files.writeString(content.resolve("commentary/on-" + id + ".md"), commentary.toString());
            for (int c = 0; c < claimsPerSource; c++) {
                int p = c % paragraphs;
                Files.writeString(content.resolve("claims/" + id + "-claim-" + c + ".md"), "---\nid: " + id + "-claim-" + c
                        + "\nstatement: " + withoutNumbers(sentence(12)) + "\nkind: statistic\ntopics: [" + topic + "]\nfigure:\n  value: "
                        + s + "\n  unit: reports\n  measure: synthetic-measure-" + (s % 50) + "\ncitations:\n  - source: "
                        + id + "\n    paragraph: p" + (p + 1) + "\n    quote: Figure " + s + "-" + p + " was reported\n---\n");
            }
        }
    }
}
