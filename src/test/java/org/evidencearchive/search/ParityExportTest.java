package org.evidencearchive.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.lucene.analysis.Analyzer;
import org.junit.jupiter.api.Test;

/** Writes target/search-parity.json: what Lucene's EnglishAnalyzer makes of every word, for the JS test. */
class ParityExportTest {

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
      "ﬁnance", "Ǆ", "ǅungla", "ＡＢＣ", "日本語", "日本語カタカナ", "ひらがな", "한국어", "ไทยภาษา", "naïve—café", "x²", "½", "Ⅻ", "😀", "great👍🏽", "🇬🇧", "#1", "C++", "C#", "AT&T", "R&D", "3:30pm", "1.000.000", "50p", "-5", "+44", "1e10");

  @Test
  void writesParityFile() throws IOException {
    Analyzer analyzer = SearchAnalysis.newAnalyzer();
    Map<String, List<String>> words = new TreeMap<>();
    List<Map<String, Object>> texts = new ArrayList<>();
    for (Path txt : SearchFixture.sourceTexts()) {
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
    int corpusWords = words.size();
    for (String w : WORD_FORMS) {
      words.put(w, SearchAnalysis.terms(analyzer, w));
    }
    assertEquals(List.of("sai"), words.get("say"));
    assertEquals(List.of("glasgow"), words.get("Glasgow’s"));
    assertEquals(List.of("1,366"), words.get("1,366"));
    assertEquals(List.of("2017", "18"), words.get("2017-18"));
    assertTrue(corpusWords > 1000, "whole source vocabulary: " + corpusWords);
    Path out = SearchFixture.root().resolve("target/search-parity.json");
    Json.write(out, Map.of("words", words, "texts", texts));
  }
}
