package org.evidencearchive.publish;

import java.util.LinkedHashMap;
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
}
