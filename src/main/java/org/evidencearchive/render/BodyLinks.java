package org.evidencearchive.render;

import java.util.List;
import java.util.Collection;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.function.Predicate;
import java.util.function.Supplier;

import com.vladsch.flexmark.ast.AutoLink;
import com.vladsch.flexmark.ast.Image;
import com.vladsch.flexmark.ast.ImageRef;
import com.vladsch.flexmark.ast.LinkNodeBase;
import com.vladsch.flexmark.ast.MailLink;
import com.vladsch.flexmark.ast.RefNode;
import com.vladsch.flexmark.ast.Reference;
import com.vladsch.flexmark.util.ast.Document;
import com.vladsch.flexmark.util.ast.Node;
import com.vladsch.flexmark.util.sequence.BasedSequence;
import org.evidencearchive.check.Diagnostics;
import org.evidencearchive.check.Suggestions;
import org.evidencearchive.publish.LinkChecker;
import org.evidencearchive.graph.RichText;

/**
 * The rules for the URLs of one Markdown body, applied to every way Markdown writes one (inline links and
 * images, reference links and images through their definitions, autolinks), to the URL a browser would follow
 * (entities and backslash escapes decoded, tabs and newlines dropped): a link goes to an {@code http(s)} or
 * {@code mailto:} address or to a page or paragraph of this site; an image is a file of this site. A relative
 * URL is resolved against the body's page, as the browser will. Each problem is reported where the URL is
 * written ({@code file:line:column} of its first character), once.
 */
final class BodyLinks {
    private static final Set<String> LINK_SCHEMES = Set.of("http", "https", "mailto");

    private final Document doc;
    private final RichText text;
    private final String page;
    private final Predicate<String> isTarget;
    private final Supplier<Collection<String>> targets;
    private final Diagnostics diagnostics;
    private final Set<String> reported = new HashSet<>();

    /**
     * Checks the links of {@code doc}, parsed from {@code text}'s Markdown, which is shown on the page at
     * site path {@code page} ({@code /topics/id/}).
     */
    BodyLinks(Document doc, RichText text, String page, Predicate<String> isTarget, Supplier<Collection<String>> targets,
              Diagnostics diagnostics) {
        this.doc = doc;
        this.text = text;
        this.page = page;
        this.isTarget = isTarget;
        this.targets = targets;
        this.diagnostics = diagnostics;
    }

    /** Checks a node if it is a link or an image (a reference is checked where it is used); other nodes are ignored. */
    void check(Node node) {
        if (node instanceof MailLink) return; // <name@host>: always mailto:
        boolean image = node instanceof Image || node instanceof ImageRef;
        if (node instanceof RefNode ref) {
            Reference definition = ref.isDefined() ? ref.getReferenceNode(doc) : null;
            if (definition != null) check(definition, definition.getUrl(), image);
        } else if (node instanceof AutoLink auto) {
            check(auto, auto.getText(), false);
        } else if (node instanceof LinkNodeBase link) {
            check(link, link.getUrl(), image);
        }
    }

    private void check(Node node, BasedSequence written, boolean image) {
        String url = decoded(written);
        String lower = url.toLowerCase(Locale.ROOT);
        String problem = null;
        String hint = null;
        if (LinkChecker.hasScheme(url) || lower.startsWith("//")) {
            String scheme = lower.startsWith("//") ? "" : lower.substring(0, lower.indexOf(':'));
            if (image && LinkChecker.isOtherHost(url)) {
                problem = "image from another host: " + url;
                hint = "put the image in assets/ and write its path (/img/chart.png): pages load nothing from other hosts";
            } else if (image || !(scheme.isEmpty() || LINK_SCHEMES.contains(scheme))) {
                problem = "link scheme not allowed: " + url;
                hint = image ? "an image is a file of this site, e.g. /img/chart.png"
                        : "links go to http(s) or mailto: addresses, or to pages of this archive (/sources/<id>/#p4)";
            }
        } else {
            Problem found = internal(url);
            if (found != null) {
                problem = found.message();
                hint = found.hint();
            }
        }
        if (problem == null) return;
        int offset = written.getStartOffset();
        int line = doc.getLineNumber(offset);
        String key = line + ":" + offset + ":" + problem;
        if (reported.add(key)) {
            diagnostics.error(text.body().origin().file(), text.body().origin().line() + line, column(node, offset), problem, hint);
        }
    }

