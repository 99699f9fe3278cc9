package org.evidencearchive.render;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import org.evidencearchive.content.Source;
import org.evidencearchive.content.PartialDate;
import org.evidencearchive.export.TextVersions;
import org.evidencearchive.graph.Urls;

/**
 * What pages show of the versions of archived texts: a source page's versions and corrections, the Corrections
 * page (every correction of the archive, newest first) and the feed's entry for each correction.
 */
final class VersionViews extends PageModels {
    VersionViews(PageContext ctx) {
        super(ctx);
    }

    /**
     * One version of an archived text: its number (1 = as first archived), stable URL (site-relative, and relative to
     * its source's page), checksum and day.
     */
    public record Version(int number, String url, String relative, String sha256, String date, String day) {}

    /**
     * A recorded correction: its anchor on the source page ({@code correction-N}, N counting from the first), its
     * day, what changed and why, the text before and after it, and its source.
     */
    public record Correction(int number, String anchor, String date, String day, String feedDate, String what, String why,
                             Version before, Version after, View.Link source) {}

    /** A source's versions: its TimeMap, its current version, and its corrections, oldest first. */
    public record Versions(String timemap, Version current, Version first, List<Correction> corrections) {}

    /** Returns the versions and corrections of a source, for its page. */
    Versions of(Source s) {
        TextVersions v = ctx.versions(s);
        List<Correction> corrections = corrections(v, link(s));
        return new Versions(Urls.timeMap(s), version(v.current()), version(v.versions().getFirst()), corrections);
    }

    private static List<Correction> corrections(TextVersions v, View.Link source) {
        List<Correction> out = new ArrayList<>();
        List<TextVersions.Version> all = v.versions();
        for (int k = 1; k < all.size(); k++) {
            TextVersions.Version after = all.get(k);
            var c = after.madeBy();
            out.add(new Correction(k, "correction-" + k, c.date().display(), c.date().value(), after.isoDate(), c.what(), c.why(),
                    version(all.get(k - 1)), version(after), source));
        }
        return out;
    }

    private static Version version(TextVersions.Version v) {
        String relative = v.url().substring(v.url().indexOf("/versions/") + 1);
        return new Version(v.number(), v.url(), relative, v.sha256(), PartialDate.parse(v.day()).map(PartialDate::display).orElse(v.day()), v.day());
    }

    /** Every correction of the archive, newest first (on one day, by source id, then the later first). */
    List<Correction> all() {
        List<Correction> out = new ArrayList<>();
        for (Source s : archive.sources()) {
            if (!s.corrections().isEmpty()) out.addAll(corrections(ctx.versions(s), link(s)));
        }
        out.sort(Comparator.comparing(Correction::day).reversed()
                .thenComparing(c -> c.source().url())
                .thenComparing(Comparator.comparingInt(Correction::number).reversed()));
        return out;
    }

    /** The Corrections page: every recorded correction with its date, generated from the content. */
    PageSpec page() {
        return SitePlan.lazy("corrections/index.html", "corrections.ftl", null, () -> {
            Map<String, Object> m = base("Corrections", "/corrections/",
                    "Every recorded correction of an archived text, newest first, with the text before and after it.",
                    "corrections", List.of(new View.Crumb("Home", "/")));
            m.put("corrections", all());
            return m;
        });
    }
}
