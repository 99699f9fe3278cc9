package org.evidencearchive.publish;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import org.evidencearchive.check.Diagnostics;
import org.evidencearchive.config.SiteConfig;
import org.evidencearchive.content.Source;

/**
 * The ledgers committed in {@code site-config/}: every URL the site has published ({@code urls.txt}) and the
 * checksum of every archived text when it was first archived ({@code fixity.txt}). {@code archive ledger}
 * maintains both; editors never edit them by hand. A published URL must keep resolving (or be an alias), and
 * an archived text may only change through a recorded correction.
 */
public final class Ledger {
    /** The URL ledger's file name in site-config/. */
    public static final String URLS = "urls.txt";
    /** The fixity ledger's file name in site-config/. */
    public static final String FIXITY = "fixity.txt";

    private final Path dir;
    /** URL → line in urls.txt. */
    private final Map<String, Integer> urls = new LinkedHashMap<>();
    /** The host the site was published at (its {@code host} line), or null when none is recorded. */
    private String host;
    private int hostLine;
    /** source id → (sha256, line) in fixity.txt. */
    private final Map<String, Map.Entry<String, Integer>> fixity = new LinkedHashMap<>();
    /**
     * The pages ({@code /sources/<id>/}) of texts that {@link #checkFixity} found changed without a recorded
     * correction: their versions' URLs are not reported again by {@link #checkUrls} (recording the correction
     * restores them).
     */
    private final Set<String> unrecorded = java.util.concurrent.ConcurrentHashMap.newKeySet();

    private Ledger(Path dir) {
        this.dir = dir;
    }

    /** Reads both ledgers from a site-config folder (missing files are empty ledgers). */
    public static Ledger read(Path siteConfig) throws IOException {
        Ledger l = new Ledger(siteConfig);
        Path u = siteConfig.resolve(URLS);
        if (Files.isRegularFile(u)) {
            int n = 0;
            for (String line : Files.readAllLines(u, StandardCharsets.UTF_8)) {
                n++;
                if (line.startsWith(HOST)) {
                    l.host = line.substring(HOST.length()).strip();
                    l.hostLine = n;
                } else if (!line.isBlank() && !line.startsWith("#")) {
                    l.urls.put(line.strip(), n);
                }
            }
        }
        Path f = siteConfig.resolve(FIXITY);
        if (Files.isRegularFile(f)) {
            int n = 0;
            for (String line : Files.readAllLines(f, StandardCharsets.UTF_8)) {
                n++;
                String[] parts = line.strip().split("\\s+");
                if (parts.length == 2 && !line.startsWith("#")) l.fixity.put(parts[0], Map.entry(parts[1], n));
            }
        }
        return l;
    }

    /** The start of the line of urls.txt that records the host the URLs were published at. */
    private static final String HOST = "host ";

    /** Returns the host the site was published at, as recorded, or null. */
    public String host() {
        return host;
    }

    /**
     * Reports a site built for another host than the one its URLs were published at, unless the settings record
     * the move ({@code moved_from}): every citation of the site names its host, so changing it is a decision. A
     * preview is built for no host, and checks nothing.
     */
    public void checkHost(SiteConfig site, String settings, String display, Diagnostics d) {
        if (site.preview() || host == null || host.equals(site.host())) return;
        for (String old : site.movedFrom()) if (SiteConfig.hostOf(old).equals(host)) return;
        d.error(settings, site.baseUrlLine(), "base_url's host " + site.host() + " is not " + host + ", where this site's URLs were"
                        + " published (" + display + "/" + URLS + ":" + hostLine + ")",
                "to move the site, add 'moved_from: [https://" + host + "]' (each old host then answers with a 301 to the same"
                        + " path on the new one; see the README's Publish section), or set base_url back");
    }

    /** Returns the published URLs on record. */
    public Set<String> urls() {
        return urls.keySet();
    }

    /** Returns the ids of the sources whose texts are on record (published). */
    public Set<String> archivedTexts() {
        return fixity.keySet();
    }

    /** A source's TimeMap or a version of its text: files that follow the source's page, as its downloads do. */
    private static final java.util.regex.Pattern VERSION_FILE = java.util.regex.Pattern.compile("/sources/[^/]+/(versions/[^/]+/text\\.txt|timemap\\.link)");

    /** Reports every published URL that the new build no longer serves. */
    public void checkUrls(Set<String> files, String display, Diagnostics d) {
        checkUrls(files, display, d, Set.of());
    }

    /**
     * {@link #checkUrls(Set, String, Diagnostics)}, but not the URLs of items whose files have errors
     * ({@code unparsed}: "kind:id", as the corpus names them): an item that cannot be read has no page, and its error,
     * reported at its file, is what to fix; its URLs are checked again once it reads.
     */
    public void checkUrls(Set<String> files, String display, Diagnostics d, java.util.Collection<String> unparsed) {
        Set<String> broken = org.evidencearchive.graph.Urls.ofUnparsed(unparsed);
        for (var e : urls.entrySet()) {
            if (!files.contains(Redirects.fileFor(e.getKey()))) {
                String url = e.getKey();
                String from = org.evidencearchive.graph.Urls.derivedFrom(url);
                if (broken.stream().anyMatch(b -> url.startsWith(b) || b.equals(from))) continue;
                // a page made from an item (/claims/topic/ID/) follows the item's alias: the item's own URL is reported
                if (from != null && urls.containsKey(from) && !files.contains(Redirects.fileFor(from))) continue;
                if (VERSION_FILE.matcher(url).matches() && unrecorded.contains(url.substring(0, url.indexOf('/', "/sources/".length()) + 1))) {
                    continue; // reported as a change without a correction
                }
                String name = url.substring(url.lastIndexOf('/') + 1);
                // a page's files follow its alias: name the page, not each file
                String alias = VERSION_FILE.matcher(url).matches() ? url.replaceFirst("(versions/[^/]+/text\\.txt|timemap\\.link)$", "")
                        : Redirects.DOWNLOADS.contains(name) ? url.substring(0, url.length() - name.length()) : url;
                if (!alias.equals(url)) name = url.substring(alias.length());
                d.error(display + "/" + URLS, e.getValue(), "published URL " + url + " would no longer resolve",
                        "if the item moved or its id changed, add 'aliases: [" + alias + "]' to it"
                                + (alias.equals(url) ? "" : " (its " + name + " follows the page)")
                                + (name.startsWith("versions/") ? "; a version of a text stays published: keep the correction that"
                                + " names it, with its previous_text" : "") + "; published URLs never break");
            }
        }
    }

