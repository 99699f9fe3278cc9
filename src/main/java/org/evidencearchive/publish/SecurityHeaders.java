package org.evidencearchive.publish;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SequencedMap;

/**
 * The security policy of the published site. Every page carries the Content Security Policy in a
 * {@code <meta http-equiv>} (templates/layout.ftl); static hosts that read a {@code _headers} file (Netlify,
 * Cloudflare Pages) also send it as a header, with the directives a meta tag cannot carry; {@code archive serve}
 * sends the same headers on every response.
 */
public final class SecurityHeaders {
    /** The policy: nothing but this site's own files, no inline script, no eval, no plugins, no framing. */
    public static final String CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
            + "font-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    /** The response headers every file of the site is sent with, in the order {@code _headers} lists them. */
    public static final SequencedMap<String, String> HEADERS = headers();

    private SecurityHeaders() {}

    private static SequencedMap<String, String> headers() {
        SequencedMap<String, String> h = new LinkedHashMap<>();
        h.put("Content-Security-Policy", CSP);
        h.put("X-Content-Type-Options", "nosniff");
        h.put("Referrer-Policy", "strict-origin-when-cross-origin");
        h.put("Permissions-Policy", "camera=(), microphone=(), geolocation=()");
        h.put("X-Frame-Options", "DENY");
        return java.util.Collections.unmodifiableSequencedMap(h);
    }

    /** Returns the {@code _headers} file: these headers on every file, and the types of {@link ContentTypes#HEADER_PATHS}. */
    public static byte[] headersFile() {
        return headersFile(new LinkedHashMap<>());
    }

    /**
     * Returns the {@code _headers} file: the security headers for every path, then the headers of particular files
     * ({@code paths}: site path → headers, e.g. Memento's {@code Link} and {@code Memento-Datetime} of the
     * archived texts, in {@code export.MementoExport}), which hosts add to those of {@code /*}.
     */
    public static byte[] headersFile(SequencedMap<String, ? extends SequencedMap<String, String>> paths) {
        StringBuilder out = new StringBuilder("/*\n");
        for (Map.Entry<String, String> e : HEADERS.entrySet()) {
            out.append("  ").append(e.getKey()).append(": ").append(e.getValue()).append('\n');
        }
        for (String path : ContentTypes.HEADER_PATHS) {
            out.append(path).append("\n  Content-Type: ").append(ContentTypes.of(path)).append('\n');
        }
        for (var rule : paths.entrySet()) {
            out.append(rule.getKey()).append('\n');
            rule.getValue().forEach((k, v) -> out.append("  ").append(k).append(": ").append(v).append('\n'));
        }
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }
}
