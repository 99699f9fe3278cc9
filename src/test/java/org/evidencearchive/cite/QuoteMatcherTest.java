package org.evidencearchive.cite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import org.evidencearchive.check.Diagnostic;
import org.evidencearchive.check.Diagnostics;
import org.evidencearchive.content.ArchivedText;
import org.evidencearchive.content.Body;
import org.evidencearchive.content.CitationRef;
import org.evidencearchive.content.Origin;
import org.evidencearchive.content.Source;
import org.junit.jupiter.api.Test;

class QuoteMatcherTest {
    private static final String TEXT = "He said the plan was “bold and radical” – and urgent.\n\n"
            + "Deaths rose to 170 in the city.\n\nThe city had 170 deaths, officials said.\n";
    private static final Source SOURCE = new Source("s", new Origin("s.md", 2), "S", null, List.of(), null, null, null,
            null, Path.of("s.txt"), "", List.of(), null, new Body("", new Origin("s.md", 8)), ArchivedText.split(TEXT, 0),
            List.of(), List.of());

    private static Optional<ResolvedCitation> resolve(String quote, String pin, Diagnostics d) {
        return QuoteMatcher.resolve(new CitationRef("s", pin, quote, new Origin("c.md", 7)), SOURCE, d);
    }

    @Test
    void normalisesWhitespaceQuotesAndDashesButNothingElse() {
        Diagnostics d = new Diagnostics();
        ResolvedCitation rc = resolve("the plan was  \"bold and\nradical\" - and urgent", null, d).orElseThrow();
        assertEquals(List.of(), d.sorted());
        assertEquals("p1", rc.anchor());
        assertEquals("the plan was “bold and radical” – and urgent", rc.exact());
        assertEquals(TEXT.indexOf("the plan"), rc.start());
        assertEquals(TEXT.indexOf(" urgent") + " urgent".length(), rc.end());
        assertEquals("He said ", rc.prefix());
        assertEquals(".", rc.suffix());
        assertTrue(resolve("The plan was", null, new Diagnostics()).isEmpty(), "case is not forgiven");
    }

    @Test
    void notFoundNamesTheClosestPassage() {
        Diagnostics d = new Diagnostics();
        assertTrue(resolve("Deaths rose to 171 in the city", null, d).isEmpty());
        Diagnostic e = d.sorted().get(0);
        assertEquals("c.md", e.file());
        assertEquals(7, e.line());
        assertTrue(e.message().startsWith("quote not found in source 's'"), e.message());
        assertEquals("closest passage (p2): \"Deaths rose to 170 in the city.\"", e.hint());
    }

    @Test
    void pinnedToTheWrongParagraphNamesTheOneThatHasIt() {
        Diagnostics d = new Diagnostics();
        assertTrue(resolve("Deaths rose to 170", "p3", d).isEmpty());
        Diagnostic e = d.sorted().get(0);
        assertTrue(e.message().startsWith("quote not found in s#p3"), e.message());
        assertEquals("the quote is in p2: pin it there (paragraph: p2, or [@s#p2 \"…\"])", e.hint());
    }

    @Test
    void ambiguousWithoutPinAndResolvedWithPin() {
        Diagnostics d = new Diagnostics();
        assertTrue(resolve("170", null, d).isEmpty());
        assertEquals(1, d.sorted().size());
        assertTrue(d.sorted().get(0).message().contains("occurs 2 times"), d.sorted().get(0).message());
        assertTrue(d.sorted().get(0).hint().contains("#p2"), d.sorted().get(0).hint());
        Diagnostics ok = new Diagnostics();
        assertEquals("p3", resolve("170", "p3", ok).orElseThrow().anchor());
        assertEquals(List.of(), ok.sorted());
    }

    @Test
    void pinToAMissingParagraph() {
        Diagnostics d = new Diagnostics();
        assertTrue(resolve("170", "p9", d).isEmpty());
        assertEquals("source 's' has no paragraph p9", d.sorted().get(0).message());
    }

    @Test
    void inlineSyntaxIsExtractedWithLines() {
        Body body = new Body("Intro.\n\nA claim [@s#p2 \"Deaths rose\"] and [@s \"said \\\"x\\\"\"].\n[@broken", new Origin("c.md", 6));
        InlineCitations.Extracted x = InlineCitations.extract(body);
        assertEquals(2, x.citations().size());
        assertEquals("p2", x.citations().get(0).paragraph());
        assertEquals(8, x.citations().get(0).origin().line());
        assertEquals("said \"x\"", x.citations().get(1).quote());
        assertEquals(1, x.malformed().size());
        assertEquals(9, x.malformed().get(0).origin().line());
    }
}
