package org.evidencearchive.reference;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.evidencearchive.export.Json;

/** Reference-manager downloads of one reference: BibTeX, RIS and CSL-JSON. */
public final class Exports {
    private Exports() {}

    /** Escapes TeX specials in a BibTeX field value. */
    static String tex(String s) {
        StringBuilder out = new StringBuilder();
        for (char c : s.toCharArray()) {
            switch (c) {
                case '\\' -> out.append("\\textbackslash{}");
                case '{', '}', '%', '&', '$', '#', '_' -> out.append('\\').append(c);
                case '~' -> out.append("\\textasciitilde{}");
                case '^' -> out.append("\\textasciicircum{}");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    /** Returns a BibTeX entry (biblatex-friendly, UTF-8). */
    public static String bibtex(Reference r) {
        boolean article = r.type() == Reference.Type.NEWSPAPER_ARTICLE && r.container() != null;
        String key = r.id().replaceAll("[^a-z0-9]", "") + (r.pinpoint() == null ? "" : "p" + r.pinpoint());
        Map<String, String> f = new LinkedHashMap<>();
        f.put("title", tex(r.titleSupplied() ? "[" + r.title() + "]" : r.title()));
        if (r.corporateAuthor() != null) f.put("author", "{" + tex(r.corporateAuthor()) + "}");
        else if (!r.authors().isEmpty()) f.put("author", tex(String.join(" and ", r.authors())));
        if (article) f.put("journal", tex(r.container()));
        if (r.issued() != null) {
            f.put("year", r.issued().substring(0, 4));
            f.put("date", r.issued());
        }
        f.put("url", r.url());
        if (r.archivedDate() != null) f.put("urldate", r.archivedDate());
        f.put("howpublished", tex(r.archiveName()));
        List<String> note = new ArrayList<>();
        if (r.type() == Reference.Type.NEWSPAPER_ARTICLE) {
            note.add("Archived in " + r.archiveName());
            note.add(r.originalUrl() == null ? "original URL unknown" : "original URL " + r.originalUrl());
            if (r.container() == null) note.add("outlet unknown");
            if (r.issued() == null) note.add("date unknown");
        }
        if (r.pinpoint() != null) note.add("para. " + r.pinpoint());
        if (!note.isEmpty()) f.put("note", tex(String.join("; ", note)));
        StringBuilder s = new StringBuilder("@").append(article ? "article" : "misc").append('{').append(key).append(",\n");
        f.forEach((k, v) -> s.append("  ").append(k).append(" = {").append(v).append("},\n"));
        return s.append("}\n").toString();
    }

    /** Returns a RIS record (CRLF line ends, as the format asks). */
    public static String ris(Reference r) {
        List<String> lines = new ArrayList<>();
        lines.add("TY  - " + (r.type() == Reference.Type.NEWSPAPER_ARTICLE ? "NEWS" : "ELEC"));
        lines.add("TI  - " + (r.titleSupplied() ? "[" + r.title() + "]" : r.title()));
        if (r.corporateAuthor() != null) lines.add("AU  - " + r.corporateAuthor());
        for (String a : r.authors()) lines.add("AU  - " + CitationStyles.familyGiven(a));
        if (r.container() != null) lines.add("T2  - " + r.container());
        if (r.issued() != null) {
            lines.add("PY  - " + r.issued().substring(0, 4));
            lines.add("DA  - " + r.issued().replace('-', '/'));
        }
        lines.add("UR  - " + r.url());
        if (r.archivedDate() != null) lines.add("Y2  - " + r.archivedDate().replace('-', '/'));
        lines.add("DB  - " + r.archiveName());
        if (r.pinpoint() != null) lines.add("SP  - para. " + r.pinpoint());
        if (r.type() == Reference.Type.NEWSPAPER_ARTICLE) {
            lines.add("N1  - Archived in " + r.archiveName() + (r.originalUrl() == null ? "; original URL unknown" : "; original URL " + r.originalUrl()));
        }
        lines.add("ER  - ");
        return String.join("\r\n", lines) + "\r\n";
    }

    private static List<List<Integer>> dateParts(String date) {
        List<Integer> parts = new ArrayList<>();
        for (String p : date.split("-")) parts.add(Integer.parseInt(p));
        return List.of(parts);
    }

    /** Returns the reference as a CSL-JSON item. */
    public static Map<String, Object> cslItem(Reference r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", r.id() + (r.pinpoint() == null ? "" : "-p" + r.pinpoint()));
        m.put("type", r.type() == Reference.Type.NEWSPAPER_ARTICLE ? "article-newspaper" : "webpage");
        m.put("title", r.titleSupplied() ? "[" + r.title() + "]" : r.title());
        List<Map<String, Object>> authors = new ArrayList<>();
        if (r.corporateAuthor() != null) authors.add(Json.ordered("literal", r.corporateAuthor()));
        for (String a : r.authors()) {
            String[] parts = a.trim().split("\\s+");
            authors.add(parts.length == 1 ? Json.ordered("literal", a)
                    : Json.ordered("family", parts[parts.length - 1], "given", String.join(" ", java.util.Arrays.copyOf(parts, parts.length - 1))));
        }
        if (!authors.isEmpty()) m.put("author", authors);
        if (r.container() != null) m.put("container-title", r.container());
        if (r.issued() != null) m.put("issued", Json.ordered("date-parts", dateParts(r.issued())));
        m.put("URL", r.url());
        if (r.archivedDate() != null) m.put("accessed", Json.ordered("date-parts", dateParts(r.archivedDate())));
        m.put("archive", r.archiveName());
        if (r.originalUrl() != null) m.put("archive_location", r.originalUrl());
        if (r.pinpoint() != null) m.put("locator", r.pinpoint());
        return m;
    }

    /** Returns the reference as a CSL-JSON file (an array of one item). */
    public static byte[] cslJson(Reference r) {
        return Json.bytes(List.of(cslItem(r)));
    }
}