    /**
     * Reports every archived text that changed since it was archived without a recorded correction. A checksum is
     * recorded for a text's URL ({@code /sources/<id>/text.txt}) and binds whichever source serves that URL now:
     * the source of that id, or a renamed source whose alias keeps the old URL (so a rename cannot shed the record).
     */
    public void checkFixity(Iterable<Source> sources, Diagnostics d) {
        Map<String, Source> servedBy = new LinkedHashMap<>();
        Map<String, org.evidencearchive.content.Origin> via = new LinkedHashMap<>();
        for (Source s : sources) {
            servedBy.put(org.evidencearchive.graph.Urls.of(s) + "text.txt", s);
            for (var alias : s.aliases()) {
                for (var e : Redirects.aliasedPaths(s, alias).entrySet()) {
                    if (e.getKey().endsWith("/text.txt") && e.getValue().endsWith("/text.txt")) {
                        servedBy.putIfAbsent(e.getKey(), s);
                        via.putIfAbsent(e.getKey(), alias.origin());
                    }
                }
            }
        }
        for (var e : fixity.entrySet()) {
            String id = e.getKey();
            String recorded = e.getValue().getKey();
            String url = "/sources/" + id + "/text.txt";
            Source s = servedBy.get(url);
            if (s == null) continue; // a text no longer served: the URL ledger reports its URL
            Set<String> known = new TreeSet<>();
            known.add(s.sha256());
            s.corrections().forEach(c -> known.add(c.previousSha256()));
            if (known.contains(recorded)) continue;
            unrecorded.add("/sources/" + id + "/");
            boolean renamed = !s.id().equals(id);
            var at = renamed && via.containsKey(url) ? via.get(url) : s.origin();
            d.error(at.file(), at.line(), "the archived text of '" + s.id() + "' has changed since it was archived"
                            + (renamed ? " as '" + id + "' (its alias keeps " + url + ")" : "")
                            + " (" + recorded.substring(0, 12) + "…) without a recorded correction",
                    "record the change under 'corrections:' (date, what, why, previous_sha256: " + recorded + ")"
                            + (renamed ? "; a renamed source keeps the checksum of the text it was archived with" : ""));
        }
    }

    /** Adds the given URLs and any new sources' checksums to the ledgers and writes them; returns how many URLs were new. */
    public int update(Set<String> builtUrls, Iterable<Source> sources, SiteConfig site) throws IOException {
        Set<String> all = new TreeSet<>(urls.keySet());
        int before = all.size();
        all.addAll(builtUrls);
        StringBuilder u = new StringBuilder("# Every URL this site has published. Maintained by ./archive ledger; do not edit.\n");
        String at = site.preview() ? host : site.host(); // a preview publishes nowhere: the recorded host stays
        if (at != null) u.append(HOST).append(at).append('\n');
        all.forEach(x -> u.append(x).append('\n'));
        Files.writeString(dir.resolve(URLS), u.toString());
        Map<String, String> sums = new TreeMap<>();
        fixity.forEach((id, e) -> sums.put(id, e.getKey()));
        for (Source s : sources) sums.putIfAbsent(s.id(), s.sha256());
        StringBuilder f = new StringBuilder("# SHA-256 of each archived text when it was archived. Maintained by ./archive ledger; do not edit.\n");
        sums.forEach((id, sha) -> f.append(id).append(' ').append(sha).append('\n'));
        Files.writeString(dir.resolve(FIXITY), f.toString());
        return all.size() - before;
    }

    /** Page 2, 3, … of an index: their contents shift as the archive grows, so they are not promised to last. */
    private static final java.util.regex.Pattern NUMBERED_PAGE = java.util.regex.Pattern.compile("([a-z]+/)*[a-z0-9-]+/page/[0-9]+/index\\.html");

    /**
     * Returns the URLs of a build that belong in the ledger: pages, feeds, data files and archived texts (not the
     * numbered pages of a long index, nor the gzip twins of files; {@code data/archive.warc.gz} is a file of its own).
     */
    public static Set<String> publishable(Set<String> files) {
        Set<String> out = new TreeSet<>();
        for (String f : files) {
            if (f.startsWith("css/") || f.startsWith("js/") || f.startsWith("search/") && !f.equals("search/index.html")
                    || f.startsWith("_") || f.startsWith(".") || isTwin(f, files) || f.equals("404.html") || f.startsWith("fonts/") || NUMBERED_PAGE.matcher(f).matches()) {
                continue;
            }
            out.add(Redirects.urlFor(f));
        }
        return out;
    }

    /** Whether a file is the gzip twin of another file of the build (not a gzip file of its own, as the WARC export). */
    private static boolean isTwin(String f, Set<String> files) {
        return f.endsWith(Precompressed.GZ) && files.contains(Precompressed.original(f));
    }
}
