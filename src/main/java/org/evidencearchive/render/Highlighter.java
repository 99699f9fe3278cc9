package org.evidencearchive.render;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.evidencearchive.cite.ResolvedCitation;
import org.evidencearchive.content.Paragraph;

/**
 * Renders a paragraph of an archived text as HTML: the text verbatim (escaped, line breaks kept), every cited
 * passage in a {@code <mark>} (no class: the search hits a script adds are {@code mark.search-hit}), and every
 * mention of a person or organisation linked to their page.
 */
public final class Highlighter {
    private Highlighter() {}

    /** A span of the paragraph that names someone with a page: offsets in the archived text. */
    public record Mention(int start, int end, String url, String name) {}

    /** Returns the paragraph's HTML with citations marked and nothing linked. */
    public static String paragraphHtml(Paragraph p, List<ResolvedCitation> cites) {
        return paragraphHtml(p, cites, List.of());
    }

    /**
     * Returns the paragraph's HTML. The text is cut at every citation and mention boundary so that marks and
     * links never nest badly; the first mark of each passage carries the passage's stable id.
     */
    public static String paragraphHtml(Paragraph p, List<ResolvedCitation> cites, List<Mention> mentions) {
        String text = p.text();
        int base = p.offset();
        TreeSet<Integer> cuts = new TreeSet<>(List.of(0, text.length()));
        for (ResolvedCitation c : cites) {
            cuts.add(c.start() - base);
            cuts.add(c.end() - base);
        }
        for (Mention m : mentions) {
            cuts.add(m.start() - base);
            cuts.add(m.end() - base);
        }
        StringBuilder out = new StringBuilder();
        Set<String> idsUsed = new HashSet<>();
        Integer from = null;
        for (int cut : cuts) {
            if (from != null && cut > from) {
                final int a = from + base;
                final int b = cut + base;
                String segment = PageContext.escape(text.substring(from, cut)).replace("\n", "<br>\n");
                Mention mention = mentions.stream().filter(m -> m.start() <= a && m.end() >= b).findFirst().orElse(null);
                if (mention != null) {
                    segment = "<a class=\"mention\" href=\"" + mention.url() + "\">" + segment + "</a>";
                }
                var covering = cites.stream().filter(c -> c.start() <= a && c.end() >= b).toList();
                if (covering.isEmpty()) {
                    out.append(segment);
                } else {
                    String id = covering.stream().filter(c -> c.start() == a).map(ResolvedCitation::markId)
                            .filter(idsUsed::add).findFirst().orElse(null);
                    out.append("<mark").append(id == null ? "" : " id=\"" + id + "\"").append('>')
                            .append(segment).append("</mark>");
                }
            }
            from = cut;
        }
        return out.toString();
    }

    /** Finds the mentions of people in a paragraph: longest names first, never overlapping, whole words only. */
    public static List<Mention> mentions(Paragraph p, List<org.evidencearchive.content.Person> people, java.util.function.Function<org.evidencearchive.content.Person, String> urlOf) {
        record Name(String text, org.evidencearchive.content.Person person) {}
        List<Name> names = new java.util.ArrayList<>();
        for (var person : people) for (String m : person.mentions()) names.add(new Name(m, person));
        names.sort(java.util.Comparator.comparingInt((Name n) -> -n.text().length()).thenComparing(Name::text));
        boolean[] taken = new boolean[p.text().length()];
        List<Mention> out = new java.util.ArrayList<>();
        for (Name n : names) {
            int from = 0;
            while (true) {
                int at = p.text().indexOf(n.text(), from);
                if (at < 0) break;
                int end = at + n.text().length();
                from = at + 1;
                boolean word = (at == 0 || !Character.isLetterOrDigit(p.text().charAt(at - 1)))
                        && (end == p.text().length() || !Character.isLetterOrDigit(p.text().charAt(end)));
                boolean free = true;
                for (int i = at; i < end && free; i++) free = !taken[i];
                if (!word || !free) continue;
                for (int i = at; i < end; i++) taken[i] = true;
                out.add(new Mention(p.offset() + at, p.offset() + end, urlOf.apply(n.person()), n.person().name()));
            }
        }
        out.sort(java.util.Comparator.comparingInt(Mention::start));
        return out;
    }
}
