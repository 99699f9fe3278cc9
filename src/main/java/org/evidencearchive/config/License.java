package org.evidencearchive.config;

import java.util.Map;
import java.util.Optional;

/**
 * The licence of what the archive writes itself (commentary, claims, topic introductions, the data exports), named
 * by its SPDX identifier in {@code site-config/site.yaml}. Archived texts are never under it: they remain their
 * owners' (the {@code rights} setting says so).
 *
 * @param spdx the SPDX identifier, e.g. {@code CC-BY-4.0}
 * @param name the short name people read, e.g. "CC BY 4.0"
 * @param url the licence's canonical deed URL, as written in {@code license} fields of JSON-LD and the exports
 */
public record License(String spdx, String name, String url) {
    private static final Map<String, License> KNOWN = Map.of(
            "CC-BY-4.0", new License("CC-BY-4.0", "CC BY 4.0", "https://creativecommons.org/licenses/by/4.0/"),
            "CC-BY-SA-4.0", new License("CC-BY-SA-4.0", "CC BY-SA 4.0", "https://creativecommons.org/licenses/by-sa/4.0/"),
            "CC0-1.0", new License("CC0-1.0", "CC0 1.0", "https://creativecommons.org/publicdomain/zero/1.0/"),
            "ODbL-1.0", new License("ODbL-1.0", "ODbL 1.0", "https://opendatacommons.org/licenses/odbl/1-0/"));

    /** Returns the licence an SPDX identifier names, if it is one the site knows. */
    public static Optional<License> of(String spdx) {
        return Optional.ofNullable(KNOWN.get(spdx));
    }

    /** Returns the identifiers the site knows, for a hint. */
    public static String known() {
        return String.join(", ", KNOWN.keySet().stream().sorted().toList());
    }
}
