package org.evidencearchive.publish;

import java.util.List;
import java.util.Locale;

/**
 * The one list of the kinds of file the site publishes: each extension's media type and whether it is text in
 * UTF-8 (then its {@code Content-Type} names the charset, so that a browser never shows an archived text's
 * "Middlesbrough’s" as "Middlesbroughâ€™s"). {@code archive serve}, the nginx configuration ({@code types},
 * {@code charset_types}) and {@code .htaccess} ({@code AddType}, {@code AddCharset}) are all written from it, and
 * {@code _headers} gives the files whose type Netlify and Cloudflare Pages would send without a charset (or not
 * at all) a rule of their own ({@link #HEADER_PATHS}), so every host sends a file as the same kind of file.
 */
public final class ContentTypes {
    /** One kind of file: its extension (without the dot), media type, and whether it is UTF-8 text. */
    public record Type(String extension, String mediaType, boolean utf8) {
        /** Returns the {@code Content-Type} header value: the media type, with {@code charset=utf-8} for text. */
        public String header() {
            return utf8 ? mediaType + "; charset=utf-8" : mediaType;
        }
    }

    /**
     * Every kind of file the build writes. JSON is UTF-8 by definition (RFC 8259 defines no charset parameter),
     * so its types name none; feeds, sitemaps, texts, TimeMaps, styles, scripts and the "cite this" downloads do.
     * The WARC export ({@code archive.warc.gz}: a gzip file itself, not a twin) has its type by path, from
     * {@link HostRules#paths()}, as do the TimeMaps and the WACZ file in {@code _headers}: servers choose a type by
     * the last extension.
     */
    public static final List<Type> TYPES = List.of(
            new Type("html", "text/html", true),
            new Type("css", "text/css", true),
            new Type("js", "text/javascript", true),
            new Type("mjs", "text/javascript", true),
            new Type("json", "application/json", false),
            new Type("jsonld", "application/ld+json", false),
            new Type("xml", "application/xml", true),
            new Type("txt", "text/plain", true),
            new Type("link", "application/link-format", true),
            new Type("bib", "application/x-bibtex", true),
            new Type("ris", "application/x-research-info-systems", true),
            new Type("wacz", "application/zip", false),
            new Type("svg", "image/svg+xml", false),
            new Type("png", "image/png", false),
            new Type("jpg", "image/jpeg", false),
            new Type("webp", "image/webp", false),
            new Type("ico", "image/x-icon", false),
            new Type("woff2", "font/woff2", false));

    /** The type of a file of unknown kind. */
    public static final String DEFAULT = "application/octet-stream";

    /**
     * The paths, in the placeholder syntax of Netlify's and Cloudflare Pages' {@code _headers}, of the published
     * files whose type those hosts would send without a charset (or not at all): each gets a Content-Type rule
     * there (nginx and Apache send the same types from {@link #TYPES}).
     */
    public static final List<String> HEADER_PATHS = List.of("/robots.txt", "/sources/:id/text.txt",
            "/sources/:id/versions/:version/text.txt", "/:section/:id/cite.bib", "/:section/:id/cite.ris",
            "/data/annotations.jsonld");

    private ContentTypes() {}

    /** Returns the kind of a file by its name, or null when the list has none for its extension. */
    public static Type of(String fileName) {
        int dot = fileName.lastIndexOf('.');
        if (dot < 0) return null;
        String ext = fileName.substring(dot + 1).toLowerCase(Locale.ROOT);
        for (Type t : TYPES) if (t.extension().equals(ext)) return t;
        return null;
    }

    /** Returns the {@code Content-Type} a file is served with ({@link #DEFAULT} for an unknown kind). */
    public static String header(String fileName) {
        Type t = of(fileName);
        return t == null ? DEFAULT : t.header();
    }
}
