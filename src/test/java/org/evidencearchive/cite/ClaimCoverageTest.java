package org.evidencearchive.cite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.evidencearchive.check.Diagnostics;
import org.evidencearchive.content.Claim;
import org.evidencearchive.content.ContentParser;
import org.evidencearchive.content.Paragraph;
import org.evidencearchive.content.Source;
import org.evidencearchive.graph.Archive;
import org.evidencearchive.testing.TempArchive;
import org.junit.jupiter.api.Test;

/** The curated layer covers its sources: a new source without claims shows up here. */
class ClaimCoverageTest {
    private static final Pattern NUMBER = Pattern.compile("\\d[\\d,.]*\\d|\\d");

    private static Archive real() {
        Diagnostics d = new Diagnostics();
        Archive a = Archive.link(new ContentParser(TempArchive.repo().resolve("content"), TempArchive.repo(), d).parse(), d);
        assertFalse(d.hasErrors(), () -> d.sorted().toString());
        return a;
    }

    @Test
    void everyNumberInEverySourceIsCitedByAClaim() {
        Archive archive = real();
        List<String> uncovered = new ArrayList<>();
        int numbers = 0;
        for (Source s : archive.sources()) {
            List<ResolvedCitation> byClaims = archive.claims().stream().flatMap(c -> archive.citations(c).stream())
                    .filter(rc -> rc.sourceId().equals(s.id())).toList();
            for (Paragraph p : s.text().paragraphs()) {
                Matcher m = NUMBER.matcher(p.text());
                while (m.find()) {
                    numbers++;
                    int start = p.offset() + m.start();
                    int end = p.offset() + m.end();
                    boolean covered = byClaims.stream().anyMatch(rc -> rc.start() <= start && rc.end() >= end);
                    if (!covered) uncovered.add(s.id() + "#" + p.anchor() + ": " + m.group());
                }
            }
        }
        assertTrue(numbers >= 20, "the sources hold many numbers; found only " + numbers);
        assertEquals(List.of(), uncovered, "numbers no claim cites");
    }

    @Test
    void everySourceHasCommentaryAndEveryPositionIsAttributed() {
        Archive archive = real();
        for (Source s : archive.sources()) {
            assertFalse(archive.commentaryAbout(s).isEmpty(), "no commentary about " + s.id());
        }
        for (Claim c : archive.claims()) {
            if (c.claimKind() == org.evidencearchive.content.Claim.ClaimKind.POSITION) {
                assertFalse(c.by().isEmpty(), "position " + c.id() + " is not attributed (by:)");
            }
        }
    }
}
