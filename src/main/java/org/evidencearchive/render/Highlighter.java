package org.evidencearchive.render;

import java.util.List;
import java.util.TreeSet;

import org.evidencearchive.cite.ResolvedCitation;
import org.evidencearchive.content.Paragraph;

/** Renders a paragraph of an archived text as HTML with every cited passage marked. */
public final class Highlighter {
    private Highlighter() {}

    /**
     * Returns the paragraph's HTML: text escaped, line breaks kept, and every cited range in a {@code <mark>};
     * the first mark of each passage carries the passage's stable id. Overlapping passages are split into
     * segments so marks never nest.
     */
    public static String paragraphHtml(Paragraph p, List<ResolvedCitation> cites) {
        String text = p.text();
        TreeSet<Integer> cuts = new TreeSet<>(List.of(0, text.length()));
        for (ResolvedCitation c : cites) {
            cuts.add(c.start() - p.offset());
            cuts.add(c.end() - p.offset());
        }
        StringBuilder out = new StringBuilder();
        java.util.Set<String> idsUsed = new java.util.HashSet<>();
        Integer from = null;
        for (int cut : cuts) {
            if (from != null && cut > from) {
                String segment = segment(text.substring(from, cut));
                final int a = from + p.offset();
                final int b = cut + p.offset();
                var covering = cites.stream().filter(c -> c.start() <= a && c.end() >= b).toList();
                if (covering.isEmpty()) {
                    out.append(segment);
                } else {
                    String id = covering.stream().filter(c -> c.start() == a).map(ResolvedCitation::markId)
                            .filter(idsUsed::add).findFirst().orElse(null);
                    out.append("<mark class=\"cited\"").append(id == null ? "" : " id=\"" + id + "\"").append('>')
                            .append(segment).append("</mark>");
                }
            }
            from = cut;
        }
        return out.toString();
    }

    private static String segment(String s) {
        return PageFactory.escape(s).replace("\n", "<br>\n");
    }
}
