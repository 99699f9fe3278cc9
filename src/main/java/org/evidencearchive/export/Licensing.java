package org.evidencearchive.export;

import java.util.LinkedHashMap;
import java.util.Map;

import org.evidencearchive.config.SiteConfig;

/**
 * What every data export says about its rights: the archive's data is under its licence (a URL, as JSON-LD's
 * {@code license} and Web Annotation's {@code rights} take it), the archived texts it quotes remain their owners'.
 *
 * @param url          the licence's deed URL
 * @param name         its short name, e.g. "CC BY 4.0"
 * @param archivedTexts the site's statement on the archived texts' rights
 */
public record Licensing(String url, String name, String archivedTexts) {
    /** Returns the licensing of a site's exports. */
    public static Licensing of(SiteConfig site) {
        return new Licensing(site.license().url(), site.license().name(), site.rights());
    }

    /** Returns the fields a JSON export's root carries: {@code license}, {@code licenseName}, {@code archivedTextsRights}. */
    Map<String, Object> fields() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("license", url);
        m.put("licenseName", name);
        m.put("archivedTextsRights", archivedTexts);
        return m;
    }
}
