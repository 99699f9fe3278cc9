package org.evidencearchive.evidence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.evidencearchive.check.Diagnostic;
import org.evidencearchive.pipeline.Builder;
import org.evidencearchive.pipeline.Project;
import org.evidencearchive.testing.TempArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A span of years in the site's title or description agrees with the sources' dates (issue 16, item 6). */
class CollectionDatesCheckTest {
    @TempDir
    Path dir;

    private static void describe(TempArchive a, String description) throws IOException {
        Path settings = a.root().resolve("site-config/site.yaml");
        List<String> lines = Files.readAllLines(settings).stream()
                .map(l -> l.startsWith("description:") ? "description: " + description : l).toList();
        Files.write(settings, lines);
    }

    @Test
    void aSpanOfYearsTheSourcesDoNotSurelyFallInIsAnErrorAtItsColumn() throws IOException {
        TempArchive a = TempArchive.fromFixture(dir, "mini");
        a.write("sources/alpha.md", Files.readString(a.content().resolve("sources/alpha.md"))
                .replace("topics: [deaths]", "topics: [deaths]\npublished: \"2019-03-01\""));
        describe(a, "News reports from 2018–2019 on drug deaths.");
        assertEquals(List.of(), new Builder(Project.at(a.root())).check().diagnostics().sorted(), "2019 is within 2018–2019");

        describe(a, "News reports from 2017 to 2018 on drug deaths.");
        for (Builder.Result r : List.of(new Builder(Project.at(a.root())).check(), new Builder(Project.at(a.root())).build())) {
            List<Diagnostic> ds = r.diagnostics().sorted();
            assertEquals(1, ds.size(), ds::toString);
            Diagnostic d = ds.get(0);
            assertTrue(d.file().replace('\\', '/').endsWith("site-config/site.yaml"), d.format());
            assertEquals(3, d.line(), d.format());
            assertEquals("description: News reports from ".length() + 1, d.column(), d.format());
            assertTrue(d.message().startsWith("the site says 2017 to 2018, but source 'alpha' is dated"), d.message());
        }
    }

    @Test
    void anUndatedSourceSupportsNoSpanAndTheRealArchiveStatesNone() throws IOException {
        TempArchive a = TempArchive.fromFixture(dir, "mini");
        describe(a, "Reports from 2018-2019.");
        List<Diagnostic> ds = new Builder(Project.at(a.root())).check().diagnostics().sorted();
        assertEquals(1, ds.size(), ds::toString);
        assertTrue(ds.get(0).message().contains("source 'alpha' is undated"), ds.get(0).message());

        TempArchive real = TempArchive.fromRealContent(dir.resolve("real"));
        List<Diagnostic> found = new Builder(Project.at(real.root())).check().diagnostics().sorted();
        assertFalse(found.stream().anyMatch(x -> x.message().startsWith("the site says")),
                () -> "the real archive's settings state no span its sources do not support: " + found);
    }
}
