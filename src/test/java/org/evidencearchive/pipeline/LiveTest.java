package org.evidencearchive.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import org.evidencearchive.testing.TempArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A live build (archive serve) after each kind of edit publishes exactly what a full build of the same files
 * publishes, while rendering only some of the pages.
 */
class LiveTest {
    @TempDir
    Path dir;

    @Test
    void eachEditPublishesWhatAFullBuildWouldAndRendersOnlyWhatItAffects() throws IOException {
        TempArchive a = TempArchive.synthetic(dir.resolve("archive"), 40);
        Project project = Project.at(a.root());
        Live live = new Live(project);
        Builder.Result first = live.build();
        assertTrue(first.ok(), () -> first.diagnostics().sorted().toString());
        int allPages = first.pagesWritten();
        assertFalse(live.behind(), "a first build is complete");

        Path content = a.content();
        // A claim's statement.
        edit(content.resolve("claims/source-3-claim-1.md"), "statement: ", "statement: Reworded by an editor; ");
        assertSameAsFullBuild(live, project, List.of(content.resolve("claims/source-3-claim-1.md")), allPages);
        // A commentary's title.
        edit(content.resolve("commentary/on-source-5.md"), "title: On source-5", "title: A new title for source 5");
        assertSameAsFullBuild(live, project, List.of(content.resolve("commentary/on-source-5.md")), allPages);
        // A commentary grows past the size from which a page has a gzip twin, then shrinks back: the twin comes and goes.
        Path grown = content.resolve("commentary/on-source-5.md");
        String small = Files.readString(grown);
        Files.writeString(grown, small + "\n\n" + "An editor's long aside about the evidence. ".repeat(500) + "\n");
        assertSameAsFullBuild(live, project, List.of(grown), allPages);
        assertTrue(Files.exists(project.out().resolve("commentary/on-source-5/index.html.gz")), "a large page has a twin");
        Files.writeString(grown, small);
        assertSameAsFullBuild(live, project, List.of(grown), allPages);
        assertFalse(Files.exists(project.out().resolve("commentary/on-source-5/index.html.gz")), "a small page has none");
        // A source's title and topics (its topic pages and indexes change).
        edit(content.resolve("sources/source-7.md"), "topics: [", "topics: [topic-1, ");
        edit(content.resolve("sources/source-7.md"), "title: ", "title: Retitled, ");
        assertSameAsFullBuild(live, project, List.of(content.resolve("sources/source-7.md")), allPages);
        // A source's text corrected, the earlier text kept beside it: its versions and TimeMap, the Corrections page,
        // the feed, _headers and the WARC export change with it.
        Path text = content.resolve("sources/source-11.txt");
        byte[] before = Files.readAllBytes(text);
        Files.write(content.resolve("sources/source-11.v1.txt"), before);
        Files.writeString(text, Files.readString(text) + "\nA paragraph the first capture dropped.\n");
        String oldSha = org.evidencearchive.content.ContentParser.sha256(before);
        edit(content.resolve("sources/source-11.md"), "sha256: " + oldSha, "sha256: "
                + org.evidencearchive.content.ContentParser.sha256(Files.readAllBytes(text)) + "\ncorrections:\n  - date: \"2026-01-05\"\n"
                + "    what: Restored the last paragraph.\n    why: The capture dropped it.\n    previous_sha256: " + oldSha
                + "\n    previous_text: source-11.v1.txt");
        assertSameAsFullBuild(live, project, List.of(text, content.resolve("sources/source-11.v1.txt"),
                content.resolve("sources/source-11.md")), allPages);
        assertTrue(Files.readString(project.out().resolve("corrections/index.html")).contains("Restored the last paragraph."));
        assertTrue(Files.exists(project.out().resolve("sources/source-11/versions/" + oldSha.substring(0, 12) + "/text.txt")));
        // A claim's topics (its place in the claims index moves).
        edit(content.resolve("claims/source-2-claim-0.md"), "topics: [topic-", "topics: [topic-3, topic-");
        assertSameAsFullBuild(live, project, List.of(content.resolve("claims/source-2-claim-0.md")), allPages);
        // A new commentary citing a source (the source's "cited by" and the indexes change).
        Path added = content.resolve("commentary/added.md");
        String quoted = Files.readString(content.resolve("commentary/on-source-9.md"));
        Files.writeString(added, quoted.replace("id: on-source-9", "id: added").replace("title: On source-9", "title: Added later"));
        assertSameAsFullBuild(live, project, List.of(added), allPages);
        // A person's mentions (the sources naming them change).
        edit(content.resolve("people/person-1.md"), "mentions: [", "mentions: [Number0, ");
        assertSameAsFullBuild(live, project, List.of(content.resolve("people/person-1.md")), allPages);
        // An alias added to a claim (a redirect page appears), then taken away again (the redirect page goes).
        Path aliased = content.resolve("claims/source-6-claim-1.md");
        edit(aliased, "topics: [", "aliases: [/claims/an-old-name/]\ntopics: [");
        assertSameAsFullBuild(live, project, List.of(aliased), allPages);
        assertTrue(Files.exists(project.out().resolve("claims/an-old-name/index.html")));
        edit(aliased, "aliases: [/claims/an-old-name/]\n", "");
        assertSameAsFullBuild(live, project, List.of(aliased), allPages);
        assertFalse(Files.exists(project.out().resolve("claims/an-old-name/index.html")), "the gone alias's redirect is gone");
        // A claim renamed, with an alias for its old URL: the old page becomes a redirect, as in a full build.
        Path oldName = content.resolve("claims/source-8-claim-1.md");
        Path newName = content.resolve("claims/renamed-claim.md");
        Files.writeString(newName, Files.readString(oldName).replace("id: source-8-claim-1", "id: renamed-claim")
                .replace("topics: [", "aliases: [/claims/source-8-claim-1/]\ntopics: ["));
        Files.delete(oldName);
        assertSameAsFullBuild(live, project, List.of(oldName, newName), allPages);
        assertTrue(Files.readString(project.out().resolve("claims/source-8-claim-1/index.html")).contains("/claims/renamed-claim/"));
        // A claim deleted (its page and downloads go).
        Path gone = content.resolve("claims/source-4-claim-2.md");
        Files.delete(gone);
        assertSameAsFullBuild(live, project, List.of(gone), allPages);
        assertFalse(Files.exists(project.out().resolve("claims/source-4-claim-2/index.html")));
        // An editor's backup file: listed again and warned about, as a full build would.
        Path backup = content.resolve("claims/source-5-claim-0.md~");
        Files.writeString(backup, "backup");
        live.changed(List.of(backup));
        Builder.Result warned = live.build();
        assertTrue(warned.ok());
        assertEquals(new Builder(project.withOut(dir.resolve("warned"))).check().diagnostics().sorted().toString(),
                warned.diagnostics().sorted().toString());
        assertTrue(warned.diagnostics().sorted().stream().anyMatch(d -> d.format().contains("source-5-claim-0.md~")));
        // A template change: a full build.
        edit(a.root().resolve("templates/claim.ftl"), "</article>", "<p>Template edited.</p></article>");
        live.changed(List.of(a.root().resolve("templates/claim.ftl")));
        Builder.Result full = live.build();
        assertTrue(full.ok());
        assertTrue(full.pagesWritten() >= allPages - 1, "a template change re-renders everything");
    }

