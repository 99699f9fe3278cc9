package org.evidencearchive.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

class ProgressTest {
    @Test
    void lineNamesTheStageItsCountAndTheTimeSoFar() {
        assertEquals("archive: rendering pages 1,234 of 5,307 · 4.2 s", Progress.line("rendering pages", 1234, 5307, 4200));
        assertEquals("archive: indexing for search · 0.0 s", Progress.line("indexing for search", 0, 0, 3));
        assertEquals("archive: rendering pages 10 of 10 · 1.0 s", Progress.line("rendering pages", 12, 10, 1000),
                "never more done than the total");
    }

    @Test
    void drawsInPlaceAndErasesItselfWhenClosed() throws InterruptedException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        Progress p = Progress.on(new PrintStream(bytes, true, StandardCharsets.UTF_8), 0);
        p.stage("rendering pages", 3);
        p.step();
        p.step();
        String out = "";
        for (int i = 0; i < 100 && !out.contains("2 of 3"); i++) {
            Thread.sleep(20);
            out = bytes.toString(StandardCharsets.UTF_8);
        }
        p.close();
        out = bytes.toString(StandardCharsets.UTF_8);
        assertTrue(out.startsWith("\rarchive: "), out);
        assertTrue(out.contains("\rarchive: rendering pages 2 of 3 · "), out);
        assertTrue(out.endsWith("\r\u001B[K"), "the line is erased at the end: " + out);
        assertTrue(!out.contains("\n"), "never a new line: " + out);
        int length = out.length();
        p.stage("more", 0);
        p.close();
        assertEquals(length, bytes.toString(StandardCharsets.UTF_8).length(), "nothing drawn after close");
    }

    @Test
    void noneAndQuietDrawNothing() {
        System.setProperty(Progress.TTY_PROPERTY, "true");
        try {
            assertTrue(Progress.forTerminal(System.err, true) == Progress.NONE, "--quiet");
        } finally {
            System.clearProperty(Progress.TTY_PROPERTY);
        }
        assertTrue(Progress.forTerminal(System.err, false) == Progress.NONE, "standard error not a terminal");
    }
}
