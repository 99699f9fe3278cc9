package org.evidencearchive.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.evidencearchive.testing.RealSite;
import org.evidencearchive.testing.TempArchive;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The real archive: it builds cleanly, and every seed text is archived verbatim on its page. */
class RealArchiveTest {
    static Path out;
    static Builder.Result result;

    @BeforeAll
    static void build() {
        result = RealSite.result();
        out = RealSite.out();
    }

    @Test
    void theRealArchiveBuildsWithoutErrors() {
        assertTrue(result.ok(), () -> String.join("\n", result.diagnostics().sorted().stream().map(d -> d.format()).toList()));
    }

    @Test
    void everySeedParagraphAppearsInOrderOnItsSourcePage() throws IOException {
        Path seeds = TempArchive.repo().resolve("../shared/seeds");
        List<Path> seedFiles;
        try (Stream<Path> s = Files.list(TempArchive.repo().resolve("content/sources"))) {
            seedFiles = s.filter(p -> p.toString().endsWith(".txt")).sorted().toList();
        }
        assertEquals(5, seedFiles.size());
        int matchedSeeds = 0;
        for (Path txt : seedFiles) {
            String id = txt.getFileName().toString().replace(".txt", "");
            String text = Files.readString(txt);
            // The archived file is byte-identical to one of the seeds, when the seeds are beside the checkout.
            if (Files.isDirectory(seeds)) {
                try (Stream<Path> s = Files.list(seeds)) {
                    byte[] bytes = Files.readAllBytes(txt);
                    boolean same = s.anyMatch(p -> {
                        try {
                            return java.util.Arrays.equals(Files.readAllBytes(p), bytes);
                        } catch (IOException e) {
                            return false;
                        }
                    });
                    assertTrue(same, txt + " is not byte-identical to any seed");
                    matchedSeeds++;
                }
            }
            Document page = Jsoup.parse(out.resolve("sources/" + id + "/index.html").toFile());
            String pageText = page.select(".preamble, .archived-text .para > p:not(.cited-by)").eachText().stream()
                    .reduce("", (x, y) -> x + "\n" + y).replaceAll("[\\s\\u00A0]+", " ");
            int at = 0;
            for (String block : text.split("\\n\\s*\\n")) {
                if (block.isBlank()) continue;
                String norm = block.replaceAll("[\\s\\u00A0]+", " ").strip();
                int found = pageText.indexOf(norm, at);
                assertTrue(found >= 0, id + ": paragraph missing or out of order: " + norm);
                at = found + norm.length();
            }
            assertEquals(text.equals(Files.readString(out.resolve("sources/" + id + "/text.txt"))), true,
                    "the published plain text is the archived text");
        }
        if (Files.isDirectory(seeds)) assertEquals(5, matchedSeeds);
    }
}
