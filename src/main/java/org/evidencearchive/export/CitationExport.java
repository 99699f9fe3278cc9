package org.evidencearchive.export;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.evidencearchive.content.Claim;
import org.evidencearchive.content.Commentary;
import org.evidencearchive.cite.ResolvedCitation;
import org.evidencearchive.content.Ref;
import org.evidencearchive.content.Source;
import org.evidencearchive.evidence.FigurePeriod;
import org.evidencearchive.evidence.FigureText;
import org.evidencearchive.graph.Archive;
import org.evidencearchive.graph.RichText;
import org.evidencearchive.graph.Urls;

/**
 * Machine-readable citations: {@code /data/claims.json} (every claim with its citations) and
 * {@code /data/annotations.jsonld} (every citation of a claim or commentary as a W3C Web Annotation). Offsets count
 * Unicode code points in the archived text as published at {@code /sources/<id>/text.txt}; the end offset is exclusive.
 */
public final class CitationExport {
    private CitationExport() {}

    /** Returns the export files, path relative to the site root → bytes. */
    public static Map<String, byte[]> files(Archive archive, String baseUrl, Licensing licensing) {
        return files(archive, baseUrl, licensing, org.evidencearchive.graph.Identifiers.NONE);
    }

    /** Returns the export files, each claim in claims.json with its persistent identifier when it has one. */
    public static Map<String, byte[]> files(Archive archive, String baseUrl, Licensing licensing, org.evidencearchive.graph.Identifiers ids) {
        Map<String, byte[]> out = new TreeMap<>();
        out.put("data/claims.json", Json.bytes(claims(archive, licensing, ids)));
        out.put("data/annotations.jsonld", Json.bytes(annotations(archive, baseUrl, licensing)));
        return out;
    }

    /** Returns the offset of a UTF-16 index as a count of code points. */
    static int codePoints(String text, int index) {
        return text.codePointCount(0, index);
    }

    private static Map<String, Object> citation(Archive archive, ResolvedCitation rc) {
        Source s = archive.source(rc.sourceId()).orElseThrow();
        String raw = s.text().raw();
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("source", s.id());
        c.put("sourceUrl", Urls.of(s));
        c.put("paragraph", rc.anchor());
        c.put("quote", rc.exact());
        c.put("start", codePoints(raw, rc.start()));
        c.put("end", codePoints(raw, rc.end()));
        c.put("href", Urls.passage(rc));
        return c;
    }

    private static Map<String, Object> claims(Archive archive, Licensing licensing, org.evidencearchive.graph.Identifiers ids) {
        List<Object> list = new ArrayList<>();
        for (Claim c : archive.claims()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("id", c.id());
            m.put("url", Urls.of(c));
            if (ids.of(c) != null) m.put("identifier", ids.of(c).url());
            m.put("statement", c.statement());
            m.put("kind", c.claimKind().word());
            if (c.date() != null) m.put("date", c.date().value());
            m.put("topics", c.topics().stream().map(Ref::id).toList());
            m.put("by", c.by().stream().map(Ref::id).toList());
            if (c.figure() != null) {
                Map<String, Object> f = new LinkedHashMap<>();
                f.put("value", c.figure().value());
                f.put("qualifier", c.figure().qualifier().id());
                f.put("unit", c.figure().unit());
                f.put("measure", c.figure().measure());
                f.put("measureName", archive.corpus().measures().label(c.figure().measure()));
                if (c.figure().period() != null) f.put("period", c.figure().period().value());
                if (c.figure().periodText() != null) f.put("periodText", c.figure().periodText());
                FigurePeriod.of(c, archive).filter(p -> p.range() != null).ifPresent(p -> {
                    Map<String, Object> range = new LinkedHashMap<>();
                    range.put("earliest", p.earliest() == null ? null : String.valueOf(p.earliest()));
                    range.put("latest", p.latest() == null ? null : String.valueOf(p.latest()));
                    if (p.basis() != null) range.put("basis", p.basis());
                    f.put("periodRange", range);
                });
                f.put("text", FigureText.value(c.figure()));
                m.put("figure", f);
            }
            m.put("citations", archive.citations(c).stream().map(rc -> citation(archive, rc)).toList());
            m.put("relations", c.relations().stream().map(r -> Json.ordered("type", r.type().word(), "claim", r.claim().id())).toList());
            list.add(m);
        }
        Map<String, Object> root = new LinkedHashMap<>(licensing.fields());
        root.put("claims", list);
        return root;
    }

