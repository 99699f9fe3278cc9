package org.evidencearchive.export;

import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.SequencedMap;

/**
 * Memento (RFC 7089) for the archived texts, as static files and headers: a TimeMap per source
 * ({@code /sources/ID/timemap.link}, {@code application/link-format}) whose original resource is the text's
 * time-generic URL ({@code /sources/ID/text.txt}, always the current version) and whose mementos are the
 * versions at their own URLs; and the response headers that link them ({@code Link}, {@code Memento-Datetime}),
 * for {@code _headers} and the server configurations made from the same rules. A static site has no TimeGate.
 */
public final class MementoExport {
    /** The media type of a TimeMap. */
    public static final String LINK_FORMAT = "application/link-format";

    private MementoExport() {}

    /** Returns a source's TimeMap: the original, the TimeMap itself (with the first and last datetimes) and every memento. */
    public static byte[] timeMap(TextVersions v, String baseUrl) {
        List<TextVersions.Version> all = v.versions();
        StringBuilder out = new StringBuilder();
        out.append('<').append(baseUrl).append(v.original()).append(">; rel=\"original\",\n");
        out.append('<').append(baseUrl).append(TextVersions.timeMap(v.source())).append(">; rel=\"self\"; type=\"")
                .append(LINK_FORMAT).append("\"; from=\"").append(all.getFirst().httpDate()).append("\"; until=\"")
                .append(all.getLast().httpDate()).append('"');
        for (int k = 0; k < all.size(); k++) {
            TextVersions.Version version = all.get(k);
            String rel = (k == 0 ? "first " : "") + (k == all.size() - 1 ? "last " : "") + "memento";
            out.append(",\n<").append(baseUrl).append(version.url()).append(">; rel=\"").append(rel)
                    .append("\"; datetime=\"").append(version.httpDate()).append('"');
        }
        return out.append('\n').toString().getBytes(StandardCharsets.UTF_8);
    }

    /**
     * Returns the response headers of the texts and TimeMaps, by site path: the time-generic text links its
     * original and TimeMap; each version is a memento (its {@code Memento-Datetime}, its original, the TimeMap);
     * a TimeMap is sent as {@code application/link-format}.
     */
    public static SequencedMap<String, SequencedMap<String, String>> headers(Iterable<TextVersions> sources, String baseUrl) {
        SequencedMap<String, SequencedMap<String, String>> rules = new LinkedHashMap<>();
        for (TextVersions v : sources) {
            String original = "<" + baseUrl + v.original() + ">; rel=\"original\"";
            String timeMap = "<" + baseUrl + TextVersions.timeMap(v.source()) + ">; rel=\"timemap\"; type=\"" + LINK_FORMAT + "\"";
            rules.put(v.original(), one("Link", original + ", " + timeMap));
            for (TextVersions.Version version : v.versions()) {
                SequencedMap<String, String> h = new LinkedHashMap<>();
                h.put("Memento-Datetime", version.httpDate());
                h.put("Link", original + ", " + timeMap + ", <" + baseUrl + version.url() + ">; rel=\"memento\"; datetime=\""
                        + version.httpDate() + "\"");
                rules.put(version.url(), Collections.unmodifiableSequencedMap(h));
            }
            rules.put(TextVersions.timeMap(v.source()), one("Content-Type", LINK_FORMAT + "; charset=utf-8"));
        }
        return rules;
    }

    private static SequencedMap<String, String> one(String name, String value) {
        SequencedMap<String, String> h = new LinkedHashMap<>();
        h.put(name, value);
        return Collections.unmodifiableSequencedMap(h);
    }
}
