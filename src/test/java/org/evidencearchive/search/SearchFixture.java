package org.evidencearchive.search;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.lucene.analysis.Analyzer;

/**
 * The fixture: the archive's real sources (paragraphs p1..pn) plus a few hand-written pages; and the files the
 * node tests of the search client read ({@link #writeNodeFixtures}).
 */
public final class SearchFixture {

    /** Tiny tiers, shards and chunks, so the fixture exercises every part of the format. */
    static final SearchOptions SMALL = SearchOptions.defaults()
            .withTierSizes(List.of(2, 3, 4)).withInlineMax(1).withDictShardBytes(600).withChunkChars(600);

    /** Hand-written English word forms that stress tokenizer, possessive, stop and Porter rules. */
    static final List<String> WORD_FORMS = List.of(
            "say", "says", "said", "saying", "day", "days", "stay", "stayed", "staying", "play", "player", "boy", "boys",
            "toy", "key", "monkey", "valley", "journey", "enjoy", "enjoyed", "happy", "happily", "happiness", "cry",
            "cried", "cries", "sky", "by", "my", "fly", "ponies", "ties", "caresses", "caress", "cats", "feed", "agreed",
            "disabled", "matting", "mating", "meeting", "milling", "messing", "meetings", "hopping", "hoping", "filing",
            "falling", "fizzed", "tanned", "conflated", "troubled", "sized", "failing", "relational", "conditional",
            "rational", "valenci", "hesitanci", "digitizer", "conformabli", "radicalli", "differentli", "vileli",
            "analogousli", "vietnamization", "predication", "operator", "feudalism", "decisiveness", "hopefulness",
            "callousness", "formaliti", "sensitiviti", "sensibiliti", "triplicate", "formative", "formalize",
            "electriciti", "electrical", "hopeful", "goodness", "revival", "allowance", "inference", "airliner",
            "gyroscopic", "adjustable", "defensible", "irritant", "replacement", "adjustment", "dependent", "adoption",
            "homologou", "communism", "activate", "angulariti", "homologous", "effective", "bowdlerize", "probate",
            "rate", "cease", "controll", "roll", "generalizations", "oscillators", "ion", "aed", "eed", "oed", "is",
            "as", "us", "ss", "sss", "yes", "yyy", "a", "i", "ab", "abc", "sing", "bed", "ying", "ed", "ing",
            "the", "The", "THE", "And", "such", "there", "their", "into", "will", "with", "not", "no",
            "Glasgow's", "Glasgow’s", "Middlesbrough’s", "JAMES'S", "James'", "dogs'", "it's", "don't", "won’t",
            "o'clock", "O'Neill", "rock'n'roll", "ma＇s",
            "heroin-assisted", "cross-party", "state-of-the-art", "well-being", "e-mail", "co-operate",
            "1,366", "13,600", "27%", "£12,000", "$3.5m", "2017-18", "2019", "3.14", "1.5bn", "10am", "24/7", "1st",
            "21st-century", "v2", "COVID-19", "H.I.V.", "U.K.", "e.g.", "i.e.", "etc.", "Mr.", "St.Mungo's",
            "café", "naïve", "Café", "NAÏVE", "résumé", "façade", "coöperate", "Zürich", "São", "Ærø", "straße",
            "İstanbul", "ΟΔΟΣ", "Ελλάδα", "Москва", "jalapeño", "piñata", "élan",
            "running", "runs", "ran", "quickly", "slowly", "only", "early", "really", "family", "families",
            "studies", "studying", "studied", "policies", "policy", "agencies", "deaths", "died", "dying",
            "supervised", "supervision", "injecting", "injection", "consumption", "facility", "facilities",
            "prescribed", "prescription", "addicts", "addiction", "addicted", "treatment", "treatments",
            "diamorphine", "diamorphin", "Thewliss", "Thewlis", "Javid", "HAT", "DCR", "DCRs", "NHS",
            "foo_bar", "snake_case", "camelCase", "x", "y", "Y", "yy", "oy", "ay", "ey", "uy", "iy", "sky's",
            "\"quoted\"", "(parenthesis)", "[bracket]", "end.", "comma,", "semi;", "colon:", "dash—dash", "en–dash",
            "slash/separated", "hash#tag", "at@sign", "email@example.org", "http://example.org/path", "a.b.c",
            "ﬁnance", "Ǆ", "ǅungla", "ＡＢＣ", "日本語", "日本語カタカナ", "ひらがな", "한국어", "ไทยภาษา", "naïve—café", "x²", "½", "Ⅻ", "😀", "great👍🏽", "🇬🇧", "#1", "C++", "C#", "AT&T", "R&D", "3:30pm", "1.000.000", "50p", "-5", "+44", "1e10",
            "two", "Fifteen", "TWENTY", "ninety", "one", "hundred", "twenty-five", "fifteenth", "seventeen's");

