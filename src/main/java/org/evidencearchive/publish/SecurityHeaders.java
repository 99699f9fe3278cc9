package org.evidencearchive.publish;

import java.nio.charset.StandardCharsets;

/**
 * The security policy of the published site. Every page carries the Content Security Policy in a
 * {@code <meta http-equiv>} (templates/layout.ftl); static hosts that read a {@code _headers} file (Netlify,
 * Cloudflare Pages) also send it as a header, with the directives a meta tag cannot carry.
 */
public final class SecurityHeaders {
    /** The policy: nothing but this site's own files, no inline script, no eval, no plugins, no framing. */
    public static final String CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
            + "font-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    private SecurityHeaders() {}

    /** Returns the {@code _headers} file. */
    public static byte[] headersFile() {
        return ("/*\n"
                + "  Content-Security-Policy: " + CSP + "\n"
                + "  X-Content-Type-Options: nosniff\n"
                + "  Referrer-Policy: strict-origin-when-cross-origin\n"
                + "  Permissions-Policy: camera=(), microphone=(), geolocation=()\n"
                + "  X-Frame-Options: DENY\n").getBytes(StandardCharsets.UTF_8);
    }
}
