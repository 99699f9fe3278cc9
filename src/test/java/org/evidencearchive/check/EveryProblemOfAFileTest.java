package org.evidencearchive.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;

import org.evidencearchive.pipeline.Builder;
import org.evidencearchive.pipeline.Project;
import org.evidencearchive.testing.TempArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A file that makes no item (its front matter has a YAML error or a bad required field) still has its quotes
 * checked: every problem of the file is reported in one run, by check and build alike.
 */
class EveryProblemOfAFileTest {
    @TempDir
    Path dir;

    /** Each diagnostic as file:line:column: message, the file name only. */
    private static List<String> located(List<Diagnostic> ds) {
        return ds.stream().map(d -> Path.of(d.file()).getFileName() + ":" + d.line() + ":" + d.column() + ": " + d.message()).toList();
    }

    private static List<String> checkAndBuild(TempArchive a) {
        Builder b = new Builder(Project.at(a.root()));
        List<String> checked = located(b.check().diagnostics().sorted());
        assertEquals(checked, located(b.build().diagnostics().sorted()), "build reports what check reports");
        return checked;
    }

    @Test
    void aYamlErrorDoesNotHideABadQuoteInTheBody() throws Exception {
        TempArchive a = TempArchive.fromFixture(dir, "mini");
        a.write("topics/policy.md", "---\nid: policy\ntitle: [unclosed\nsummary: s\n---\nIntro.\n\n"
                + "As reported [@alpha \"a figure of 171 deaths\"], and [@alhpa \"170 deaths\"] and [@alpha 170].\n");
        List<String> ds = checkAndBuild(a);
        assertEquals(4, ds.size(), String.join("\n", ds));
        assertTrue(ds.get(0).startsWith("policy.md:4:8: malformed YAML front matter"), ds.get(0));
        assertEquals("policy.md:8:13: quote not found in source 'alpha': \"a figure of 171 deaths\"", ds.get(1));
        assertEquals("policy.md:8:52: unknown source 'alhpa'", ds.get(2));
        assertTrue(ds.get(3).startsWith("policy.md:8:78: malformed citation: [@alpha 170]"), ds.get(3));
    }

    @Test
    void aBadFieldDoesNotHideTheFilesOtherProblems() throws Exception {
        TempArchive a = TempArchive.fromFixture(dir, "mini");
        a.write("claims/alpha-doe.md", "---\nid: alpha-doe\nstatement: s\nkind: positon\ntopics: [deaths]\ncitations:\n"
                + "  - source: alpha\n    quote: Jane Do said\n---\nAs [@alpha \"Jane Doe, who said\"] and [@alpha \"John Doe\"].\n");
        List<String> ds = checkAndBuild(a);
        // read on as the closest kind, a position, which needs a 'by'
        assertEquals(List.of("alpha-doe.md:2:0: position 'alpha-doe' has no 'by'", "alpha-doe.md:4:7: unknown claim kind 'positon'",
                "alpha-doe.md:8:12: quote not found in source 'alpha': \"Jane Do said\"",
                "alpha-doe.md:10:38: quote not found in source 'alpha': \"John Doe\""), ds);
    }

    @Test
    void aMisspeltKindIsReadOnAsTheClosestSoThatTheChecksOfThatKindStillRun() throws Exception {
        TempArchive a = TempArchive.fromFixture(dir, "mini");
        a.write("claims/alpha-deaths.md", java.nio.file.Files.readString(a.content().resolve("claims/alpha-deaths.md"))
                .replace("kind: statistic", "kind: statistc").replace("  value: 170", "  value: 171"));
        a.write("people/jane-doe.md", java.nio.file.Files.readString(a.content().resolve("people/jane-doe.md"))
                .replace("kind: person", "kind: persn"));
        List<String> ds = checkAndBuild(a);
        assertTrue(ds.contains("alpha-deaths.md:4:7: unknown claim kind 'statistc'"), String.join("\n", ds));
        assertTrue(ds.stream().anyMatch(d -> d.startsWith("alpha-deaths.md:8:") && d.contains("figure value 171 does not occur")),
                String.join("\n", ds));
        assertTrue(ds.stream().anyMatch(d -> d.startsWith("jane-doe.md:") && d.contains("kind must be 'person' or 'organisation', not 'persn'")),
                String.join("\n", ds));
    }

    @Test
    void aBrokenLinksHintNamesWhatIsThere() throws Exception {
        TempArchive a = TempArchive.fromFixture(dir, "mini");
        a.write("topics/policy.md", "---\nid: policy\ntitle: Policy\nsummary: s\n---\nSee [a](/sources/alpha/#p9) and [b](/topics/polcy/).\n");
        List<Diagnostic> ds = new Builder(Project.at(a.root())).check().diagnostics().sorted();
        assertEquals(2, ds.size(), ds::toString);
        assertEquals("its paragraphs are #p1 to #p3", ds.get(0).hint());
        assertEquals("did you mean '/topics/policy/'?", ds.get(1).hint());
        // an alias without its leading slash: the path to write
        a.write("topics/policy.md", "---\nid: policy\ntitle: Policy\nsummary: s\naliases: [topics/old-policy]\n---\nText.\n");
        ds = new Builder(Project.at(a.root())).check().diagnostics().sorted();
        assertEquals(1, ds.size(), ds::toString);
        assertTrue(ds.get(0).hint().startsWith("start it with '/': /topics/old-policy/;"), ds.get(0).hint());
    }

    @Test
    void aFileThatMadeNoItemAndCitesABrokenSourceIsNotReportedTwice() throws Exception {
        TempArchive a = TempArchive.fromFixture(dir, "mini");
        a.write("sources/alpha.md", "---\nid: alpha\ntitle: [unclosed\n---\n");
        a.write("topics/policy.md", "---\nid: policy\ntitle: Topic title\nsummary: s\n---\nAs [@alpha \"anything\"].\n");
        List<String> ds = checkAndBuild(a);
        assertTrue(ds.stream().noneMatch(d -> d.startsWith("policy.md") && d.contains("alpha")), String.join("\n", ds));
        assertTrue(ds.contains("policy.md:3:8: field 'title' still holds the placeholder 'Topic title'"), String.join("\n", ds));
    }
}
