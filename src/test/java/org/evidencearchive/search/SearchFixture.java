package org.evidencearchive.search;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/** The fixture: the archive's real sources (paragraphs p1..pn) plus a few hand-written pages. */
final class SearchFixture {

  private SearchFixture() {}

  static Path root() {
    return Path.of(System.getProperty("archive.root", "."));
  }

  static List<Path> sourceTexts() throws IOException {
    try (Stream<Path> s = Files.list(root().resolve("content/sources"))) {
      return s.filter(p -> p.toString().endsWith(".txt")).sorted().toList();
    }
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