    private record Problem(String message, String hint) {}

    /** The number of a paragraph anchor (#p12a → 12), for ordering them. */
    private static int number(String anchor) {
        String digits = anchor.replaceAll("\\D", "");
        return digits.isEmpty() ? 0 : Integer.parseInt(digits);
    }

    /** The problem of a link without a scheme (a path of this site, or relative to the page), or null. */
    private Problem internal(String url) {
        LinkChecker.Target t = LinkChecker.target(page.substring(1), url);
        if (!t.samePage() && t.path() == null) {
            return new Problem("link to a page that does not exist: " + url, "the path climbs above the site's root");
        }
        String path = t.samePage() ? page : "/" + t.path();
        String fragment = t.fragment() == null || t.fragment().isEmpty() ? "" : "#" + t.fragment();
        if (!path.endsWith("/") && !path.contains(".")) path = path + "/";
        if (!isTarget.test(path)) {
            // the pages of its section first (/people/…), then any
            String section = path.replaceFirst("^(/[^/]+/).*", "$1");
            List<String> pages = targets.get().stream().filter(u -> !u.contains("#")).toList();
            List<String> near = pages.stream().filter(u -> u.startsWith(section) && !u.equals(section)).toList();
            return new Problem("link to a page that does not exist: " + url,
                    Suggestions.didYouMean(path, near.isEmpty() ? pages : near, near.isEmpty() ? "pages" : "pages under " + section));
        }
        if (!fragment.isEmpty() && !isTarget.test(path + fragment)) {
            String base = path;
            List<String> paragraphs = targets.get().stream().filter(u -> u.startsWith(base + "#p"))
                    .map(u -> u.substring(base.length())).sorted(java.util.Comparator.comparingInt(BodyLinks::number)).toList();
            return new Problem("link to an anchor that does not exist: " + url, paragraphs.isEmpty() ? "source paragraphs are #p1, #p2, …"
                    : "its paragraphs are " + paragraphs.get(0) + " to " + paragraphs.get(paragraphs.size() - 1));
        }
        return null;
    }

    /**
     * The URL as a browser reads it: character references and backslash escapes decoded, leading and trailing
     * spaces and control characters removed, tabs and newlines dropped (the WHATWG URL parser ignores them).
     */
    static String decoded(BasedSequence written) {
        String s = written.unescape();
        int start = 0;
        int end = s.length();
        while (start < end && s.charAt(start) <= ' ') start++;
        while (end > start && s.charAt(end - 1) <= ' ') end--;
        return s.substring(start, end).replace("\t", "").replace("\n", "").replace("\r", "");
    }

    /**
     * The 1-based column, in the file, of the character at {@code offset} of the body's Markdown: found by
     * looking up, on the file's line, the text from the node's start (or the line's) to that character, since
     * the Markdown checked has placeholders in place of citations; the Markdown's own column if not found.
     */
    private int column(Node node, int offset) {
        String md = text.markdown();
        int lineStart = md.lastIndexOf('\n', offset - 1) + 1;
        int from = Math.max(lineStart, Math.min(node.getStartOffset(), offset));
        String before = md.substring(from, offset);
        String[] raw = text.body().markdown().split("\n", -1);
        int line = doc.getLineNumber(offset);
        if (line < raw.length) {
            int at = before.isEmpty() ? -1 : raw[line].indexOf(before);
            if (at >= 0) return at + before.length() + 1;
        }
        return offset - lineStart + 1;
    }
}
