package org.evidencearchive.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.evidencearchive.check.Diagnostics;
import org.evidencearchive.content.ContentParser;
import org.evidencearchive.testing.TempArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Linking with a memo patches the last link when few items changed: after every kind of edit, the patched graph
 * and its diagnostics are exactly those of linking the same files from nothing.
 */
class ArchivePatchTest {
    @TempDir
    Path dir;

    private Path content;
    private final ContentParser.Session session = new ContentParser.Session();
    private final LinkMemo memo = new LinkMemo();
    private final List<String> patchedEdits = new ArrayList<>();

    @Test
    void aPatchedLinkIsTheGraphALinkFromNothingMakes() throws IOException {
        content = TempArchive.synthetic(dir.resolve("archive"), 30).content();
        assertSame("the first link", List.of());

        // Claims: a statement, topics, a citation moved to another source, a relation added, then its target deleted.
        edit("claims/source-3-claim-1.md", "statement: ", "statement: Reworded; ");
        edit("claims/source-2-claim-0.md", "topics: [topic-", "topics: [topic-3, topic-");
        edit("claims/source-1-claim-0.md", "source: source-1\n    paragraph: p1\n    quote: Figure 1-0",
                "source: source-2\n    paragraph: p1\n    quote: Figure 2-0");
        edit("claims/source-6-claim-0.md", "topics: [", "relations:\n  - disputes: source-5-claim-1\ntopics: [");
        edit("claims/source-7-claim-0.md", "topics: [", "relations:\n  - responds-to: source-5-claim-1\ntopics: [");
        String target = delete("claims/source-5-claim-1.md"); // two claims now relate to nothing: errors
        restore("claims/source-5-claim-1.md", target);
        edit("claims/source-6-claim-0.md", "relations:\n  - disputes: source-5-claim-1\n", "");

        // Commentary: a citation of another source added; a new commentary; a commentary deleted.
        edit("commentary/on-source-4.md", "\"Figure 4-0 was reported\"].",
                "\"Figure 4-0 was reported\"]. Also [@source-9#p1 \"Figure 9-0 was reported\"].");
        String quoted = Files.readString(content.resolve("commentary/on-source-9.md"));
        write("commentary/added.md", quoted.replace("id: on-source-9", "id: added"));
        delete("commentary/on-source-8.md");

        // Sources: topics; a cited passage reworded (its citations fail), then put back; a source removed and back.
        edit("sources/source-7.md", "topics: [", "topics: [topic-1, ");
        String text = Files.readString(content.resolve("sources/source-6.txt"));
        write("sources/source-6.txt", text.replace("Figure 6-0 was reported", "Figure 6-0 was said"));
        write("sources/source-6.txt", text);
        String source = delete("sources/source-10.md");
        restore("sources/source-10.md", source);

        // Topics: one deleted (what names it is now in error) and back; a topic's text.
        String topic = delete("topics/topic-11.md");
        restore("topics/topic-11.md", topic);
        edit("topics/topic-2.md", "summary: ", "summary: Edited; ");

        // People: a name (a patch), then the mentions (every source's text is scanned again).
        edit("people/person-1.md", "name: ", "name: Dr ");
        edit("people/person-1.md", "mentions: [", "mentions: [Number0, ");

        // A broken file (not parsed), then its fix; a new source and a claim citing it, saved together.
        String good = Files.readString(content.resolve("claims/source-12-claim-2.md"));
        write("claims/source-12-claim-2.md", good.replace("---\nid:", "---\nid: [unclosed\nx:"));
        write("claims/source-12-claim-2.md", good.replace("statement: ", "statement: Fixed; "));
        Files.writeString(content.resolve("sources/new-source.txt"), Files.readString(content.resolve("sources/source-3.txt")));
        String newSource = Files.readString(content.resolve("sources/source-3.md")).replace("id: source-3", "id: new-source")
                .replace("text: source-3.txt", "text: new-source.txt");
        Files.writeString(content.resolve("sources/new-source.md"), newSource);
        Files.writeString(content.resolve("claims/new-claim.md"), Files.readString(content.resolve("claims/source-3-claim-0.md"))
                .replace("id: source-3-claim-0", "id: new-claim").replace("source: source-3", "source: new-source"));
        assertSame("a new source and a claim citing it", List.of(content.resolve("sources/new-source.txt"),
                content.resolve("sources/new-source.md"), content.resolve("claims/new-claim.md")));

        assertTrue(patchedEdits.size() >= 15, "most edits are patches: " + patchedEdits);
        assertFalse(patchedEdits.contains("people/person-1.md: mentions: ["), "new mentions: everything is linked again");
    }

    private void edit(String file, String from, String to) throws IOException {
        String text = Files.readString(content.resolve(file));
        assertTrue(text.contains(from), file + " holds " + from);
        write(file, text.replace(from, to), file + ": " + from);
    }

    private void write(String file, String text) throws IOException {
        write(file, text, file);
    }

    private void write(String file, String text, String what) throws IOException {
        Files.writeString(content.resolve(file), text);
        assertSame(what, List.of(content.resolve(file)));
    }

    private String delete(String file) throws IOException {
        String text = Files.readString(content.resolve(file));
        Files.delete(content.resolve(file));
        assertSame("deleted " + file, List.of(content.resolve(file)));
        return text;
    }

    private void restore(String file, String text) throws IOException {
        write(file, text, "restored " + file);
    }

    /** Links the changed files with the memo, and the same files from nothing, and compares the two. */
    private void assertSame(String what, List<Path> changed) {
        session.changed(changed);
        Diagnostics d = new Diagnostics();
        Archive linked = Archive.link(new ContentParser(content, dir, d, session).parse(), d, memo);
        if (linked.patched()) patchedEdits.add(what);
        Diagnostics fresh = new Diagnostics();
        Archive whole = Archive.link(new ContentParser(content, dir, fresh).parse(), fresh);
        assertEquals(fresh.sorted().toString(), d.sorted().toString(), what + ": the same diagnostics");
        assertEquals(GraphDump.describe(whole), GraphDump.describe(linked), what + ": the same graph");
    }
}
