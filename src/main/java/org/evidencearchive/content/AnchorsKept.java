package org.evidencearchive.content;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** A corrected source's published anchors stay with their paragraphs (read with the source, {@link ItemReader}). */
final class AnchorsKept {
    private AnchorsKept() {}

    /**
     * Published anchors stay with their paragraphs: every paragraph of the text as first archived (before its
     * earliest correction, numbered p1, p2, …) that the text still has, word for word, must still be at its anchor.
     * A paragraph inserted by a correction and the rest renumbered would send every link to #p4 to another
     * paragraph; the hint gives the anchors that keep them ({@code anchors: [p1, p2, p3, p3a, p4, …]}). {@code earlier}
     * reads a correction's earlier text.
     */
    static void check(Fields f, ArchivedText text, List<Source.Correction> corrections, int preamble, boolean listed,
                      java.util.function.Function<Path, Optional<String>> earlier) {
        Source.Correction first = corrections.stream().min(java.util.Comparator.comparing(Source.Correction::date)).orElseThrow();
        Optional<String> raw = earlier.apply(first.previousText());
        if (raw.isEmpty()) return; // a missing or unreadable earlier text is reported at its correction
        List<Paragraph> was = ArchivedText.split(raw.get(), preamble).paragraphs();
        java.util.Map<String, List<String>> now = new java.util.HashMap<>();
        for (Paragraph p : text.paragraphs()) now.computeIfAbsent(squash(p.text()), k -> new ArrayList<>()).add(p.anchor());
        List<String> moved = new ArrayList<>();
        for (Paragraph p : was) {
            List<String> at = now.get(squash(p.text()));
            if (at != null && !at.contains(p.anchor())) moved.add("#" + p.anchor() + " is now #" + at.get(0));
        }
        if (moved.isEmpty()) return;
        f.error(listed ? "anchors" : "corrections", "a correction moves published anchors to other paragraphs: "
                        + String.join(", ", moved.subList(0, Math.min(3, moved.size()))) + (moved.size() > 3 ? ", …" : ""),
                "a paragraph keeps its anchor for good; give one inserted later a suffix: anchors: ["
                        + String.join(", ", keptAnchors(was, text.paragraphs())) + "]");
    }

    /**
     * The anchors that keep the first text's: a paragraph it has (word for word, in order) takes its anchor, one in
     * the place of a paragraph since corrected takes that one's, and one inserted takes the anchor before it with the
     * next letter (p3a, p3b).
     */
    private static List<String> keptAnchors(List<Paragraph> was, List<Paragraph> now) {
        List<String> wasTexts = was.stream().map(p -> squash(p.text())).toList();
        Set<String> nowTexts = new java.util.HashSet<>();
        for (Paragraph p : now) nowTexts.add(squash(p.text()));
        List<String> out = new ArrayList<>();
        int j = 0;
        String last = "p0";
        char letter = 'a';
        for (Paragraph p : now) {
            int k = wasTexts.subList(j, wasTexts.size()).indexOf(squash(p.text()));
            String anchor;
            if (k >= 0) { // a paragraph of the first text, at its anchor
                anchor = was.get(j + k).anchor();
                j += k + 1;
                letter = 'a';
            } else if (j < was.size() && !nowTexts.contains(wasTexts.get(j))) { // one corrected in place
                anchor = was.get(j++).anchor();
                letter = 'a';
            } else { // one inserted: the anchor before it and the next letter
                anchor = last.replaceAll("[a-z]$", "") + letter++;
            }
            out.add(anchor);
            last = anchor;
        }
        return out;
    }

    private static String squash(String s) {
        return s.replaceAll("\\s+", " ").strip();
    }
}
