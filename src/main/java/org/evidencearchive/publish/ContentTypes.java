package org.evidencearchive.publish;

import java.util.List;
import java.util.Map;

/**
 * The media type, with its charset, of every kind of file the site publishes: the one list that {@code archive
 * serve} sends and that a host's configuration should send ({@code _headers} rules below; an nginx or Apache
 * configuration maps the same extensions). Text is UTF-8 and says so, so that a browser never shows an archived
 * text's "Middlesbrough’s" as "Middlesbroughâ€™s".
 */
public final class ContentTypes {
    /** The media type of each extension; anything else is {@code application/octet-stream}. */
    public static final Map<String, String> BY_EXTENSION = Map.ofEntries(
            Map.entry("html", "text/html; charset=utf-8"),
            Map.entry("css", "text/css; charset=utf-8"),
            Map.entry("js", "text/javascript; charset=utf-8"),
            Map.entry("mjs", "text/javascript; charset=utf-8"),
            Map.entry("json", "application/json"),
            Map.entry("jsonld", "application/ld+json"),
            Map.entry("xml", "application/xml"),
            Map.entry("txt", "text/plain; charset=utf-8"),
            Map.entry("bib", "application/x-bibtex; charset=utf-8"),
            Map.entry("ris", "application/x-research-info-systems; charset=utf-8"),
            Map.entry("svg", "image/svg+xml"),
            Map.entry("png", "image/png"));

    /**
     * The paths, in the placeholder syntax of Netlify's and Cloudflare Pages' {@code _headers}, of the published
     * files whose type those hosts would send without a charset (or not at all): each gets a Content-Type rule.
     */
    public static final List<String> HEADER_PATHS = List.of("/robots.txt", "/sources/:id/text.txt",
            "/:section/:id/cite.bib", "/:section/:id/cite.ris", "/data/annotations.jsonld");

    private ContentTypes() {}

    /** Returns the media type of a file by its name's extension. */
    public static String of(String name) {
        int dot = name.lastIndexOf('.');
        return BY_EXTENSION.getOrDefault(dot < 0 ? "" : name.substring(dot + 1), "application/octet-stream");
    }
}