    @Test
    void aBrokenEditPublishesNothingAndItsFixRecovers() throws IOException {
        TempArchive a = TempArchive.synthetic(dir.resolve("archive"), 12);
        Project project = Project.at(a.root());
        Live live = new Live(project);
        assertTrue(live.build().ok());
        Map<String, byte[]> before = TempArchive.files(project.out());
        Path claim = a.content().resolve("claims/source-1-claim-0.md");
        String good = Files.readString(claim);
        Files.writeString(claim, good.replace("source: source-1", "source: source-404"));
        live.changed(List.of(claim));
        Builder.Result broken = live.build();
        assertFalse(broken.ok());
        assertTrue(broken.diagnostics().sorted().stream().anyMatch(d -> d.format().contains("unknown source 'source-404'")));
        assertEquals(before.keySet(), TempArchive.files(project.out()).keySet());
        Files.writeString(claim, good.replace("statement: ", "statement: Fixed; "));
        assertSameAsFullBuild(live, project, List.of(claim), Integer.MAX_VALUE);
    }

    @Test
    void evidenceFindingsFollowEveryEditAsAFullCheckFindsThem() throws IOException {
        TempArchive a = TempArchive.synthetic(dir.resolve("archive"), 12);
        Project project = Project.at(a.root());
        Live live = new Live(project);
        assertTrue(live.build().ok());
        Path claim = a.content().resolve("claims/source-3-claim-0.md");
        String good = Files.readString(claim);
        assertTrue(good.contains("value: 3\n"), good);
        // A figure its quote does not give: found in the live build as a full check finds it.
        Files.writeString(claim, good.replace("value: 3\n", "value: 4\n"));
        live.changed(List.of(claim));
        Builder.Result broken = live.build();
        List<String> expected = new Builder(project.withOut(dir.resolve("fresh"))).check().diagnostics().sorted().stream()
                .map(org.evidencearchive.check.Diagnostic::format).toList();
        assertTrue(expected.stream().anyMatch(x -> x.contains("source-3-claim-0.md")), expected.toString());
        assertEquals(expected, broken.diagnostics().sorted().stream().map(org.evidencearchive.check.Diagnostic::format).toList());
        // The fix clears it. Then claim A relates to claim B as the same measure, with B's measure made A's: fine.
        Files.writeString(claim, good);
        live.changed(List.of(claim));
        assertTrue(live.build().ok());
        Path other = a.content().resolve("claims/source-4-claim-0.md");
        String otherGood = Files.readString(other);
        Files.writeString(claim, good.replace("citations:", "relations:\n  - same-measure: source-4-claim-0\ncitations:"));
        Files.writeString(other, otherGood.replace("measure: synthetic-measure-4", "measure: synthetic-measure-3"));
        live.changed(List.of(claim, other));
        Builder.Result related = live.build();
        assertTrue(related.ok(), () -> related.diagnostics().sorted().toString());
        // Only B changes back: A's relation no longer holds, and A (not edited) is checked again.
        Files.writeString(other, otherGood);
        live.changed(List.of(other));
        Builder.Result stale = live.build();
        List<String> full = new Builder(project.withOut(dir.resolve("fresh2"))).check().diagnostics().sorted().stream()
                .map(org.evidencearchive.check.Diagnostic::format).toList();
        assertTrue(full.stream().anyMatch(x -> x.contains("source-3-claim-0.md") && x.contains("different measures")), full.toString());
        assertEquals(full, stale.diagnostics().sorted().stream().map(org.evidencearchive.check.Diagnostic::format).toList());
    }