    /**
     * Texts for the numbers and the vocabulary: the JS analysis must give Lucene's terms, positions and offsets
     * ({@code search-parity.json} "tokens").
     */
    static final List<String> VOCABULARY_TEXTS = List.of(
            "1100", "1,100", "1 100", "1\u00A0100", "1 000 000", "13 600 people", "1-100", "1, 100", "12 34", "1234 567",
            "£800,000", "800000", "800,000", "£800,000.50", "1,366.5", "27%", "27 %", "27 per cent", "per cent", "percent",
            "a 7% rise", "100%%", "£12k", "£800k a year", "£1.2m", "1.25m", "0.5bn", "£2bn", "12K", "007k", "1.0k", "12km", "k12", "more than 1,100 people died from drugs in Scotland in 2018",
            "Scotland drug deaths", "dying", "deaths", "die", "the dead",
            "drug consumption room", "drug consumption rooms", "Drug Consumption Rooms and fix rooms", "a fix room in Glasgow",
            "safe injecting facility", "supervised injection sites", "overdose prevention centre", "Overdose Prevention Centres",
            "safer drug consumption facility", "consumption room", "the DCR and SDCF", "DCRs",
            "heroin-assisted treatment", "heroin assisted treatment", "HAT", "diamorphine prescribing", "prescribed heroin",
            "what does heroin assisted treatment cost per person", "safe injecting facility in the east end",
            "fix", "room", "injecting facility", "drug consumption", "a needle and syringe programme in a town",
            "the fix room, the DCR and the HAT", "fifteen addicts on the pilot", "Fifteen people, 15 people, twenty-two",
            "two per cent of ninety", "one in ten");

    /** The vocabulary of the project's site-config (the real one, as the site is built with it). */
    static Vocabulary vocabulary() {
        return org.evidencearchive.config.VocabularyFile.load(root().resolve("site-config"));
    }

    private SearchFixture() {}

    /**
     * Writes what src/test/js reads: the fixture's index in SMALL options ({@code search-fixture}), an empty
     * index ({@code search-fixture-empty}), the pages of {@link #shouldMatch} ({@code search-should-match}) and what Lucene's EnglishAnalyzer makes of every word and paragraph
     * of the sources and of {@link #WORD_FORMS} ({@code search-parity.json}).
     */
    public static void writeNodeFixtures(Path target) throws IOException {
        SearchIndexer.build(documents(), SMALL, vocabulary()).writeTo(target.resolve("search-fixture"));
        SearchIndexer.build(List.of()).writeTo(target.resolve("search-fixture-empty"));
        SearchIndexer.build(shouldMatch()).writeTo(target.resolve("search-should-match"));
        Json.write(target.resolve("search-parity.json"), parity());
    }

