package org.evidencearchive.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.evidencearchive.check.Diagnostic;
import org.evidencearchive.check.Diagnostics;
import org.evidencearchive.search.Vocabulary;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VocabularyFileTest {
    @TempDir
    Path dir;

    private Vocabulary read(String text, Diagnostics d) throws IOException {
        Path f = dir.resolve("vocabulary.txt");
        Files.writeString(f, text);
        return VocabularyFile.read(f, "site-config/vocabulary.txt", d);
    }

    @Test
    void groupsWithTheirLabel() throws IOException {
        Diagnostics d = new Diagnostics();
        Vocabulary v = read("# comment\n\nfix room, drug consumption room  # trailing comment\nHAT, heroin-assisted treatment\n", d);
        assertEquals(List.of(), d.sorted());
        assertEquals(2, v.groups().size());
        assertEquals("=fix-room", v.groups().get(0).term());
        assertEquals("=fix-room", v.rules().get("drug consumpt room"));
        assertEquals("=hat", v.rules().get("heroin assist treatment"));
    }

    @Test
    void everyProblemAtItsLine() throws IOException {
        Diagnostics d = new Diagnostics();
        Vocabulary v = read("fix room, DCR\nalone\ndeath, deaths\nthe, of\nsafe room, , x\nDCRs, needle exchange\n", d);
        List<String> got = d.sorted().stream().map(x -> x.file() + ":" + x.line() + ": " + x.message()).toList();
        assertEquals(List.of(
                "site-config/vocabulary.txt:2: a group needs at least two names",
                "site-config/vocabulary.txt:3: 'deaths' is the same name as 'death' in this group",
                "site-config/vocabulary.txt:4: 'of' has no searchable word",
                "site-config/vocabulary.txt:4: 'the' has no searchable word",
                "site-config/vocabulary.txt:5: empty name in the group",
                "site-config/vocabulary.txt:6: 'DCRs' is the same name as 'DCR' of the group at line 1"), got);
        assertTrue(d.sorted().stream().allMatch(x -> x.severity() == Diagnostic.Severity.ERROR));
        assertEquals(1, v.groups().size(), "only the valid group is kept");
    }

    @Test
    void theProjectVocabularyIsValid() {
        Diagnostics d = new Diagnostics();
        Vocabulary v = VocabularyFile.read(Path.of("site-config", VocabularyFile.NAME), VocabularyFile.NAME, d);
        assertEquals(List.of(), d.sorted());
        assertTrue(v.groups().size() >= 4);
    }
}
