package org.evidencearchive.publish;

import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import org.evidencearchive.check.Diagnostics;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * Checks the built site as Zola does: every internal link and anchor must resolve, and no page may load a
 * resource (script, style, font, image) from another host. A broken link is a build error.
 */
public final class LinkChecker {
    private LinkChecker() {}

    /** Checks every HTML file of the site; {@code display} is how the output folder is named in diagnostics. */
    public static void check(Map<String, byte[]> files, String display, Diagnostics diagnostics) {
        Map<String, Set<String>> ids = new java.util.concurrent.ConcurrentHashMap<>();
        Map<String, Document> docs = new java.util.concurrent.ConcurrentHashMap<>();
        files.entrySet().parallelStream().filter(e -> e.getKey().endsWith(".html")).forEach(e -> {
            Document doc = Jsoup.parse(new String(e.getValue(), StandardCharsets.UTF_8));
            docs.put(e.getKey(), doc);
            Set<String> set = new HashSet<>();
            for (Element el : doc.select("[id]")) set.add(el.id());
            for (Element el : doc.select("a[name]")) set.add(el.attr("name"));
            ids.put(e.getKey(), set);
        });
        docs.entrySet().parallelStream().forEach(e -> {
            String page = e.getKey();
            for (Element el : e.getValue().select("a[href], link[href], script[src], img[src], source[src], iframe[src]")) {
                String attr = el.hasAttr("href") ? "href" : "src";
                String url = el.attr(attr);
                boolean resource = !el.tagName().equals("a") && !(el.tagName().equals("link")
                        && (el.attr("rel").equals("canonical") || el.attr("rel").equals("alternate")));
                if (url.matches("(?i)^(https?:)?//.*")) {
                    if (resource) {
                        diagnostics.error(display + "/" + page, 0, "loads a resource from another host: " + url,
                                "ship scripts, styles, fonts and images with the site");
                    }
                    continue;
                }
                if (url.matches("(?i)^[a-z][a-z0-9+.-]*:.*")) continue; // mailto: and the like
                checkInternal(page, url, files, ids, display, diagnostics);
            }
        });
    }

    private static void checkInternal(String page, String url, Map<String, byte[]> files, Map<String, Set<String>> ids,
                                      String display, Diagnostics diagnostics) {
        String path = url;
        String fragment = null;
        int hash = url.indexOf('#');
        if (hash >= 0) {
            path = url.substring(0, hash);
            fragment = url.substring(hash + 1);
            int directive = fragment.indexOf(":~:");
            if (directive >= 0) fragment = fragment.substring(0, directive);
        }
        int query = path.indexOf('?');
        if (query >= 0) path = path.substring(0, query);
        String target;
        if (path.isEmpty()) {
            target = page;
        } else {
            String base = page.contains("/") ? page.substring(0, page.lastIndexOf('/') + 1) : "";
            String resolved = path.startsWith("/") ? path.substring(1) : base + path;
            resolved = java.net.URI.create("/" + resolved).normalize().getPath().substring(1);
            target = resolved.isEmpty() || resolved.endsWith("/") ? resolved + "index.html" : resolved;
            if (!files.containsKey(target) && files.containsKey(target + "/index.html")) target = target + "/index.html";
        }
        if (!files.containsKey(target)) {
            diagnostics.error(display + "/" + page, 0, "broken link: " + url + " (no such page)",
                    "check the id in the link, or the template that made it");
            return;
        }
        if (fragment != null && !fragment.isEmpty() && target.endsWith(".html")
                && !ids.getOrDefault(target, Set.of()).contains(fragment)) {
            diagnostics.error(display + "/" + page, 0, "broken link: " + url + " (no anchor #" + fragment + ")",
                    "source paragraphs are #p1, #p2, …");
        }
    }
}
