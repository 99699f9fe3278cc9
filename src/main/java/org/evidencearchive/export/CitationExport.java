package org.evidencearchive.export;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.evidencearchive.content.Claim;
import org.evidencearchive.cite.ResolvedCitation;
import org.evidencearchive.content.Ref;
import org.evidencearchive.content.Source;
import org.evidencearchive.evidence.FigurePeriod;
import org.evidencearchive.evidence.FigureText;
import org.evidencearchive.graph.Archive;
import org.evidencearchive.graph.Urls;

/**
 * Machine-readable citations: {@code /data/claims.json} (every claim with its citations) and
 * {@code /data/annotations.jsonld} (every citation as a W3C Web Annotation). Offsets count Unicode code points
 * in the archived text as published at {@code /sources/<id>/text.txt}; the end offset is exclusive.
 */
public final class CitationExport {
    private CitationExport() {}

    /** Returns the export files, path relative to the site root → bytes. */
    public static Map<String, byte[]> files(Archive archive, String baseUrl) {
        Map<String, byte[]> out = new TreeMap<>();
        out.put("data/claims.json", Json.bytes(claims(archive)));
        out.put("data/annotations.jsonld", Json.bytes(annotations(archive, baseUrl)));
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

    private static Map<String, Object> claims(Archive archive) {
        List<Object> list = new ArrayList<>();
        for (Claim c : archive.claims()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("id", c.id());
            m.put("url", Urls.of(c));
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
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("claims", list);
        return root;
    }

    private static Map<String, Object> annotations(Archive archive, String base) {
        List<Object> items = new ArrayList<>();
        for (Claim c : archive.claims()) {
            int n = 0;
            for (ResolvedCitation rc : archive.citations(c)) {
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
                Map<String, Object> target = new LinkedHashMap<>();
                target.put("source", base + Urls.of(s));
                target.put("selector", List.of(quote, position));
                Map<String, Object> a = new LinkedHashMap<>();
                a.put("id", base + Urls.of(c) + "#citation-" + (++n));
                a.put("type", "Annotation");
                a.put("motivation", "linking");
                a.put("body", Json.ordered("id", base + Urls.of(c), "type", "TextualBody", "value", c.statement(), "format", "text/plain"));
                a.put("target", target);
                items.add(a);
            }
        }
        Map<String, Object> page = new LinkedHashMap<>();
        page.put("type", "AnnotationPage");
        page.put("items", items);
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("@context", "http://www.w3.org/ns/anno.jsonld");
        root.put("id", base + "/data/annotations.jsonld");
        root.put("type", "AnnotationCollection");
        root.put("label", "Citations of the archive's claims, as W3C Web Annotations");
        root.put("total", items.size());
        root.put("first", page);
        return root;
    }
}
