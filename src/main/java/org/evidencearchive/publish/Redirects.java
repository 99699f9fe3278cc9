package org.evidencearchive.publish;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.evidencearchive.check.Diagnostics;
import org.evidencearchive.config.SiteConfig;
import org.evidencearchive.content.Alias;
import org.evidencearchive.content.Claim;
import org.evidencearchive.content.Commentary;
import org.evidencearchive.content.Item;
import org.evidencearchive.content.Source;
import org.evidencearchive.graph.Urls;

/**
 * Old URLs keep working: every alias of an item gets a small HTML page that redirects to the item (meta
 * refresh, canonical link and a visible link), and a {@code _redirects} file for static hosts that read one.
 * An aliased page takes its files with it: the old {@code text.txt} and "cite this" downloads are copies of the
 * item's own (the same bytes, so any host serves them as the same kind of file), and {@code _redirects} sends
 * each to the same file at its new URL, never to an HTML page.
 */
public final class Redirects {
    private Redirects() {}

    /** Returns the output file for a site path: a directory URL is served by its index.html. */
    public static String fileFor(String url) {
        String path = url.substring(1);
        if (path.isEmpty() || path.endsWith("/")) return path + "index.html";
        return path.contains(".") ? path : path + "/index.html";
    }

    /** The files published beside an item's page (its archived text and "cite this" downloads). */
    public static final List<String> DOWNLOADS = List.of("text.txt", "cite.bib", "cite.ris", "cite.json");

    /**
     * Returns the names of the files an item publishes beside its page: a source's text (and its TimeMap and
     * versions, {@code versions/<hash>/text.txt}) and the downloads of a citable item.
     */
    public static List<String> downloads(Item item) {
        return switch (item) {
            case Source s -> java.util.stream.Stream.concat(DOWNLOADS.stream(), Urls.versionFiles(s).stream()).toList();
            case Commentary c -> DOWNLOADS.subList(1, DOWNLOADS.size());
            case Claim c -> DOWNLOADS.subList(1, DOWNLOADS.size());
            default -> List.of();
        };
    }

    /** Returns the files the items' aliases make: redirect pages, and the copies of an aliased page's files. */
    public static java.util.Set<String> files(Iterable<? extends Item> items) {
        java.util.Set<String> files = new java.util.HashSet<>();
        for (Item item : items) {
            for (Alias alias : item.aliases()) {
                files.add(fileFor(alias.path()));
                for (String path : aliasedPaths(item, alias).keySet()) files.add(fileFor(path));
            }
        }
        return files;
    }

    /**
     * Returns the site paths that an item's aliases keep serving as its own, and the path each now stands for: an
     * aliased page {@code /sources/old/} is the item's page, and {@code /sources/old/text.txt} its text.
     */
    public static Map<String, String> aliasedPaths(Item item) {
        Map<String, String> out = new TreeMap<>();
        for (Alias alias : item.aliases()) out.putAll(aliasedPaths(item, alias));
        return out;
    }

    /** Returns the site paths one alias of an item keeps serving, and the path each stands for. */
    public static Map<String, String> aliasedPaths(Item item, Alias alias) {
        Map<String, String> out = new TreeMap<>();
        String dir = Urls.of(item);
        String file = fileFor(alias.path());
        if (file.endsWith(".html")) {
            out.put(alias.path(), dir);
            if (alias.path().endsWith("/")) for (String name : downloads(item)) out.put(alias.path() + name, dir + name);
            out.putAll(derived(item, alias));
        } else {
            String name = file.substring(file.lastIndexOf('/') + 1);
            if (downloads(item).contains(name)) out.put(alias.path(), dir + name);
        }
        return out;
    }

    /**
     * Returns the pages made from an item (its claims-index page, {@link Urls#derived}) that an alias of its old
     * page moves with it: {@code /topics/old/} also redirects {@code /claims/topic/old/} to {@code /claims/topic/new/}.
     */
    static Map<String, String> derived(Item item, Alias alias) {
        Map<String, String> out = new TreeMap<>();
        String prefix = "/" + item.kind().section() + "/";
        String path = alias.path();
        if (!path.startsWith(prefix) || !path.endsWith("/")) return out;
        String old = path.substring(prefix.length(), path.length() - 1);
        if (old.isEmpty() || old.contains("/")) return out;
        List<String> from = Urls.derived(item.kind(), old);
        List<String> to = Urls.derived(item.kind(), item.id());
        for (int k = 0; k < from.size(); k++) out.put(from.get(k), to.get(k));
        return out;
    }

    /** Returns the site path a file is served at (the inverse of {@link #fileFor}). */
    public static String urlFor(String file) {
        if (file.equals("index.html")) return "/";
        if (file.endsWith("/index.html")) return "/" + file.substring(0, file.length() - "index.html".length());
        return "/" + file;
    }

    /** Files that hosts or crawlers give a meaning to: an alias never becomes one of them. */
    private static final Set<String> HOST_FILES = Set.of("_headers", "_redirects", "robots.txt", "favicon.ico",
            "sitemap.xml", "feed.xml", "404.html", "CNAME", "netlify.toml", "vercel.json", "humans.txt", ".htaccess", HostConfigs.NGINX);

