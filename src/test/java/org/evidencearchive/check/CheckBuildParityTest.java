package org.evidencearchive.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.evidencearchive.pipeline.Builder;
import org.evidencearchive.pipeline.Project;
import org.evidencearchive.testing.TempArchive;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Check = build: for every bad input of the catalogue ({@link BadInputCatalogueTest}'s and the cases below),
 * {@code check} reports exactly what {@code build} reports (file, line, column, message), so that nothing
 * {@code check} passes is rejected by {@code build}. The cases below are what {@code check} used to pass.
 */
class CheckBuildParityTest {
    @TempDir
    Path dir;

    /**
     * A bad input: files written over the good fixture (paths relative to the project), and the one error
     * expected, at {@code file:line:column} (column 0: not asserted).
     */
    record Case(String name, Map<String, byte[]> files, BadInputCatalogueTest.Setup setup, String file, int line, int column,
                String message) {
        Case(String name, Map<String, byte[]> files, String file, int line, int column, String message) {
            this(name, files, root -> { }, file, line, column, message);
        }

        @Override
        public String toString() {
            return name;
        }
    }

    private static final String TOPIC = "---\nid: policy\ntitle: T\nsummary: s\n---\n";

    /** A case whose body (from line 6) goes into the fixture's topic "policy". */
    private static Case body(String name, String body, int line, int column, String message) {
        return new Case(name, Map.of("content/topics/policy.md", (TOPIC + body).getBytes(StandardCharsets.UTF_8)),
                "content/topics/policy.md", line, column, message);
    }

    static Stream<Case> added() {
        String longId = "a".repeat(300);
        return Stream.of(
                body("reference link with a javascript: URL", "See [it][x].\n\n[x]: javascript:alert(1)\n", 8, 6,
                        "link scheme not allowed: javascript:alert(1)"),
                body("reference link with a data: URL", "See [it][x].\n\n[x]: data:text/html,hi\n", 8, 6,
                        "link scheme not allowed: data:text/html,hi"),
                body("autolink with a data: URL", "See <data:text/html,hi>.\n", 6, 6,
                        "link scheme not allowed: data:text/html,hi"),
                body("entity-encoded javascript: scheme", "See [it](javascript&#58;alert(1)).\n", 6, 10,
                        "link scheme not allowed: javascript:alert(1)"),
                body("entity-encoded data: scheme in an image", "Look ![it](&#100;ata:image/png,x).\n", 6, 12,
                        "link scheme not allowed: data:image/png,x"),
                body("another scheme", "Call [us](tel:+441234).\n", 6, 11, "link scheme not allowed: tel:+441234"),
                body("reference link to a missing page", "See [it][x].\n\n[x]: /claims/nothing/\n", 8, 6,
                        "link to a page that does not exist: /claims/nothing/"),
                body("relative link to a missing page", "See [it](../nothing/).\n", 6, 10,
                        "link to a page that does not exist: ../nothing/"),
                body("fragment that is no anchor of the page", "\nSee [it](#p3).\n", 7, 10,
                        "link to an anchor that does not exist: #p3"),
                body("image from another host", "A chart: ![chart](https://example.org/c.png)\n", 6, 19,
                        "image from another host: https://example.org/c.png"),
                body("image from another host by reference", "A chart: ![chart][c]\n\n[c]: //example.org/c.png\n", 8, 6,
                        "image from another host: //example.org/c.png"),
                body("link after a citation on its line", "As reported [@alpha \"170 deaths\"], see [it](/claims/nothing/).\n", 6, 45,
                        "link to a page that does not exist: /claims/nothing/"),
                new Case("id too long for a file name", Map.of("content/topics/extra.md",
                        ("---\nid: " + longId + "\ntitle: T\nsummary: s\n---\n").getBytes(StandardCharsets.UTF_8)),
                        "content/topics/extra.md", 2, 5, "id is too long"),
                new Case("alias too long for a file name", Map.of("content/topics/policy.md",
                        ("---\nid: policy\ntitle: T\nsummary: s\naliases: [/old/" + "b".repeat(300) + "/]\n---\n")
                                .getBytes(StandardCharsets.UTF_8)),
                        "content/topics/policy.md", 5, 11, "alias is too long"),
                body("inline citation of an unknown source, mid-line", "As reported [@alhpa \"170 deaths\"].\n", 6, 13,
                        "unknown source 'alhpa'"),
                body("malformed inline citation, mid-line", "Intro.\n\nAs reported [@alpha 170 deaths].\n", 8, 13,
                        "malformed citation"),
                body("inline citation after a wide character", "Caf\u00e9 \uD83D\uDE00 [@alpha \"171 deaths\"].\n", 6, 8,
                        "quote not found in source 'alpha'"),
                new Case("unknown topic on a '- ' line", Map.of("content/topics/policy.md",
                        "---\nid: policy\ntitle: T\nsummary: s\nrelated:\n  - deaths\n  - polcy\n---\n".getBytes(StandardCharsets.UTF_8)),
                        "content/topics/policy.md", 7, 5, "unknown topic 'polcy'"),
                new Case("template error", Map.of("templates/topic.ftl", "<#ftl output_format=\"HTML\">\n<p>${topic.nosuch}</p>\n"
                        .getBytes(StandardCharsets.UTF_8)), "templates/topic.ftl", 2, 0, "template error:"),
                new Case("broken link made by a template", Map.of("templates/timeline.ftl", "<#ftl output_format=\"HTML\">\n<p>\n<a href=\"/nowhere/\">x</a>\n"
                        .getBytes(StandardCharsets.UTF_8)), "target/site/timeline/index.html", 2, 0, "broken link: /nowhere/ (no such page)"),
                new Case("template syntax error", Map.of("templates/person.ftl", "<#ftl output_format=\"HTML\">\n<p>\n<#if>\n"
                        .getBytes(StandardCharsets.UTF_8)), "templates/person.ftl", 3, 0, "template error:"));
    }

    /** The catalogue of {@link BadInputCatalogueTest}, then the cases above. */
    static Stream<Case> catalogue() {
        return Stream.concat(BadInputCatalogueTest.catalogue().map(c -> {
            Map<String, byte[]> files = new LinkedHashMap<>();
            c.files().forEach((k, v) -> files.put("content/" + k, v));
            return new Case(c.name(), files, c.setup(), "content/" + c.file(), c.line(), Math.max(0, c.column()), c.message());
        }), added());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("catalogue")
    void checkReportsWhatBuildReports(Case c) throws IOException {
        TempArchive a = TempArchive.fromFixture(dir, "mini");
        for (var f : c.files().entrySet()) {
            Path p = a.root().resolve(f.getKey());
            Files.createDirectories(p.getParent());
            Files.write(p, f.getValue());
        }
        c.setup().apply(a.root());
        Builder builder = new Builder(Project.at(a.root()));
        List<Diagnostic> checked = builder.check().diagnostics().sorted();
        List<Diagnostic> built = builder.build().diagnostics().sorted();

        assertEquals(1, checked.size(), () -> "check: expected one diagnostic, got:\n" + formatted(checked));
        Diagnostic d = checked.get(0);
        assertEquals(Diagnostic.Severity.ERROR, d.severity());
        assertTrue(d.file().replace('\\', '/').endsWith(c.file()), d::format);
        assertEquals(c.line(), d.line(), d::format);
        if (c.column() > 0) assertEquals(c.column(), d.column(), d::format);
        assertTrue(d.message().startsWith(c.message()), d::format);
        assertFalse(d.format().contains("Exception"), d::format);

        assertEquals(located(checked), located(built), () -> "check:\n" + formatted(checked) + "\nbuild:\n" + formatted(built));
        assertFalse(Files.exists(a.root().resolve("target/site")), "a failed first build publishes nothing");
    }

    private static List<String> located(List<Diagnostic> ds) {
        return ds.stream().map(d -> d.file() + ":" + d.line() + ":" + d.column() + ": " + d.message()).toList();
    }

    private static String formatted(List<Diagnostic> ds) {
        return String.join("\n", ds.stream().map(Diagnostic::format).toList());
    }
}
