package org.evidencearchive.gates;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.evidencearchive.build.Builder;
import org.evidencearchive.build.Project;
import org.evidencearchive.content.ContentParser;
import org.evidencearchive.publish.SiteWriter;
import org.evidencearchive.testing.TempArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Builds the sites the browser tests (src/test/js/browser, run by node after JUnit) open: the real archive in
 * target/gates-site and a site full of script-injection payloads in target/gates-xss-site.
 */
class BrowserFixtureTest {
    @TempDir
    Path dir;

    @Test
    void buildTheRealArchiveForTheBrowserTests() throws IOException {
        Path out = TempArchive.repo().resolve("target/gates-site");
        SiteWriter.delete(out);
        assertTrue(new Builder(Project.at(TempArchive.repo()).withOut(out)).build().ok());
        assertTrue(Files.isRegularFile(out.resolve("search/manifest.json")));
    }

    @Test
    void buildASiteOfInjectionPayloadsForTheBrowserTests() throws IOException {
        TempArchive a = TempArchive.fromFixture(dir, "mini");
        String text = "Payload <img src=x onerror=\"window.__xss=1\"> and <script>window.__xss=2</script> in the text.\n\n"
                + "Second paragraph <svg onload=\"window.__xss=3\"></svg> here.\n";
        a.write("sources/evil.txt", text);
        a.write("sources/evil.md", "---\nid: evil\ntitle: '<script>window.__xss=4</script>Evil title'\ntext: evil.txt\nsha256: "
                + ContentParser.sha256(text.getBytes(StandardCharsets.UTF_8)) + "\ntopics: [deaths]\n---\n");
        a.write("topics/policy.md", "---\nid: policy\ntitle: '\"><img src=x onerror=\"window.__xss=5\">Policy'\nsummary: s\n---\n"
                + "Quoted [@evil \"<script>window.__xss=2</script>\"].\n");
        Path out = TempArchive.repo().resolve("target/gates-xss-site");
        SiteWriter.delete(out);
        assertTrue(new Builder(Project.at(a.root()).withOut(out)).build().ok());
    }
}
