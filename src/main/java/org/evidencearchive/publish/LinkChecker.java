package org.evidencearchive.publish;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.evidencearchive.check.Diagnostics;

/**
 * Checks the built site as Zola does: every internal link and anchor must resolve, and no page may load a
 * resource (script, style, font, image) from another host. A broken link is a build error at the page's
 * file and line. Each page is read once by {@link StartTags} (no tree is built), in parallel.
 */
public final class LinkChecker {
    private LinkChecker() {}

    /** A URL found in a page: the tag it is on, whether it loads a resource, and its line. */
    public record Link(String url, boolean resource, int line) {}

    /** Link types of a {@code <link>} that only name another document (a browser fetches nothing for them). */
    private static final Set<String> NAVIGATION_RELS = Set.of("canonical", "alternate", "license", "cite-as");

    /** What one page holds for the link gate: the anchors it defines and the URLs it refers to. */
    public record Page(Set<String> ids, List<Link> links) {}

    /** Checks every HTML file of the site; {@code display} is how the output folder is named in diagnostics. */
    public static void check(Map<String, byte[]> files, String display, Diagnostics diagnostics) {
        Map<String, Page> pages = new ConcurrentHashMap<>();
        files.entrySet().parallelStream().filter(e -> e.getKey().endsWith(".html"))
                .forEach(e -> pages.put(e.getKey(), read(e.getValue())));
        check(pages, files.keySet(), display, diagnostics);
    }

    /**
     * Checks pages read one by one with {@link #read(byte[])} (so that a build need not keep their bytes)
     * against every path the site publishes.
     */
    public static void check(Map<String, Page> pages, Set<String> sitePaths, String display, Diagnostics diagnostics) {
        check(pages, sitePaths, p -> {
            Page page = pages.get(p);
            return page == null ? null : page.ids();
        }, display, diagnostics);
    }

    /**
     * Checks the links of some pages against every path the site publishes, finding the anchors of any page
     * with {@code idsOf} (null for a file that is not a page).
     */
    public static void check(Map<String, Page> pages, Set<String> sitePaths, java.util.function.Function<String, Set<String>> idsOf,
                             String display, Diagnostics diagnostics) {
        Set<String> paths = sitePaths; // only asked whether it contains a path
        pages.entrySet().parallelStream().forEach(e -> {
            for (Link link : e.getValue().links()) {
                String where = display + "/" + e.getKey();
                if (isOtherHost(link.url())) {
                    if (link.resource()) {
                        diagnostics.error(where, link.line(), "loads a resource from another host: " + link.url(),
                                "ship scripts, styles, fonts and images with the site");
                    }
                } else if (!hasScheme(link.url())) { // mailto: and the like are not checked
                    checkInternal(e.getKey(), link, paths, idsOf, where, diagnostics);
                }
            }
        });
    }

    /** Reads what the link gate needs from one page. */
    public static Page read(byte[] html) {
        Set<String> ids = new HashSet<>();
        List<Link> links = new ArrayList<>();
        StartTags.scan(html, (name, attributes, line) -> {
            String id = attributes.get("id");
            if (id != null) ids.add(id);
            String url = switch (name) {
                case "a" -> {
                    String anchor = attributes.get("name");
                    if (anchor != null) ids.add(anchor);
                    yield attributes.get("href");
                }
                case "link" -> attributes.get("href");
                case "script", "img", "source", "iframe" -> attributes.get("src");
                default -> null;
            };
            if (url == null) return;
            String rel = attributes.getOrDefault("rel", "");
            boolean resource = !name.equals("a") && !(name.equals("link") && NAVIGATION_RELS.contains(rel));
            links.add(new Link(url, resource, line));
        });
        return new Page(ids, links);
    }

    /** {@code //host/…}, {@code http://…} or {@code https://…}, in any case. */
    public static boolean isOtherHost(String url) {
        return url.startsWith("//") || url.regionMatches(true, 0, "http://", 0, 7) || url.regionMatches(true, 0, "https://", 0, 8);
    }

    /** A URL scheme ({@code mailto:}, {@code tel:}, …): a letter, then letters, digits, '+', '.', '-', then ':'. */
    public static boolean hasScheme(String url) {
        if (url.isEmpty() || !Character.isLetter(url.charAt(0)) || url.charAt(0) > 'z') return false;
        for (int k = 1; k < url.length(); k++) {
            char c = url.charAt(k);
            if (c == ':') return true;
            boolean ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '+' || c == '.' || c == '-';
            if (!ok) return false;
        }
        return false;
    }

    private static void checkInternal(String page, Link link, Set<String> paths, java.util.function.Function<String, Set<String>> idsOf, String where,
                                      Diagnostics diagnostics) {
        String url = link.url();
        Target t = target(page.contains("/") ? page.substring(0, page.lastIndexOf('/') + 1) : "", url);
        String fragment = t.fragment();
        String target;
        if (t.samePage()) {
            target = page;
        } else {
            String resolved = t.path();
            target = resolved == null ? null : resolved.isEmpty() || resolved.endsWith("/") ? resolved + "index.html" : resolved;
            if (target != null && !paths.contains(target) && paths.contains(target + "/index.html")) target = target + "/index.html";
        }
        if (target == null || !paths.contains(target)) {
            diagnostics.error(where, link.line(), "broken link: " + url + " (no such page)",
                    "check the id in the link, or the template that made it");
            return;
        }
        Set<String> targetIds = fragment == null || fragment.isEmpty() ? null : idsOf.apply(target);
        if (targetIds != null && !targetIds.contains(fragment)) {
            diagnostics.error(where, link.line(), "broken link: " + url + " (no anchor #" + fragment + ")",
                    "source paragraphs are #p1, #p2, …");
        }
    }

    /**
     * Where a URL without a scheme leads: to the page it is on ({@code samePage}: only a fragment or a query),
     * or to a path of the site, without its leading '/' (null when it climbs above the site's root); and the
     * fragment, if any (a text directive {@code :~:} removed).
     */
    public record Target(boolean samePage, String path, String fragment) {}

    /** Resolves a URL without a scheme on a page in folder {@code dir} ({@code "topics/policy/"}, "" for the root). */
    public static Target target(String dir, String url) {
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
        if (path.isEmpty()) return new Target(true, null, fragment);
        return new Target(false, normalize(path.startsWith("/") ? path.substring(1) : dir + path), fragment);
    }

    /** Resolves "." and ".." segments of a site-relative path; null when it climbs above the site's root. */
    public static String normalize(String path) {
        if (!path.contains("./") && !path.endsWith("/.") && !path.endsWith("/..") && !path.equals(".") && !path.equals("..")) {
            return path;
        }
        List<String> out = new ArrayList<>();
        String[] segments = path.split("/", -1);
        for (int k = 0; k < segments.length; k++) {
            String s = segments[k];
            boolean last = k == segments.length - 1;
            if (s.equals(".")) {
                if (last) out.add("");
            } else if (s.equals("..")) {
                if (out.isEmpty()) return null;
                out.remove(out.size() - 1);
                if (last) out.add("");
            } else {
                out.add(s);
            }
        }
        return String.join("/", out);
    }
}
