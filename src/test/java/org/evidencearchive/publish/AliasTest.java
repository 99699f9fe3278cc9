package org.evidencearchive.publish;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import org.evidencearchive.pipeline.Builder;
import org.evidencearchive.pipeline.Project;
import org.evidencearchive.check.Diagnostic;
import org.evidencearchive.testing.TempArchive;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** An alias never replaces a file the site has or a path hosts read; check and build say so at the alias's line. */
class AliasTest {
    @TempDir
    Path dir;

    @ParameterizedTest(name = "alias {0}")
    @ValueSource(strings = {"/_headers", "/_headers/", "/robots.txt", "/_redirects", "/search/manifest.json", "/search/old/",
            "/data/archive.json", "/css/site.css", "/js/search.js", "/sources/alpha/text.txt", "/sources/alpha/cite.bib",
            "/sources/alpha/", "/feed.xml", "/topics/deaths/index.html/x/"})
    void anAliasOverAFileOfTheSiteIsAnErrorAtItsLineInCheckAndBuild(String alias) throws IOException {
        TempArchive a = TempArchive.fromFixture(dir, "mini");
        Builder builder = new Builder(Project.at(a.root()));
        assertTrue(builder.build().ok());
        Path site = a.root().resolve("target/site");
        Map<String, byte[]> before = TempArchive.files(site);
        a.write("topics/policy.md", "---\nid: policy\ntitle: Policy\nsummary: Positions on policy.\naliases:\n"
                + "  - /topics/old-policy/\n  - " + alias + "\n---\n");
        for (Builder.Result r : List.of(builder.check(), builder.build())) {
            List<Diagnostic> ds = r.diagnostics().sorted();
            assertEquals(1, ds.size(), ds::toString);
            Diagnostic d = ds.get(0);
            assertTrue(d.file().replace('\\', '/').endsWith("content/topics/policy.md"), d.format());
            assertEquals(7, d.line(), d.format());
            assertTrue(d.message().startsWith("alias " + alias + " would overwrite "), d.message());
        }
        Map<String, byte[]> after = TempArchive.files(site);
        assertEquals(before.keySet(), after.keySet());
        for (String k : before.keySet()) assertArrayEquals(before.get(k), after.get(k), k);
    }
}
