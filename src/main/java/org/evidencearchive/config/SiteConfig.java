package org.evidencearchive.config;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.evidencearchive.check.Diagnostics;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.YAMLException;

/**
 * The site's settings from {@code site-config/site.yaml}.
 *
 * @param baseUrl absolute URL of the site's root, without a trailing slash (used for canonical URLs and feeds)
 * @param license the licence of the archive's own writing and data (never of the archived texts)
 * @param rights what the archive says about the archived texts' rights and how an owner has one removed
 */
public record SiteConfig(String title, String description, String baseUrl, String language, String author,
                         License license, String rights) {
    private static final java.util.List<String> SETTINGS =
            java.util.List.of("title", "description", "base_url", "language", "author", "license", "rights");

    /** Returns the defaults used when no settings file exists. */
    public static SiteConfig defaults() {
        return new SiteConfig("Evidence Archive", "An annotated evidence archive.", "https://evidence-archive.example",
                "en-GB", "Evidence Archive editors", License.of("CC-BY-4.0").orElseThrow(),
                "Archived articles remain their authors' and publishers', are not under the archive's licence and are"
                        + " reproduced verbatim for research, criticism and review.");
    }

    /** Reads settings from a file, reporting problems; missing keys keep their defaults. */
    public static SiteConfig read(Path file, String display, Diagnostics diagnostics) {
        SiteConfig d = defaults();
        if (!Files.isRegularFile(file)) return d;
        Object loaded;
        try {
            loaded = new Yaml(new LoaderOptions()).load(Files.readString(file));
        } catch (IOException | YAMLException e) {
            diagnostics.error(display, 1, "cannot read site settings: " + e.getMessage().lines().findFirst().orElse(""), null);
            return d;
        }
        if (!(loaded instanceof Map<?, ?> map)) {
            diagnostics.error(display, 1, "site settings must be 'name: value' lines", null);
            return d;
        }
        for (Object key : map.keySet()) {
            if (!SETTINGS.contains(String.valueOf(key))) {
                diagnostics.error(display, 1, "unknown setting '" + key + "'", "settings: " + String.join(", ", SETTINGS));
            }
        }
        String base = str(map, "base_url", d.baseUrl());
        if (!base.matches("https?://[^\\s/]+(/\\S*)?")) {
            diagnostics.error(display, 1, "base_url must be an absolute http(s) URL, not '" + base + "'", null);
        }
        String spdx = str(map, "license", d.license().spdx());
        License license = License.of(spdx).orElse(null);
        if (license == null) {
            diagnostics.error(display, lineOf(file, "license"), "unknown licence '" + spdx + "'",
                    "write an SPDX identifier the site knows: " + License.known());
            license = d.license();
        }
        return new SiteConfig(str(map, "title", d.title()), str(map, "description", d.description()),
                base.replaceAll("/+$", ""), str(map, "language", d.language()), str(map, "author", d.author()),
                license, str(map, "rights", d.rights()));
    }

    /** The line of a top-level setting in the file (1 when it cannot be read again). */
    private static int lineOf(Path file, String key) {
        try {
            List<String> lines = Files.readAllLines(file);
            for (int i = 0; i < lines.size(); i++) {
                if (lines.get(i).startsWith(key + ":")) return i + 1;
            }
        } catch (IOException e) {
            return 1;
        }
        return 1;
    }

    private static String str(Map<?, ?> map, String key, String fallback) {
        Object v = map.get(key);
        return v == null ? fallback : String.valueOf(v).strip();
    }
}
