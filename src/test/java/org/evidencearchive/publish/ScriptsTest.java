package org.evidencearchive.publish;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

class ScriptsTest {
    private static String compact(String js) {
        return new String(Scripts.compact(js.getBytes(StandardCharsets.UTF_8)), StandardCharsets.UTF_8);
    }

    @Test
    void dropsWholeLineCommentsAndIndentation() {
        assertEquals("const a = 1;\nif (a) {\nf(a); // kept: it follows code\n}\n",
                compact("// a comment\n/**\n * Docs.\n */\nconst a = 1;\n\nif (a) {\n    f(a); // kept: it follows code\n}\n"));
        assertEquals("g();\n", compact("/* one */\n/* two\n   lines */ g();\n"));
    }

    @Test
    void leavesMultiLineTemplateLiteralsAlone() {
        String js = "const t = `first\n    // not a comment\n  * nor this\n`;\n    x();\n";
        assertEquals("const t = `first\n    // not a comment\n  * nor this\n`;\nx();\n", compact(js));
        assertEquals("const u = `a\\` still open\n  b`;\n", compact("const u = `a\\` still open\n  b`;\n"));
    }

    @Test
    void theSearchClientShrinksAndKeepsEveryStatement() throws IOException {
        long before = 0;
        long after = 0;
        try (Stream<Path> s = Files.walk(Path.of(System.getProperty("archive.root", "."), "assets", "js"))) {
            for (Path p : s.filter(f -> f.toString().endsWith(".js")).toList()) {
                byte[] js = Files.readAllBytes(p);
                byte[] small = Scripts.compact(js);
                before += js.length;
                after += small.length;
                String code = new String(small, StandardCharsets.UTF_8);
                for (String line : new String(js, StandardCharsets.UTF_8).split("\n")) {
                    String t = line.strip();
                    boolean comment = t.isEmpty() || t.startsWith("//") || t.startsWith("/*") || t.startsWith("*");
                    if (!comment) assertTrue(code.contains(t), p + ": lost " + t);
                }
            }
        }
        assertTrue(after < before * 0.8, before + " -> " + after + " bytes");
    }
}
