package org.evidencearchive.evidence;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.evidencearchive.check.Diagnostics;
import org.evidencearchive.content.Source;

/**
 * A site title or description that states a span of years ("reports from 2018–2019") must agree with the sources'
 * known or inferred dates: every source must lie within it for sure. Otherwise the archive says more than its
 * sources do (the editorial standard: "dates describing the collection agree with the sources' dates").
 */
public final class CollectionDatesCheck {
    private CollectionDatesCheck() {}

    /** A span of years: 2018–2019, 2018-2019, 2018 to 2019 (en or em dash, hyphen or "to"). */
    static final Pattern SPAN = Pattern.compile("\\b((?:19|20)\\d\\d)\\s*(?:\\u2013|\\u2014|-|to)\\s*((?:19|20)\\d\\d)\\b");

    /** The settings whose text describes the collection. */
    private static final List<String> FIELDS = List.of("title", "description");

    /** Reports every span of years in the site settings that some source is not surely within. */
    public static void check(Path settings, String display, Collection<Source> sources, Diagnostics d) {
        List<String> lines;
        try {
            lines = Files.isRegularFile(settings) ? Files.readAllLines(settings) : List.of();
        } catch (IOException e) {
            return; // reading the settings reports it
        }
        for (int n = 0; n < lines.size(); n++) {
            String line = lines.get(n);
            int colon = line.indexOf(':');
            if (colon < 0 || !FIELDS.contains(line.substring(0, colon).strip())) continue;
            Matcher m = SPAN.matcher(line);
            while (m.find()) {
                int from = Integer.parseInt(m.group(1));
                int to = Integer.parseInt(m.group(2));
                String outside = outside(sources, from, to);
                if (outside != null) {
                    d.error(display, n + 1, m.start() + 1, "the site says " + m.group() + ", but " + outside,
                            "describe the collection as its sources' dates allow (e.g. \"undated\", or the years that"
                                    + " every source surely falls in), or date the sources");
                }
            }
        }
    }

    /** The first source not surely dated within the years, described; null if every one is. */
    private static String outside(Collection<Source> sources, int from, int to) {
        for (Source s : sources) {
            if (s.published() != null) {
                int y = s.published().year();
                if (y < from || y > to) return "source '" + s.id() + "' is dated " + s.published().display();
                continue;
            }
            var inferred = s.dateInferred();
            if (inferred == null) return "source '" + s.id() + "' is undated";
            Integer earliest = inferred.earliest() == null ? null : inferred.earliest().year();
            Integer latest = inferred.latest() == null ? null : inferred.latest().year();
            if (earliest == null || latest == null || earliest < from || latest > to) {
                return "source '" + s.id() + "' is dated only " + inferred.display() + " (inferred)";
            }
        }
        return null;
    }
}
