package org.evidencearchive.render;

import java.util.List;
import java.util.Set;
import java.util.function.Function;

import com.vladsch.flexmark.html.HtmlRenderer;
import com.vladsch.flexmark.parser.Parser;
import com.vladsch.flexmark.util.ast.Document;
import com.vladsch.flexmark.util.ast.Node;
import com.vladsch.flexmark.util.data.MutableDataSet;
import org.evidencearchive.check.Diagnostics;
import org.evidencearchive.cite.InlineCitations;
import org.evidencearchive.cite.ResolvedCitation;
import org.evidencearchive.graph.RichText;

/**
 * Editors' Markdown to HTML with flexmark. Raw HTML is not allowed (reported, and escaped if it slipped
 * through); internal links must point at pages and anchors that exist.
 */
public final class Markdown {
    private final Parser parser;
    private final HtmlRenderer renderer;

    /** Creates a renderer with CommonMark defaults and HTML escaping. */
    public Markdown() {
        MutableDataSet options = new MutableDataSet();
        options.set(HtmlRenderer.ESCAPE_HTML, true);
        options.set(HtmlRenderer.SOFT_BREAK, " ");
        this.parser = Parser.builder(options).build();
        this.renderer = HtmlRenderer.builder(options).build();
    }

    /** Checks a body for raw HTML and broken internal links, reporting each at its line; {@code page} is where it is shown. */
    public void check(RichText text, String page, Set<String> targets, Diagnostics diagnostics) {
        check(text, page, targets::contains, () -> targets, diagnostics);
    }

    /**
     * Checks a body shown on the page at site path {@code page} against the site's link targets, given as a
     * test ({@code isTarget}) and, for suggestions when a link is broken, the list of them.
     */
    public void check(RichText text, String page, java.util.function.Predicate<String> isTarget,
                      java.util.function.Supplier<java.util.Collection<String>> targets, Diagnostics diagnostics) {
        Document doc = parser.parse(text.markdown());
        String file = text.body().origin().file();
        int first = text.body().origin().line();
        BodyLinks links = new BodyLinks(doc, text, page, isTarget, targets, diagnostics);
        java.util.Set<Integer> htmlLines = new java.util.HashSet<>();
        Node tooDeep = walk(doc, node -> {
            int line = first + node.getLineNumber();
            if ((node instanceof com.vladsch.flexmark.ast.HtmlInline || node instanceof com.vladsch.flexmark.ast.HtmlInlineComment)
                    && !htmlLines.add(line)) {
                return; // one report per line: an opening and a closing tag are one mistake
            }
            if (node instanceof com.vladsch.flexmark.ast.HtmlBlock || node instanceof com.vladsch.flexmark.ast.HtmlInline
                    || node instanceof com.vladsch.flexmark.ast.HtmlCommentBlock
                    || node instanceof com.vladsch.flexmark.ast.HtmlInlineComment) {
                diagnostics.error(file, line, "raw HTML is not allowed: " + node.getChars().toString().strip(),
                        "use Markdown instead (emphasis, links, lists, quotes); HTML in content is never published");
            } else {
                links.check(node);
            }
        });
        if (tooDeep != null) {
            diagnostics.error(file, first + tooDeep.getLineNumber(), "Markdown nested too deeply: more than "
                            + MAX_TREE_DEPTH + " levels of emphasis, links, quotes or lists",
                    "unnest the emphasis marks (* and _): each opened one must be closed before the next opens");
        }
    }

    /**
     * The deepest a body's syntax tree may be. Rendering recurses once per level, so a deeper tree (which the
     * source screen cannot see: emphasis nested as {@code *a _b *c …}) is an error, found here without recursion
     * and reported before anything is rendered. Block nesting stops well before, at {@code Screen.MAX_DEPTH}.
     */
    static final int MAX_TREE_DEPTH = 100;

    /**
     * Visits the nodes under {@code root} in document order, without recursion; returns the first node deeper
     * than {@link #MAX_TREE_DEPTH} (whose subtree is not visited), or null.
     */
    private static Node walk(Node root, java.util.function.Consumer<Node> visit) {
        Node node = root.getFirstChild();
        int depth = 1;
        while (node != null) {
            visit.accept(node);
            if (node.getFirstChild() != null) {
                if (depth == MAX_TREE_DEPTH) return node.getFirstChild();
                node = node.getFirstChild();
                depth++;
                continue;
            }
            while (node != root && node.getNext() == null) {
                node = node.getParent();
                depth--;
            }
            node = node == root ? null : node.getNext();
        }
        return null;
    }

    /** Renders a body to HTML, putting each citation's markup in place of its placeholder. */
    public String render(RichText text, Function<ResolvedCitation, String> citationMarkup) {
        String html = renderer.render(parser.parse(text.markdown()));
        List<ResolvedCitation> cites = text.citations();
        return InlineCitations.substitute(html, i -> {
            ResolvedCitation rc = cites.get(i);
            return rc == null ? "" : citationMarkup.apply(rc);
        });
    }
}
