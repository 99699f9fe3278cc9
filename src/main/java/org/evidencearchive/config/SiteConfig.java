package org.evidencearchive.config;

import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.evidencearchive.check.Diagnostics;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * The site's settings from {@code site-config/site.yaml}. Publishing is a decision: a site is built for its
 * real address ({@code base_url}), or, with {@code preview: true} or without a {@code base_url}, as a preview
 * whose citations point at a placeholder (every page then says so, and asks search engines not to index it). A
 * reserved host ({@code .example}, {@code .test}, {@code localhost}, an IP address, ...) is only accepted for a
 * preview.
 *
 * @param baseUrl     absolute URL of the site's root, without a trailing slash (used for canonical URLs and feeds)
 * @param license     the licence of the archive's own writing and data (never of the archived texts)
 * @param rights      what the archive says about the archived texts' rights and how an owner has one removed
 * @param preview     whether this is a preview build (no real address yet, or a local preview)
 * @param movedFrom   base URLs the site was published at before ({@code moved_from}), each redirected to this one
 * @param baseUrlLine the line of {@code base_url} in the settings file (1 without one)
 * @param identifierPrefix what persistent identifiers are minted under ({@code identifiers}): {@code ark:NAAN/shoulder}
 *                    or {@code 10.PREFIX/}; null without the setting (no identifiers)
 * @param reportErrors where readers report an error ({@code report_errors}: an https address, such as an issue
 *                    tracker's, or a mailto: address); null without the setting (the About page says there is none)
 */
public record SiteConfig(String title, String description, String baseUrl, String language, String author,
                         License license, String rights, boolean preview, List<String> movedFrom, int baseUrlLine,
                         String identifierPrefix, String reportErrors) {

    /** The address of a preview build without a {@code base_url}: a reserved name (RFC 2606) that resolves nowhere. */
    public static final String PLACEHOLDER = "https://evidence-archive.example";

    private static final List<String> KEYS = List.of("title", "description", "base_url", "preview", "moved_from", "language", "author",
            "license", "rights", "identifiers", "report_errors");

    /** Returns the defaults used when no settings file exists: a preview at the placeholder address. */
    public static SiteConfig defaults() {
        return new SiteConfig("Evidence Archive", "An annotated evidence archive.", PLACEHOLDER, "en-GB", "Evidence Archive editors",
                License.of("CC-BY-4.0").orElseThrow(),
                "Archived articles remain their authors' and publishers', are not under the archive's licence and are"
                        + " reproduced verbatim for research, criticism and review.",
                true, List.of(), 1, null, null);
    }

    /**
     * Returns a link of this site as paper prints it: absolute, without the text fragment that marks a quote
     * ("/sources/x/#p10:~:text=…" → "https://…/sources/x/#p10"); pages and templates give it as {@code data-url}.
     */
    public String printUrl(String href) {
        return baseUrl + href.replaceFirst(":~:.*$", "");
    }

    /** Returns the host of this site's base URL ({@code host} or {@code host:port}). */
    public String host() {
        return hostOf(baseUrl);
    }

    /** Returns the host of a base URL ({@code https://host:port/path} → {@code host:port}), lower case. */
    public static String hostOf(String url) {
        String rest = url.substring(url.indexOf("://") + 3);
        int slash = rest.indexOf('/');
        return (slash < 0 ? rest : rest.substring(0, slash)).toLowerCase(Locale.ROOT);
    }

    /** Reads settings from a file, reporting problems at their lines; missing keys keep their defaults. */
    public static SiteConfig read(Path file, String display, Diagnostics diagnostics) {
        return read(file, display, diagnostics, null);
    }

    /**
     * {@link #read(Path, String, Diagnostics)}, and a {@code language} must be one of {@code languages} (the
     * languages citations can be written in), when given.
     */
    public static SiteConfig read(Path file, String display, Diagnostics diagnostics, java.util.Collection<String> languages) {
        SiteConfig d = defaults();
        if (!Files.isRegularFile(file)) return d;
        Node root;
        try {
            root = new Yaml(new LoaderOptions()).compose(new StringReader(Files.readString(file)));
        } catch (org.yaml.snakeyaml.error.MarkedYAMLException e) {
            // at the line SnakeYAML found the problem on (its marks count from 0)
            int at = e.getProblemMark() != null ? e.getProblemMark().getLine() + 1 : e.getContextMark() != null ? e.getContextMark().getLine() + 1 : 1;
            diagnostics.error(display, at, "cannot read site settings: " + String.valueOf(e.getProblem()),
                    "each setting is one 'name: value' line, with a space after the colon and no indent, e.g. title: My archive");
            return d;
        } catch (IOException | YAMLException e) {
            diagnostics.error(display, 1, "cannot read site settings: " + String.valueOf(e.getMessage()).lines().findFirst().orElse(""), null);
            return d;
        }
        if (root == null) return d;
        if (!(root instanceof MappingNode map)) {
            diagnostics.error(display, 1, "site settings must be 'name: value' lines", null);
            return d;
        }
        Map<String, Node> values = new LinkedHashMap<>();
        for (NodeTuple t : map.getValue()) {
            String key = t.getKeyNode() instanceof ScalarNode s ? s.getValue() : String.valueOf(t.getKeyNode());
            if (!KEYS.contains(key)) {
                diagnostics.error(display, line(t.getKeyNode()), "unknown setting '" + key + "'",
                        org.evidencearchive.check.Suggestions.closest(key, KEYS).map(k -> "did you mean '" + k + "'? ").orElse("")
                                + "settings: " + String.join(", ", KEYS));
            } else {
                values.put(key, t.getValueNode());
            }
        }
        Node baseNode = values.get("base_url");
        int baseLine = baseNode == null ? 1 : line(baseNode);
        String base = str(values, "base_url", d.baseUrl());
        if (!base.matches("https?://[^\\s/?#]+(/\\S*)?")) {
            diagnostics.error(display, baseLine, "base_url must be an absolute http(s) URL, not '" + base + "'",
                    "the address the site is published at, e.g. https://archive.example.org");
        }
        Node previewNode = values.get("preview");
        boolean preview = baseNode == null;
        if (previewNode != null) {
            String p = str(values, "preview", "");
            if (!p.equals("true") && !p.equals("false")) {
                diagnostics.error(display, line(previewNode), "preview must be true or false, not '" + p + "'",
                        "true builds a preview whose pages say that their citations point at a placeholder; false (or no line) publishes at base_url");
            } else {
                preview = p.equals("true");
            }
        }
        base = base.replaceAll("/+$", "");
        if (!preview && base.matches("https?://[^\\s/?#]+(/\\S*)?")) {
            String reserved = reserved(hostOf(base));
            if (reserved != null) {
                diagnostics.error(display, baseLine, "base_url " + base + " is " + reserved + ": no reader could follow a citation of this site",
                        "set base_url to the address the site will be published at, or add 'preview: true' to build a preview "
                                + "(every page then says that its citations point at a placeholder)");
            }
        }
        Node licenseNode = values.get("license");
        String spdx = str(values, "license", d.license().spdx());
        License license = License.of(spdx).orElse(null);
        if (license == null) {
            diagnostics.error(display, licenseNode == null ? 1 : line(licenseNode), "unknown licence '" + spdx + "'",
                    "write an SPDX identifier the site knows: " + License.known());
            license = d.license();
        }
        Node languageNode = values.get("language");
        String language = str(values, "language", d.language());
        if (languages != null && languageNode != null && !languages.contains(language)) {
            String primary = language.replaceAll("[-_].*", "").toLowerCase(Locale.ROOT);
            List<String> near = languages.stream().filter(l -> l.toLowerCase(Locale.ROOT).startsWith(primary + "-")).toList();
            diagnostics.error(display, line(languageNode), "language '" + language + "' is not one citations can be written in",
                    (near.isEmpty() ? "" : "did you mean " + String.join(" or ", near) + "? ")
                            + "a language tag as the CSL locales have it: " + String.join(", ", languages));
            language = d.language();
        }
        Node reportNode = values.get("report_errors");
        String report = reportNode == null ? null : str(values, "report_errors", "");
        if (report != null && !report.matches("(https://[^\\s/?#]+\\S*|mailto:[^\\s@]+@[^\\s@]+)")) {
            diagnostics.error(display, line(reportNode), "report_errors must be an https address or a mailto: address, not '" + report + "'",
                    "where readers report an error, e.g. report_errors: https://github.com/OWNER/ARCHIVE/issues, or mailto:editors@example.org");
            report = null;
        }
        List<String> moved = new ArrayList<>();
        Node movedNode = values.get("moved_from");
        if (movedNode instanceof SequenceNode seq) {
            for (Node n : seq.getValue()) {
                String v = n instanceof ScalarNode s ? s.getValue().strip().replaceAll("/+$", "") : String.valueOf(n);
                if (!v.matches("https?://[^\\s/?#]+")) {
                    diagnostics.error(display, line(n), "moved_from lists the base URLs the site was published at before, not '" + v + "'",
                            "e.g. moved_from: [https://old.example.org]: scheme and host, no path");
                } else if (hostOf(v).equals(hostOf(base))) {
                    diagnostics.error(display, line(n), "moved_from names this site's own host " + hostOf(v), "list only the hosts it left");
                } else {
                    moved.add(v);
                }
            }
        } else if (movedNode != null) {
            diagnostics.error(display, line(movedNode), "moved_from must be a list of base URLs", "e.g. moved_from: [https://old.example.org]");
        }
        return new SiteConfig(str(values, "title", d.title()), str(values, "description", d.description()), base,
                language, str(values, "author", d.author()), license, str(values, "rights", d.rights()),
                preview, List.copyOf(moved), baseLine, identifiers(values.get("identifiers"), display, diagnostics), report);
    }

    private static final String IDENTIFIERS_HINT = "e.g. identifiers: {ark: {naan: \"12345\", shoulder: \"x6\"}} (the NAAN your"
            + " organisation was assigned, a shoulder of betanumeric letters and one digit) or identifiers: {doi: {prefix: \"10.12345\"}}"
            + " (your registrant's prefix); without the setting nothing gets an identifier";

    /**
     * Reads the {@code identifiers} setting: {@code ark: {naan, shoulder}} or {@code doi: {prefix}}; returns the
     * prefix new identifiers are minted under, or null (no setting, or an error reported at its line).
     */
    private static String identifiers(Node node, String display, Diagnostics d) {
        if (node == null) return null;
        if (!(node instanceof MappingNode map) || map.getValue().size() != 1) {
            d.error(display, line(node), "identifiers names one scheme: ark or doi", IDENTIFIERS_HINT);
            return null;
        }
        NodeTuple scheme = map.getValue().get(0);
        String name = scheme.getKeyNode() instanceof ScalarNode s ? s.getValue() : "";
        List<String> keys = name.equals("ark") ? List.of("naan", "shoulder") : name.equals("doi") ? List.of("prefix") : null;
        if (keys == null) {
            d.error(display, line(scheme.getKeyNode()), "unknown identifier scheme '" + name + "'", IDENTIFIERS_HINT);
            return null;
        }
        Map<String, Node> fields = new LinkedHashMap<>();
        if (scheme.getValueNode() instanceof MappingNode m) {
            for (NodeTuple t : m.getValue()) {
                String k = t.getKeyNode() instanceof ScalarNode s ? s.getValue() : "";
                if (!keys.contains(k)) d.error(display, line(t.getKeyNode()), "unknown " + name + " field '" + k + "'", "fields: " + String.join(", ", keys));
                else fields.put(k, t.getValueNode());
            }
        }
        boolean ok = true;
        for (String k : keys) {
            if (!fields.containsKey(k)) {
                d.error(display, line(scheme.getValueNode()), name + " needs '" + k + "'", IDENTIFIERS_HINT);
                ok = false;
            }
        }
        if (!ok) return null;
        if (name.equals("doi")) {
            String prefix = str(fields, "prefix", "");
            if (!prefix.matches("10\\.[0-9]{4,}(\\.[0-9]+)*")) {
                d.error(display, line(fields.get("prefix")), "DOI prefix '" + prefix + "' is not '10.' and the registrant's digits",
                        "write the prefix your registration agency assigned, e.g. prefix: \"10.12345\" (without https://doi.org/)");
                return null;
            }
            return prefix + "/";
        }
        String naan = str(fields, "naan", "");
        String shoulder = str(fields, "shoulder", "");
        if (!naan.matches("[0-9]{5,}")) {
            d.error(display, line(fields.get("naan")), "ARK NAAN '" + naan + "' is not five or more digits",
                    "write the Name Assigning Authority Number your organisation was assigned (https://arks.org), quoted: naan: \"12345\"");
            ok = false;
        }
        if (!shoulder.matches("[bcdfghjkmnpqrstvwxz]+[0-9]")) {
            d.error(display, line(fields.get("shoulder")), "ARK shoulder '" + shoulder + "' is not betanumeric letters followed by one digit",
                    "ARK conventions: a primordinal shoulder is one or more of the letters bcdfghjkmnpqrstvwxz then a digit, e.g. x6 or fk4");
            ok = false;
        }
        return ok ? "ark:" + naan + "/" + shoulder : null;
    }

    /**
     * Returns why a host can never be a site's public address (a phrase), or null: the names reserved for
     * examples, tests and local use (RFC 2606, RFC 6761), {@code localhost}, and IP addresses.
     */
    public static String reserved(String hostAndPort) {
        String host = hostAndPort.replaceFirst(":\\d+$", "").toLowerCase(Locale.ROOT);
        if (host.startsWith("[") || host.matches("[0-9.]+")) return "an IP address";
        for (String tld : List.of("example", "test", "invalid", "localhost", "local")) {
            if (host.equals(tld) || host.endsWith("." + tld)) return "a reserved name (." + tld + ")";
        }
        for (String name : List.of("example.com", "example.net", "example.org")) {
            if (host.equals(name) || host.endsWith("." + name)) return "a reserved name (" + name + ")";
        }
        return null;
    }

    private static int line(Node n) {
        return n.getStartMark() == null ? 1 : n.getStartMark().getLine() + 1;
    }

    private static String str(Map<String, Node> values, String key, String fallback) {
        Node v = values.get(key);
        return v instanceof ScalarNode s ? s.getValue().strip() : v == null ? fallback : fallback;
    }
}
