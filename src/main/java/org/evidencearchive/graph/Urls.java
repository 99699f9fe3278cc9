package org.evidencearchive.graph;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

import org.evidencearchive.cite.ResolvedCitation;
import org.evidencearchive.content.Item;
import org.evidencearchive.content.Kind;

/** The URL scheme: every item's URL is a directory made from its kind and id. */
public final class Urls {
    private Urls() {}


    /** Returns the site-relative URL of an item, e.g. "/sources/my-id/". */
    public static String of(Item item) {
        return of(item.kind(), item.id());
    }

    /** Returns the site-relative URL of an item of a kind with an id. */
    public static String of(Kind kind, String id) {
        return "/" + kind.section() + "/" + id + "/";
    }

    /** Returns the URLs of the items whose files have errors, named in the corpus as "kind:id" ({@code Corpus.unparsed}). */
    public static java.util.Set<String> ofUnparsed(java.util.Collection<String> kindIds) {
        java.util.Set<String> out = new java.util.TreeSet<>();
        for (String kindId : kindIds) {
            String[] k = kindId.split(":", 2);
            out.add(of(Kind.of(k[0]).orElseThrow(), k[1]));
        }
        return out;
    }

    /**
     * Returns the pages made from an item beside its own (the claims index's page of a topic or of a speaker),
     * as paths relative to the item's id: an alias of the item moves them with it. Each is a URL of the form
     * {@code /claims/topic/ID/}; other kinds have none.
     */
    public static java.util.List<String> derived(Kind kind, String id) {
        return switch (kind) {
            case TOPIC -> java.util.List.of("/claims/topic/" + id + "/");
            case PERSON -> java.util.List.of("/claims/by/" + id + "/");
            default -> java.util.List.of();
        };
    }

    /** Returns the item page a derived page ({@link #derived}) is made from, or null for any other URL. */
    public static String derivedFrom(String url) {
        var m = DERIVED.matcher(url);
        if (!m.matches()) return null;
        return of(m.group(1).equals("topic") ? Kind.TOPIC : Kind.PERSON, m.group(2));
    }

    private static final java.util.regex.Pattern DERIVED = java.util.regex.Pattern.compile("/claims/(topic|by)/([a-z0-9-]+)/");

    /** Returns the site-relative URL of one version of a source's text: {@code /sources/ID/versions/<12 hex>/text.txt}. */
    public static String textVersion(org.evidencearchive.content.Source s, String sha256) {
        return of(s) + "versions/" + sha256.substring(0, 12) + "/text.txt";
    }

    /** Returns the site-relative URL of a source's Memento TimeMap. */
    public static String timeMap(org.evidencearchive.content.Source s) {
        return of(s) + "timemap.link";
    }

    /**
     * Returns the files a source's versions add beside its page, relative to it: its TimeMap and each version of
     * its text (the earlier texts its corrections keep, then the current one).
     */
    public static java.util.List<String> versionFiles(org.evidencearchive.content.Source s) {
        java.util.List<String> out = new java.util.ArrayList<>(java.util.List.of("timemap.link"));
        String dir = of(s);
        for (var c : s.corrections()) out.add(textVersion(s, c.previousSha256()).substring(dir.length()));
        out.add(textVersion(s, s.sha256()).substring(dir.length()));
        return out;
    }

    /** Returns the link to a cited passage: the paragraph anchor plus a text fragment. */
    public static String passage(ResolvedCitation rc) {
        return Urls.of(Kind.SOURCE, rc.sourceId()) + "#" + rc.anchor() + ":~:text=" + textFragment(rc.exact());
    }

    /** Returns a text directive for a passage: the whole passage, or its first and last words when long. */
    static String textFragment(String exact) {
        String one = exact.replaceAll("\\s+", " ").strip();
        String[] words = one.split(" ");
        if (words.length <= 8) return encodeDirective(one);
        String start = String.join(" ", java.util.Arrays.copyOfRange(words, 0, 4));
        String end = String.join(" ", java.util.Arrays.copyOfRange(words, words.length - 4, words.length));
        return encodeDirective(start) + "," + encodeDirective(end);
    }

    private static String encodeDirective(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20").replace("-", "%2D")
                .replace("*", "%2A");
    }
}