    private void assertSameAsFullBuild(Live live, Project project, List<Path> changed, int allPages) throws IOException {
        live.changed(changed);
        Builder.Result r = live.build();
        assertTrue(r.ok(), () -> r.diagnostics().sorted().toString());
        assertTrue(r.pagesWritten() < allPages, "rendered " + r.pagesWritten() + " of " + allPages + " pages");
        assertTrue(live.finish().sorted().isEmpty());
        assertFalse(live.behind());
        Path fresh = dir.resolve("full-" + System.nanoTime());
        Builder.Result full = new Builder(project.withOut(fresh)).build();
        assertTrue(full.ok(), () -> full.diagnostics().sorted().toString());
        Map<String, byte[]> expected = TempArchive.files(fresh);
        Map<String, byte[]> actual = TempArchive.files(project.out());
        assertEquals(expected.keySet(), actual.keySet(), "the same files after editing " + changed);
        for (var e : expected.entrySet()) {
            assertEquals(new String(e.getValue(), java.nio.charset.StandardCharsets.UTF_8),
                    new String(actual.get(e.getKey()), java.nio.charset.StandardCharsets.UTF_8), e.getKey() + " after editing " + changed);
        }
    }

    private static void edit(Path file, String from, String to) throws IOException {
        String text = Files.readString(file);
        assertTrue(text.contains(from), file + " has " + from);
        Files.writeString(file, text.replaceFirst(java.util.regex.Pattern.quote(from), java.util.regex.Matcher.quoteReplacement(to)));
    }

}
