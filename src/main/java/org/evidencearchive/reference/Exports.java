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

    /** Returns "Family, Given" (as RIS and Zotero write a person), from "Given Family". */
    static String familyGiven(String name) {
        String[] parts = name.trim().split("\\s+");
        if (parts.length == 1) return parts[0];
        return parts[parts.length - 1] + ", " + String.join(" ", java.util.Arrays.copyOf(parts, parts.length - 1));
    }

    /** Returns "16 July 2019", "July 2019" or "2019" from YYYY-MM-DD, YYYY-MM or YYYY. */
    static String dayMonthYear(String date) {
        String[] months = {"January", "February", "March", "April", "May", "June", "July", "August", "September",
                "October", "November", "December"};
        return switch (date.length()) {
            case 4 -> date;
            case 7 -> months[Integer.parseInt(date.substring(5, 7)) - 1] + " " + date.substring(0, 4);
            default -> Integer.parseInt(date.substring(8)) + " " + months[Integer.parseInt(date.substring(5, 7)) - 1] + " " + date.substring(0, 4);
        };
    }

    /**
     * The note all three downloads carry, in the same words: where the text is archived and which version of the
     * archive's page (never an access date), the original URL when known. Nothing is
     * said of what is unknown: a missing field already says it.
     */
    static String note(Reference r) {
        List<String> note = new ArrayList<>();
        String v = r.versionLabel(Exports::dayMonthYear);
        if (r.type() == Reference.Type.NEWSPAPER_ARTICLE) {
            note.add("Archived in " + r.archiveName() + (v == null ? "" : ", " + v));
            if (r.originalUrl() != null) note.add("original URL " + r.originalUrl());
        } else if (v != null) {
            note.add("A" + v.substring(1));
        }
        // CSL has no variable for an ARK (a DOI has its own field in every format): the note names it
        if (r.pid() != null && !r.pid().doi()) note.add("ARK " + r.pid().value());
        return note.isEmpty() ? null : String.join("; ", note);
    }

    private static String title(Reference r) {
        return r.titleSupplied() ? "[" + r.title() + "]" : r.title();
    }

    /**
     * Returns a BibTeX entry (BibLaTeX-friendly, UTF-8). An archived news article is {@code @article} with
     * {@code entrysubtype = newspaper} and the outlet as {@code journal} (BibLaTeX's newspaper article, as Zotero's
     * BibLaTeX export writes one); a page of ours is {@code @online}. The title is brace-protected so that styles
     * keep its capitals ("Daniel Ahmed", "HIV").
     */
    public static String bibtex(Reference r) {
        boolean news = r.type() == Reference.Type.NEWSPAPER_ARTICLE;
        String key = r.id().replaceAll("[^a-z0-9]", "");
        Map<String, String> f = new LinkedHashMap<>();
        f.put("title", "{" + tex(title(r)) + "}");
        if (r.corporateAuthor() != null) f.put("author", "{" + tex(r.corporateAuthor()) + "}");
        else if (!r.authors().isEmpty()) f.put("author", tex(String.join(" and ", r.authors())));
        if (news) f.put("entrysubtype", "newspaper");
        if (r.container() != null) f.put("journal", tex(r.container()));
        if (r.issued() != null) {
            f.put("year", r.issued().substring(0, 4));
            f.put("date", r.issued());
        }
        f.put("url", r.url());
        if (r.pid() != null && r.pid().doi()) f.put("doi", tex(r.pid().value()));
        String note = note(r);
        if (note != null) f.put("note", tex(note));
        StringBuilder s = new StringBuilder("@").append(news ? "article" : "online").append('{').append(key).append(",\n");
        f.forEach((k, v) -> s.append("  ").append(k).append(" = {").append(v).append("},\n"));
        return s.append("}\n").toString();
    }

    /**
     * Returns a RIS record (CRLF line ends, as the format asks): {@code NEWS} for an archived news article (the
     * byline as {@code AU}, the outlet as {@code T2}), {@code ELEC} for a page of ours (Zotero's web page); the same
     * note as BibTeX and CSL-JSON in {@code N1}, which names the archive; for an archived article the archive in
     * {@code DB} too (Zotero's RIS translator reads it as the item's Archive, as it reads CSL-JSON's {@code archive}).
     * No {@code Y2}: Zotero reads it as an access date.
     */
    public static String ris(Reference r) {
        List<String> lines = new ArrayList<>();
        lines.add("TY  - " + (r.type() == Reference.Type.NEWSPAPER_ARTICLE ? "NEWS" : "ELEC"));
        lines.add("TI  - " + title(r));
        if (r.corporateAuthor() != null) lines.add("AU  - " + r.corporateAuthor());
        for (String a : r.authors()) lines.add("AU  - " + familyGiven(a));
        if (r.container() != null) lines.add("T2  - " + r.container());
        if (r.issued() != null) {
            lines.add("PY  - " + r.issued().substring(0, 4));
            lines.add("DA  - " + r.issued().replace('-', '/'));
        }
        lines.add("UR  - " + r.url());
        if (r.pid() != null && r.pid().doi()) lines.add("DO  - " + r.pid().value());
        if (r.type() == Reference.Type.NEWSPAPER_ARTICLE) lines.add("DB  - " + r.archiveName());
        String note = note(r);
        if (note != null) lines.add("N1  - " + note);
        lines.add("ER  - ");
        return String.join("\r\n", lines) + "\r\n";
    }

    private static List<List<Integer>> dateParts(String date) {
        List<Integer> parts = new ArrayList<>();
        for (String p : date.split("-")) parts.add(Integer.parseInt(p));
        return List.of(parts);
    }

    /**
     * Returns the reference as a CSL-JSON item: the one record the "cite this" box is rendered from and the downloads
     * and data exports carry. Only what is known is there (no author, outlet or date is invented, nothing "unknown" is
     * written); an archived article names the archive in {@code archive} (styles print it, Zotero keeps it as the
     * Archive); a page of ours has the archive as its author, an organisation written as one literal name. No
     * {@code accessed}: the archive's version date is not when a reader accessed the page.
     */
    public static Map<String, Object> cslItem(Reference r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", r.id());
        m.put("type", r.type() == Reference.Type.NEWSPAPER_ARTICLE ? "article-newspaper" : "webpage");
        m.put("title", title(r));
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
        if (r.pid() != null && r.pid().doi()) m.put("DOI", r.pid().value());
        m.put("URL", r.url());
        if (r.type() == Reference.Type.NEWSPAPER_ARTICLE) m.put("archive", r.archiveName());
        String note = note(r);
        if (note != null) m.put("note", note);
        return m;
    }

    /** Returns the reference as a CSL-JSON file (an array of one item). */
    public static byte[] cslJson(Reference r) {
        return Json.bytes(List.of(cslItem(r)));
    }
}
