package org.evidencearchive.export;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.evidencearchive.content.Source;
import org.evidencearchive.graph.Urls;

/**
 * {@code /data/fixity.json}: every archived text with its SHA-256, size, the stable URL of this version, its
 * TimeMap, and its recorded corrections (each with the URL of the text it replaced).
 */
public final class FixityExport {
    private FixityExport() {}

    /** Returns the fixity manifest as JSON bytes. */
    public static byte[] json(Iterable<Source> sources, String baseUrl, Licensing licensing) {
        return json(sources, baseUrl, licensing, org.evidencearchive.graph.Identifiers.NONE);
    }

    /** Returns the fixity manifest, each source with its persistent identifier when it has one. */
    public static byte[] json(Iterable<Source> sources, String baseUrl, Licensing licensing, org.evidencearchive.graph.Identifiers ids) {
        List<Object> list = new ArrayList<>();
        for (Source s : sources) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("id", s.id());
            m.put("url", baseUrl + Urls.of(s));
            if (ids.of(s) != null) m.put("identifier", ids.of(s).url());
            m.put("text", baseUrl + Urls.of(s) + "text.txt");
            m.put("sha256", s.sha256());
            m.put("bytes", s.text().raw().getBytes(StandardCharsets.UTF_8).length);
            m.put("version", baseUrl + Urls.textVersion(s, s.sha256()));
            m.put("timemap", baseUrl + Urls.timeMap(s));
            List<Object> corrections = new ArrayList<>();
            for (Source.Correction c : s.corrections()) {
                Map<String, Object> cm = new LinkedHashMap<>();
                cm.put("date", c.date().value());
                cm.put("what", c.what());
                cm.put("why", c.why());
                cm.put("previousSha256", c.previousSha256());
                cm.put("previousText", baseUrl + Urls.textVersion(s, c.previousSha256()));
                corrections.add(cm);
            }
            m.put("corrections", corrections);
            list.add(m);
        }
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("algorithm", "SHA-256");
        root.put("note", "Checksums of the archived texts exactly as published at each 'text' URL; verify with sha256sum.");
        root.putAll(licensing.fields());
        root.put("sources", list);
        return Json.bytes(root);
    }
}