    /** Folders whose files the build makes after the redirects (search index, data exports) or hosts read. */
    private static final List<String> RESERVED_FOLDERS = List.of("search/", "data/");

    /**
     * Adds to {@code files} a redirect page for every alias, and each host's configuration ({@link HostConfigs}:
     * the redirects, with the headers, the sources' links to their originals and the headers of particular paths
     * ({@code paths}: the archived texts' Memento headers, which change with the same edits, and types)). An alias is an error, at its
     * line, when its page would stand where the site has a file: a page in {@code taken}, a file in {@code files}
     * or {@code more}, a file the host reads ({@code _headers}, {@code robots.txt}, ...), or anything in the
     * folders the build fills later ({@code /search/}, {@code /data/}); or where one of those files is a folder
     * of its path ({@code /_headers/} would turn {@code _headers} into a folder).
     */
    public static void add(Iterable<? extends Item> items, Set<String> taken, Set<String> more, Map<String, byte[]> files,
                           SiteConfig site, java.util.SequencedMap<String, ? extends java.util.SequencedMap<String, String>> paths,
                           Diagnostics d) {
        String baseUrl = site.baseUrl();
        Set<String> generated = new java.util.HashSet<>(taken);
        generated.addAll(more);
        generated.addAll(files.keySet());
        java.util.SortedMap<String, String> redirects = new TreeMap<>();
        Map<String, byte[]> copies = new TreeMap<>();
        for (Item item : items) {
            for (Alias alias : item.aliases()) {
                String file = fileFor(alias.path());
                String target = Urls.of(item);
                String clash = clash(file, generated);
                if (clash == null && redirects.containsKey(alias.path())) clash = "another item's alias";
                if (clash != null) {
                    d.error(alias.origin().file(), alias.origin().line(), alias.origin().column(), "alias " + alias.path() + " would overwrite " + clash,
                            "an alias names an old URL that no longer has a page of its own; the site's pages, its files"
                                    + " and the paths hosts read (_headers, robots.txt, /search/, /data/) are never aliases");
                    continue;
                }
                if (!file.endsWith(".html")) {
                    // an old file stays the same kind of file: the item's file of that name, never a "Moved" page
                    String name = file.substring(file.lastIndexOf('/') + 1);
                    byte[] same = downloads(item).contains(name) ? files.get(target.substring(1) + name) : null;
                    if (same == null) {
                        d.error(alias.origin().file(), alias.origin().line(), "alias " + alias.path() + " names a file, and '"
                                        + item.id() + "' publishes no file '" + name + "' to serve there",
                                "alias the old page instead (" + alias.path().substring(0, alias.path().lastIndexOf('/') + 1)
                                        + "): its " + String.join(", ", downloads(item)) + " follow it; a file of the site is only ever"
                                        + " replaced by the same kind of file");
                        continue;
                    }
                    redirects.put(alias.path(), target + name);
                    copies.put(file, same);
                    continue;
                }
                redirects.put(alias.path(), target);
                files.put(file, page(baseUrl + target, target).getBytes(StandardCharsets.UTF_8));
                // the pages made from the item follow it, unless something else stands there now
                for (var e : derived(item, alias).entrySet()) {
                    String old = fileFor(e.getKey());
                    if (clash(old, generated) != null || redirects.containsKey(e.getKey())) continue;
                    redirects.put(e.getKey(), e.getValue());
                    files.put(old, page(baseUrl + e.getValue(), e.getValue()).getBytes(StandardCharsets.UTF_8));
                }
                if (!alias.path().endsWith("/")) continue;
                for (String name : downloads(item)) {
                    byte[] same = files.get(target.substring(1) + name);
                    String old = alias.path().substring(1) + name;
                    if (same == null || clash(old, generated) != null || redirects.containsKey("/" + old)) continue;
                    redirects.put("/" + old, target + name);
                    copies.put(old, same);
                }
            }
        }
        files.putAll(copies);
        List<Source> sources = new java.util.ArrayList<>();
        for (Item item : items) if (item instanceof Source s) sources.add(s);
        files.putAll(HostConfigs.files(HostRules.of(redirects, sources, paths, baseUrl, site.movedFrom())));
    }

    /** What a redirect page at {@code file} would overwrite (a phrase for the error), or null if nothing. */
    private static String clash(String file, Set<String> generated) {
        if (generated.contains(file)) return file.endsWith(".html") ? "the page " + urlFor(file) : "the file /" + file;
        if (HOST_FILES.contains(file)) return "/" + file + ", which hosts and crawlers read";
        for (String folder : RESERVED_FOLDERS) if (file.startsWith(folder)) return "a path in /" + folder + ", which the build fills";
        for (int slash = file.indexOf('/'); slash > 0; slash = file.indexOf('/', slash + 1)) {
            String above = file.substring(0, slash);
            if (generated.contains(above) || HOST_FILES.contains(above)) return "the file /" + above + " (it would become a folder)";
        }
        return null;
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