    /**
     * {"words": {word: terms}, "texts": [{"text", "terms"}], "tokens": {text: [[term, position, start, end], ..]},
     * "vocabulary": the manifest's rules}: Lucene's analysis (with the project's vocabulary) for the parity test.
     */
    static Map<String, Object> parity() throws IOException {
        Vocabulary vocabulary = vocabulary();
        if (vocabulary.groups().isEmpty()) {
            throw new IllegalStateException("the parity file needs the project's vocabulary (site-config/vocabulary.txt)");
        }
        Analyzer analyzer = SearchAnalysis.newAnalyzer(vocabulary);
        Map<String, List<String>> words = new TreeMap<>();
        List<Map<String, Object>> texts = new ArrayList<>();
        for (Path txt : sourceTexts()) {
            String content = Files.readString(txt, StandardCharsets.UTF_8);
            for (String block : content.split("\\n\\s*\\n")) {
                if (!block.isBlank()) {
                    texts.add(Map.of("text", block, "terms", SearchAnalysis.terms(analyzer, block)));
                }
            }
            for (String chunk : content.split("\\s+")) {
                if (!chunk.isEmpty()) {
                    words.put(chunk, SearchAnalysis.terms(analyzer, chunk));
                }
            }
        }
        if (words.size() <= 1000) {
            throw new IllegalStateException("the parity file needs the sources' whole vocabulary; found " + words.size() + " words");
        }
        for (String w : WORD_FORMS) {
            words.put(w, SearchAnalysis.terms(analyzer, w));
        }
        Map<String, List<List<Object>>> tokens = new TreeMap<>();
        for (String t : VOCABULARY_TEXTS) {
            tokens.put(t, tokens(analyzer, t));
            words.put(t, SearchAnalysis.terms(analyzer, t));
        }
        return Map.of("words", words, "texts", texts, "tokens", tokens, "vocabulary", vocabulary.exported());
    }

    /** [[term, position, start, end], ..] as Lucene's analyzer gives them. */
    static List<List<Object>> tokens(Analyzer analyzer, String text) throws IOException {
        List<List<Object>> out = new ArrayList<>();
        try (org.apache.lucene.analysis.TokenStream ts = analyzer.tokenStream("body", text)) {
            var term = ts.addAttribute(org.apache.lucene.analysis.tokenattributes.CharTermAttribute.class);
            var inc = ts.addAttribute(org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute.class);
            var off = ts.addAttribute(org.apache.lucene.analysis.tokenattributes.OffsetAttribute.class);
            ts.reset();
            int pos = -1;
            while (ts.incrementToken()) {
                pos += inc.getPositionIncrement();
                out.add(List.of(term.toString(), pos, off.startOffset(), off.endOffset()));
            }
            ts.end();
        }
        return out;
    }

    public static Path root() {
        return Path.of(System.getProperty("archive.root", "."));
    }

    static List<Path> sourceTexts() throws IOException {
        try (Stream<Path> s = Files.list(root().resolve("content/sources"))) {
            return s.filter(p -> p.toString().endsWith(".txt")).sorted().toList();
        }
    }

    /**
     * Pages for the "minimum should match" rule of a reader's long query (relevance.test.mjs): 21 long sources (more
     * than the 20 candidates a submitted query re-ranks) with all of the words "alpha bravo charlie delta echo
     * foxtrot" strewn, one a paragraph among other words; a short claim with the first four of them and one with
     * the first three.
     */
    static List<SearchDocument> shouldMatch() {
        String filler = "kilo lima mike november oscar papa quebec romeo sierra tango uniform victor whiskey yankee zulu";
        List<SearchDocument.Passage> strewn = new ArrayList<>();
        for (String w : List.of("alpha", "bravo", "charlie", "delta", "echo", "foxtrot")) {
            strewn.add(new SearchDocument.Passage("p" + (strewn.size() + 1), filler + " " + w + " " + filler));
        }
        List<SearchDocument> docs = new ArrayList<>();
        for (int i = 1; i <= 21; i++) {
            docs.add(new SearchDocument("/sources/strewn-" + i + "/", "source", "Strewn " + i, List.of(), List.of(), strewn));
        }
        docs.add(new SearchDocument("/claims/four/", "claim", "Alpha bravo charlie delta", List.of(), List.of(),
                List.of(new SearchDocument.Passage("", "Alpha bravo charlie delta."))));
        docs.add(new SearchDocument("/claims/three/", "claim", "Alpha bravo charlie", List.of(), List.of(),
                List.of(new SearchDocument.Passage("", "Alpha bravo charlie."))));
        return docs;
    }

