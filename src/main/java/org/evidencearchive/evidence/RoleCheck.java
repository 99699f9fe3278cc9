package org.evidencearchive.evidence;

import org.evidencearchive.check.Diagnostics;
import org.evidencearchive.cite.ResolvedCitation;
import org.evidencearchive.content.Paragraph;
import org.evidencearchive.content.Person;
import org.evidencearchive.graph.Archive;

/**
 * A role is in the source's own words: the role text must occur in the paragraph its quote is cited from
 * (whitespace, typographic quotes and dashes normalised, case ignored), so that no title, party or affiliation
 * the sources do not give can be added.
 */
public final class RoleCheck {
    private RoleCheck() {}

    /** Reports every role whose words are not in its cited paragraph. */
    public static void check(Archive archive, Diagnostics d) {
        for (Person p : archive.people()) {
            for (Person.Role r : p.roles()) {
                ResolvedCitation rc = archive.roleCitations(p).stream().filter(x -> x.ref().equals(r.citation()))
                        .findFirst().orElse(null);
                if (rc == null) continue; // the quote itself is wrong, and reported as such
                Paragraph para = archive.source(rc.sourceId()).orElseThrow().text().paragraph(rc.anchor()).orElseThrow();
                if (!FigureCheck.norm(para.text()).contains(FigureCheck.norm(r.role()))) {
                    d.error(r.origin().file(), r.origin().line(), r.origin().column(), "role '" + r.role() + "' is not in the cited paragraph ("
                                    + rc.sourceId() + " " + rc.anchor() + ")",
                            "write the role in the source's own words, as they stand in the paragraph, e.g. part of: \""
                                    + rc.exact() + "\"");
                }
            }
        }
    }
}