    /**
     * The citations as W3C Web Annotations. Each targets the passage twice: in the archived text as published
     * ({@code text.txt}, {@code text/plain}), where a TextQuoteSelector and a TextPositionSelector select it (the
     * offsets count code points of that file, so any consumer can check them against the bytes it fetches), and
     * in the source's page ({@code text/html}), where a FragmentSelector names the paragraph's anchor, refined by
     * the quote. A claim's body is its statement (a TextualBody, without an id) and its page; a commentary's body
     * is its page.
     */
    private static Map<String, Object> annotations(Archive archive, String base, Licensing licensing) {
        List<Object> items = new ArrayList<>();
        for (Claim c : archive.claims()) {
            int n = 0;
            for (ResolvedCitation rc : archive.citations(c)) {
                Map<String, Object> statement = new LinkedHashMap<>();
                statement.put("type", "TextualBody");
                statement.put("purpose", "describing");
                statement.put("value", c.statement());
                statement.put("format", "text/plain");
                items.add(annotation(archive, base, base + Urls.of(c) + "#citation-" + (++n), "describing",
                        List.of(statement, page(base + Urls.of(c))), rc, licensing));
            }
        }
        for (Commentary c : archive.commentary()) {
            RichText body = archive.rich(c.body());
            if (body == null) continue;
            int n = 0;
            for (ResolvedCitation rc : body.citations()) {
                if (rc == null) continue; // a quote not found: an error of the check, and no annotation
                items.add(annotation(archive, base, base + Urls.of(c) + "#citation-" + (++n), "commenting",
                        List.of(page(base + Urls.of(c))), rc, licensing));
            }
        }
        String id = base + "/data/annotations.jsonld";
        Map<String, Object> page = new LinkedHashMap<>();
        page.put("id", id + "#page-1");
        page.put("type", "AnnotationPage");
        page.put("partOf", id);
        page.put("startIndex", 0);
        page.put("items", items);
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("@context", "http://www.w3.org/ns/anno.jsonld");
        root.put("id", id);
        root.put("type", "AnnotationCollection");
        root.put("label", "Citations of the archive's claims and commentary, as W3C Web Annotations");
        root.put("rights", licensing.url());
        root.put("total", items.size());
        root.put("first", page);
        root.put("last", id + "#page-1");
        return root;
    }

    private static Map<String, Object> page(String url) {
        return Json.ordered("id", url, "type", "Text", "format", "text/html");
    }

    private static Map<String, Object> annotation(Archive archive, String base, String id, String motivation,
                                                  List<Object> bodies, ResolvedCitation rc, Licensing licensing) {
        Source s = archive.source(rc.sourceId()).orElseThrow();
        String raw = s.text().raw();
        Map<String, Object> quote = new LinkedHashMap<>();
        quote.put("type", "TextQuoteSelector");
        quote.put("exact", rc.exact());
        quote.put("prefix", rc.prefix());
        quote.put("suffix", rc.suffix());
        Map<String, Object> position = new LinkedHashMap<>();
        position.put("type", "TextPositionSelector");
        position.put("start", codePoints(raw, rc.start()));
        position.put("end", codePoints(raw, rc.end()));
        Map<String, Object> text = new LinkedHashMap<>();
        text.put("type", "SpecificResource");
        text.put("source", Json.ordered("id", base + Urls.of(s) + "text.txt", "type", "Text", "format", "text/plain"));
        text.put("selector", List.of(quote, position));
        Map<String, Object> fragment = new LinkedHashMap<>();
        fragment.put("type", "FragmentSelector");
        fragment.put("conformsTo", "http://tools.ietf.org/rfc/rfc3986");
        fragment.put("value", rc.anchor());
        fragment.put("refinedBy", Json.ordered("type", "TextQuoteSelector", "exact", rc.exact()));
        Map<String, Object> html = new LinkedHashMap<>();
        html.put("type", "SpecificResource");
        html.put("source", Json.ordered("id", base + Urls.of(s), "type", "Text", "format", "text/html"));
        html.put("selector", fragment);
        Map<String, Object> a = new LinkedHashMap<>();
        a.put("id", id);
        a.put("type", "Annotation");
        a.put("motivation", motivation);
        a.put("rights", licensing.url());
        a.put("body", bodies);
        a.put("target", List.of(text, html));
        return a;
    }
}