    static List<SearchDocument> documents() throws IOException {
        List<SearchDocument> docs = new ArrayList<>();
        for (Path txt : sourceTexts()) {
            String id = txt.getFileName().toString().replaceFirst("\\.txt$", "");
            String md = Files.readString(txt.resolveSibling(id + ".md"), StandardCharsets.UTF_8);
            String title = field(md, "title");
            List<String> topics = Arrays.stream(field(md, "topics").replaceAll("[\\[\\]]", "").split(","))
                    .map(String::trim).toList();
            String preamble = field(md, "preamble");
            int skip = preamble.isEmpty() ? 0 : Integer.parseInt(preamble);
            String[] blocks = Files.readString(txt, StandardCharsets.UTF_8).split("\\n\\s*\\n");
            List<SearchDocument.Passage> passages = new ArrayList<>();
            for (int i = skip; i < blocks.length; i++) {
                if (!blocks[i].isBlank()) {
                    passages.add(new SearchDocument.Passage("p" + (passages.size() + 1), blocks[i].strip()));
                }
            }
            docs.add(new SearchDocument("/sources/" + id + "/", "source", title, topics, List.of(), passages));
        }
        docs.add(new SearchDocument("/people/alison-thewliss/", "person", "Alison Thewliss",
                List.of("glasgow"), List.of("Alison Thewliss"),
                List.of(new SearchDocument.Passage("", "Member of Parliament for Glasgow Central."))));
        docs.add(new SearchDocument("/topics/heroin-assisted-treatment/", "topic", "Heroin-assisted treatment",
                List.of("heroin-assisted-treatment"), List.of(),
                List.of(new SearchDocument.Passage("", "Prescribing diamorphine under supervision to people for whom other treatments failed."))));
        docs.add(new SearchDocument("/claims/glasgow-deaths-rose/", "claim", "Drug deaths in Glasgow rose",
                List.of("glasgow", "drug-deaths"), List.of(),
                List.of(new SearchDocument.Passage("", "The sources report rising drug deaths in Glasgow."))));
        // a claim of the real archive, as SearchDocuments makes it (statement, body, quote)
        docs.add(new SearchDocument("/claims/scotland-drug-deaths-2018/", "claim",
                "National Records of Scotland figures show more than 1,100 people died from drugs in Scotland in 2018.",
                List.of("drug-deaths"), List.of("National Records of Scotland"),
                List.of(new SearchDocument.Passage("", "National Records of Scotland figures show more than 1,100 people died from drugs in Scotland in 2018."),
                        new SearchDocument.Passage("", "The source says \"more than 1100\": the figure is a lower bound."),
                        new SearchDocument.Passage("", "more than 1100 people died from drugs in Scotland in 2018"))));
        docs.add(new SearchDocument("/commentary/consumption-rooms-and-law/", "commentary",
                "Consumption rooms and the law", List.of("drug-consumption-rooms"), List.of("Sajid Javid"),
                List.of(new SearchDocument.Passage("p1", "The Home Secretary said the Misuse of Drugs Act gives no exemption."),
                        new SearchDocument.Passage("p2", "A safer drug consumption facility needs a change in the law."))));
        return docs;
    }

    private static String field(String md, String name) {
        Matcher m = Pattern.compile("(?m)^" + name + ":\\s*(.*)$").matcher(md);
        return m.find() ? m.group(1).trim() : "";
    }
}
