package org.evidencearchive.publish;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Writes one {@link HostRules} for each kind of host, so that every host redirects, secures, caches and labels
 * the site alike: {@code _headers} and {@code _redirects} (Netlify, Cloudflare Pages), {@code _nginx.conf} (an
 * nginx include for a {@code server} block) and {@code .htaccess} (Apache 2.4). All four lie in the site's root
 * and none is served by the servers that read them (nginx and Apache answer 404 or 403 for all four; Netlify and
 * Cloudflare do not serve their own). A host that reads none of them (GitHub Pages) serves them as plain files:
 * they hold only what every response of the site says anyway.
 */
public final class HostConfigs {
    /** The nginx include's file name in the site's root. */
    public static final String NGINX = "_nginx.conf";

    private HostConfigs() {}

    /** Returns the four files, by their path in the site. */
    public static Map<String, byte[]> files(HostRules rules) {
        Map<String, byte[]> out = new TreeMap<>();
        out.put("_headers", utf8(headers(rules)));
        out.put("_redirects", utf8(redirects(rules)));
        out.put(NGINX, utf8(nginx(rules)));
        out.put(".htaccess", utf8(apache(rules)));
        return out;
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    /**
     * {@code _headers}: the security headers for every path, the Content-Type of the files whose type those hosts
     * would send without a charset ({@link ContentTypes#HEADER_PATHS}), then the caching of the kinds that differ
     * from the host's own default (a path matching several rules gets each header of each, so the pages' rule is
     * left to the host, which revalidates), the link of each archived source's page to its original, and the
     * headers of particular files (Memento's, types, a version's caching).
     */
    static String headers(HostRules rules) {
        StringBuilder out = new StringBuilder("/*\n");
        rules.headers().forEach((k, v) -> out.append("  ").append(k).append(": ").append(v).append('\n'));
        for (String path : ContentTypes.HEADER_PATHS) {
            out.append(path).append("\n  Content-Type: ").append(ContentTypes.header(path)).append('\n');
        }
        for (HostRules.Cache c : HostRules.CACHE) {
            if (c.prefix().equals("/")) continue;
            out.append(c.prefix()).append("*\n  Cache-Control: ").append(c.value()).append('\n');
        }
        rules.originals().forEach((file, url) -> out.append(Redirects.urlFor(file)).append("\n  Link: ")
                .append(HostRules.originalLink(url)).append('\n'));
        rules.paths().forEach((path, headers) -> {
            out.append(path).append('\n');
            headers.forEach((k, v) -> out.append("  ").append(k).append(": ").append(v).append('\n'));
        });
        return out.toString();
    }

    /** {@code _redirects}: each old host to the new one (forced, with the path), then each moved item. */
    static String redirects(HostRules rules) {
        StringBuilder out = new StringBuilder("# Old URLs of moved items (generated from 'aliases').\n");
        rules.oldHosts().forEach((host, to) -> out.append("https://").append(host).append("/* ").append(to).append("/:splat 301!\n")
                .append("http://").append(host).append("/* ").append(to).append("/:splat 301!\n"));
        rules.redirects().forEach((from, to) -> out.append(from).append(' ').append(to).append(" 301\n"));
        return out.toString();
    }

    /** An nginx string: double-quoted, or single-quoted when the value has double quotes (values never have both). */
    private static String q(String s) {
        if (s.indexOf('"') < 0) return "\"" + s + "\"";
        if (s.indexOf('\'') < 0) return "'" + s + "'";
        throw new IllegalArgumentException("a value with both kinds of quote: " + s);
    }

    /** The nginx directives that send the headers of a path (repeated in each location: nginx does not merge them). */
    private static void nginxHeaders(StringBuilder out, HostRules rules, String path, String original) {
        rules.headers().forEach((k, v) -> out.append("    add_header ").append(k).append(' ').append(q(v)).append(" always;\n"));
        out.append("    add_header Cache-Control ").append(q(rules.cacheOf(path))).append(" always;\n");
        if (original != null) out.append("    add_header Link ").append(q(HostRules.originalLink(original))).append(" always;\n");
        serverHeaders(rules, path).forEach((k, v) -> {
            if (k.equals("Cache-Control")) return; // sent above
            if (k.equals("Content-Type")) out.append("    types { }\n    default_type ").append(q(v)).append(";\n");
            else out.append("    add_header ").append(k).append(' ').append(q(v)).append(" always;\n");
        });
    }

    /**
     * The headers of a path of {@link HostRules#paths()} that a server configuration must send itself: all but a
     * {@code Content-Type} that its types by extension give anyway (only {@code archive.warc.gz}'s is not).
     */
    private static Map<String, String> serverHeaders(HostRules rules, String path) {
        Map<String, String> own = rules.paths().get(path);
        Map<String, String> out = new java.util.LinkedHashMap<>(own == null ? Map.of() : own);
        if (ContentTypes.header(path).equals(out.get("Content-Type"))) out.remove("Content-Type");
        return out;
    }

    /** {@code _nginx.conf}: the types, charsets, precompressed files, error page, headers, caching and redirects. */
    static String nginx(HostRules rules) {
        StringBuilder out = new StringBuilder();
        out.append("# nginx: this site's rules, generated by the build from the same rules as _headers, _redirects and .htaccess.\n")
                .append("# Include it in the server block whose root is this folder:\n")
                .append("#     server { listen ...; server_name ...; root /srv/archive; include /srv/archive/").append(NGINX).append("; }\n")
                .append("# It uses only modules of Debian's nginx package (gzip, gzip_static). Do not edit: the next build replaces it.\n\n")
                .append("index index.html;\nabsolute_redirect off;\nserver_tokens off;\nerror_page 404 /404.html;\n\n");
        out.append("# Every kind of file the site has (these replace the types of the http block in this server).\ntypes {\n");
        for (ContentTypes.Type t : ContentTypes.TYPES) out.append("    ").append(t.mediaType()).append(' ').append(t.extension()).append(";\n");
        out.append("}\ndefault_type ").append(ContentTypes.DEFAULT).append(";\ncharset utf-8;\ncharset_types");
        Set<String> text = new LinkedHashSet<>();
        for (ContentTypes.Type t : ContentTypes.TYPES) if (t.utf8()) text.add(t.mediaType());
        text.remove("text/html"); // nginx always counts it
        text.forEach(t -> out.append(' ').append(t));
        out.append(";\n\n# A file's .gz twin, made by the build, is sent to clients that accept gzip; a file without one (below the\n")
                .append("# build's threshold) is compressed as it is sent.\ngzip_static on;\ngzip_vary on;\ngzip on;\ngzip_types");
        Precompressed.compressibleTypes().stream().filter(t -> !t.equals("text/html")).forEach(t -> out.append(' ').append(t));
        out.append(";\n\n");
        if (!rules.movedFrom().isEmpty()) {
            out.append("# The hosts this site moved from: every URL answers with a 301 to the same path at ").append(rules.baseUrl()).append(".\n");
            rules.oldHosts().forEach((host, to) -> out.append("if ($host = ").append(q(host.replaceFirst(":\\d+$", "")))
                    .append(") {\n    return 301 ").append(to).append("$request_uri;\n}\n"));
            out.append('\n');
        }
        for (HostRules.Cache c : HostRules.CACHE) {
            out.append("location ").append(c.prefix()).append(" {\n");
            nginxHeaders(out, rules, c.prefix(), null);
            out.append("}\n");
        }
        out.append("\n# Instructions to hosts, not pages.\n");
        for (String f : HostRules.HOST_ONLY) out.append("location = /").append(f).append(" {\n    return 404;\n}\n");
        if (!rules.redirects().isEmpty()) out.append("\n# Old URLs of moved items (from 'aliases'): each to the same kind of resource.\n");
        rules.redirects().forEach((from, to) -> {
            out.append("location = ").append(from).append(" {\n");
            nginxHeaders(out, rules, from, null);
            out.append("    return 301 ").append(to).append("$is_args$args;\n}\n");
        });
        if (!rules.originals().isEmpty()) out.append("\n# The pages of archived sources name the articles they archive.\n");
        rules.originals().forEach((file, url) -> {
            out.append("location = /").append(file).append(" {\n");
            nginxHeaders(out, rules, "/" + file, url);
            out.append("}\n");
        });
        if (!rules.paths().isEmpty()) out.append("\n# The headers of particular files: Memento's (RFC 7089) for the archived texts and their versions, types.\n");
        for (String path : rules.paths().keySet()) {
            if (serverHeaders(rules, path).isEmpty()) continue;
            out.append("location = ").append(path).append(" {\n");
            nginxHeaders(out, rules, path, null);
            out.append("}\n");
        }
        return out.toString();
    }

    /** A header value in double quotes of {@code .htaccess}: {@code %} doubled (mod_headers reads {@code %x} as a format). */
    private static String apacheValue(String v) {
        return v.replace("%", "%%").replace("\"", "\\\"");
    }

    /** A path as a regular expression of mod_rewrite in {@code .htaccess} (relative: no leading slash). */
    private static String rewritePattern(String path) {
        return "^" + path.substring(1).replace(".", "\\.") + "$";
    }

    /**
     * {@code .htaccess}: the same rules for Apache 2.4 (mod_rewrite, mod_headers, mod_mime, mod_dir). A header
     * value's {@code %} is doubled: mod_headers reads {@code %x} as a format.
     */
    static String apache(HostRules rules) {
        StringBuilder out = new StringBuilder();
        out.append("# Apache 2.4: this site's rules, generated by the build from the same rules as _headers, _redirects and ")
                .append(NGINX).append(".\n# Needs AllowOverride All for this folder and mod_rewrite, mod_headers, mod_mime and mod_dir (and mod_deflate with mod_filter\n# to compress the files that have no .gz twin).\n")
                .append("# Do not edit: the next build replaces it.\n\n")
                .append("DirectoryIndex index.html\nErrorDocument 404 /404.html\nAddDefaultCharset Off\n");
        for (ContentTypes.Type t : ContentTypes.TYPES) out.append("AddType ").append(t.mediaType()).append(" .").append(t.extension()).append('\n');
        out.append("AddCharset utf-8");
        for (ContentTypes.Type t : ContentTypes.TYPES) if (t.utf8()) out.append(" .").append(t.extension());
        out.append("\n# A file's .gz twin is the same file, gzip-encoded: its type comes from the name before .gz.\n")
                .append("RemoveType .gz\nAddEncoding gzip .gz\n")
                .append("# A file without a twin (below the build's threshold) is compressed as it is sent (mod_deflate).\n")
                .append("<IfModule mod_deflate.c>\n    AddOutputFilterByType DEFLATE ")
                .append(String.join(" ", Precompressed.compressibleTypes())).append("\n</IfModule>\n\n");
        rules.headers().forEach((k, v) -> out.append("Header always set ").append(k).append(' ').append(q(v)).append('\n'));
        out.append("Header always set Cache-Control ").append(q(HostRules.cache("/"))).append('\n');
        for (HostRules.Cache c : HostRules.CACHE) {
            if (c.prefix().equals("/")) continue;
            out.append("<If \"%{REQUEST_URI} =~ m#^").append(c.prefix()).append("#\">\n    Header always set Cache-Control ")
                    .append(q(c.value())).append("\n</If>\n");
        }
        rules.originals().forEach((file, url) -> {
            // the page is asked for as its folder or its index.html, and either may be answered by its .gz twin
            String pattern = file.endsWith("/index.html")
                    ? file.substring(0, file.length() - "index.html".length()) + "(index\\.html)?"
                    : file.replace(".", "\\.");
            out.append("<If \"%{REQUEST_URI} =~ m#^/").append(pattern).append("(\\.gz)?$#\">\n    Header always set Link \"")
                    .append(apacheValue(HostRules.originalLink(url))).append("\"\n</If>\n");
        });
        for (String path : rules.paths().keySet()) {
            Map<String, String> headers = serverHeaders(rules, path);
            if (headers.isEmpty()) continue;
            out.append("<If \"%{REQUEST_URI} =~ m#^").append(path.replace(".", "\\.")).append("(\\.gz)?$#\">\n");
            headers.forEach((k, v) -> {
                if (!k.equals("Content-Type")) {
                    out.append("    Header always set ").append(k).append(" \"").append(apacheValue(v)).append("\"\n");
                } else { // a type no extension names: archive.warc.gz is a gzip file itself, not gzip-encoded
                    out.append("    ForceType ").append(v).append('\n');
                    if (path.endsWith(Precompressed.GZ)) out.append("    RemoveEncoding .gz\n");
                }
            });
            out.append("</If>\n");
        }
        out.append("\nRewriteEngine On\n");
        if (!rules.movedFrom().isEmpty()) out.append("# The hosts this site moved from: every URL answers with a 301 to the same path here.\n");
        rules.oldHosts().forEach((host, to) -> out.append("RewriteCond %{HTTP_HOST} =").append(host.replaceFirst(":\\d+$", ""))
                .append(" [NC]\nRewriteRule ^ ").append(to).append("%{REQUEST_URI} [R=301,L]\n"));
        out.append("# Instructions to hosts, not pages.\nRewriteRule ^(");
        out.append(String.join("|", HostRules.HOST_ONLY.stream().map(f -> f.replace(".", "\\.")).toList())).append(")$ - [R=404,L]\n");
        if (!rules.redirects().isEmpty()) out.append("# Old URLs of moved items (from 'aliases'): each to the same kind of resource.\n");
        rules.redirects().forEach((from, to) -> out.append("RewriteRule ").append(rewritePattern(from)).append(' ').append(to).append(" [R=301,L]\n"));
        out.append("# A file's .gz twin to clients that accept gzip.\nRewriteCond %{HTTP:Accept-Encoding} gzip\n")
                .append("RewriteCond %{REQUEST_FILENAME}.gz -f\nRewriteRule ^(.+)$ $1.gz [L]\n")
                .append("<FilesMatch \"\\.gz$\">\n    Header append Vary Accept-Encoding\n</FilesMatch>\n");
        return out.toString();
    }
}
