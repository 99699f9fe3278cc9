package org.evidencearchive.publish;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeMap;

import org.evidencearchive.check.Diagnostics;
import org.evidencearchive.content.Item;
import org.evidencearchive.site.Urls;

/**
 * Old URLs keep working: every alias of an item gets a small HTML page that redirects to the item (meta
 * refresh, canonical link and a visible link), and a {@code _redirects} file for static hosts that read one.
 */
public final class Redirects {
    private Redirects() {}

    /** Returns the output file for a site path: a directory URL is served by its index.html. */
    public static String fileFor(String url) {
        String path = url.substring(1);
        if (path.isEmpty() || path.endsWith("/")) return path + "index.html";
        return path.contains(".") ? path : path + "/index.html";
    }

    /** Returns the redirect page files the items' aliases make. */
    public static java.util.Set<String> files(Iterable<? extends Item> items) {
        java.util.Set<String> files = new java.util.HashSet<>();
        for (Item item : items) for (String alias : item.aliases()) files.add(fileFor(alias));
        return files;
    }

    /** Returns the site path a file is served at (the inverse of {@link #fileFor}). */
    public static String urlFor(String file) {
        if (file.equals("index.html")) return "/";
        if (file.endsWith("/index.html")) return "/" + file.substring(0, file.length() - "index.html".length());
        return "/" + file;
    }

    /**
     * Adds to {@code files} a redirect page for every alias, and {@code _redirects}; an alias that names a file
     * in {@code taken} (a page of the site) is an error.
     */
    public static void add(Iterable<? extends Item> items, java.util.Set<String> taken, Map<String, byte[]> files,
                           String baseUrl, Diagnostics d) {
        Map<String, String> redirects = new TreeMap<>();
        for (Item item : items) {
            for (String alias : item.aliases()) {
                String file = fileFor(alias);
                String target = Urls.of(item);
                if (taken.contains(file) || files.containsKey(file) || redirects.containsKey(alias)) {
                    d.error(item.origin().file(), item.origin().line(), "alias " + alias + " is already a page of the site",
                            "an alias names an old URL that no longer has a page of its own");
                    continue;
                }
                redirects.put(alias, target);
                files.put(file, page(baseUrl + target, target).getBytes(StandardCharsets.UTF_8));
            }
        }
        StringBuilder netlify = new StringBuilder("# Old URLs of moved items (generated from 'aliases').\n");
        redirects.forEach((from, to) -> netlify.append(from).append(' ').append(to).append(" 301\n"));
        files.put("_redirects", netlify.toString().getBytes(StandardCharsets.UTF_8));
    }

    private static String page(String canonical, String target) {
        String t = target.replace("&", "&amp;").replace("\"", "&quot;").replace("<", "&lt;");
        String c = canonical.replace("&", "&amp;").replace("\"", "&quot;").replace("<", "&lt;");
        return "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>Moved</title>\n"
                + "<meta name=\"robots\" content=\"noindex\">\n<link rel=\"canonical\" href=\"" + c + "\">\n"
                + "<meta http-equiv=\"refresh\" content=\"0; url=" + t + "\">\n</head>\n<body>\n"
                + "<p>This page has moved to <a href=\"" + t + "\">" + c + "</a>.</p>\n</body>\n</html>\n";
    }
}
