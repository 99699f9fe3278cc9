package org.evidencearchive.reference;

import java.util.ArrayList;
import java.util.List;

/**
 * "Cite this" in APA 7, Chicago (notes and bibliography), Harvard and OSCOLA, as plain text. The original
 * author and outlet are credited where known; unknown parts are left out or marked "n.d.", never guessed; the
 * archive is named with its version of the page ("archived version 3f70daa, 22 November 2026"). No access date is
 * stated: the date of the archive's version is not when the reader accessed the page, so that is left to them.
 */
public final class CitationStyles {
    private static final String[] MONTHS = {"January", "February", "March", "April", "May", "June", "July",
            "August", "September", "October", "November", "December"};

    private CitationStyles() {}

    /** Returns "Family, G." for APA and Harvard, from "Given Family". */
    static String familyInitials(String name) {
        String[] parts = name.trim().split("\\s+");
        if (parts.length == 1) return parts[0];
        StringBuilder s = new StringBuilder(parts[parts.length - 1]).append(", ");
        for (int i = 0; i < parts.length - 1; i++) s.append(parts[i].charAt(0)).append(". ");
        return s.toString().trim();
    }

    /** Returns "Family, Given" for Chicago, from "Given Family". */
    static String familyGiven(String name) {
        String[] parts = name.trim().split("\\s+");
        if (parts.length == 1) return parts[0];
        return parts[parts.length - 1] + ", " + String.join(" ", java.util.Arrays.copyOf(parts, parts.length - 1));
    }

    private static String joinAuthors(List<String> names, String lastSeparator) {
        if (names.size() <= 1) return names.isEmpty() ? "" : names.get(0);
        return String.join(", ", names.subList(0, names.size() - 1)) + lastSeparator + names.get(names.size() - 1);
    }

    /** Returns "16 July 2019", "July 2019" or "2019". */
    static String dayMonthYear(String date) {
        if (date == null) return null;
        return switch (date.length()) {
            case 4 -> date;
            case 7 -> MONTHS[Integer.parseInt(date.substring(5, 7)) - 1] + " " + date.substring(0, 4);
            default -> Integer.parseInt(date.substring(8)) + " " + MONTHS[Integer.parseInt(date.substring(5, 7)) - 1] + " " + date.substring(0, 4);
        };
    }

    /** Returns "July 16, 2019", "July 2019" or "2019". */
    static String monthDayYear(String date) {
        if (date == null) return null;
        return switch (date.length()) {
            case 4 -> date;
            case 7 -> MONTHS[Integer.parseInt(date.substring(5, 7)) - 1] + " " + date.substring(0, 4);
            default -> MONTHS[Integer.parseInt(date.substring(5, 7)) - 1] + " " + Integer.parseInt(date.substring(8)) + ", " + date.substring(0, 4);
        };
    }

    private static String apaDate(String issued) {
        if (issued == null) return "n.d.";
        return switch (issued.length()) {
            case 4 -> issued;
            case 7 -> issued.substring(0, 4) + ", " + MONTHS[Integer.parseInt(issued.substring(5, 7)) - 1];
            default -> issued.substring(0, 4) + ", " + MONTHS[Integer.parseInt(issued.substring(5, 7)) - 1] + " "
                    + Integer.parseInt(issued.substring(8));
        };
    }

    /** "Archived in X, archived version …." for an archived article; "Archived version …." for a page of ours; or null. */
    private static String archived(Reference r, java.util.function.UnaryOperator<String> dates) {
        String v = r.versionLabel(dates);
        if (r.type() == Reference.Type.NEWSPAPER_ARTICLE) return "Archived in " + r.archiveName() + (v == null ? "" : ", " + v) + ".";
        return v == null ? null : "A" + v.substring(1) + ".";
    }

    private static String title(Reference r) {
        return r.titleSupplied() ? "[" + r.title() + "]" : r.title();
    }

    private static String stripDot(String s) {
        return s.endsWith(".") ? s.substring(0, s.length() - 1) : s;
    }

    /** Returns the APA 7 reference. */
    public static String apa(Reference r) {
        List<String> parts = new ArrayList<>();
        String authors = r.corporateAuthor() != null ? r.corporateAuthor()
                : joinAuthors(r.authors().stream().map(CitationStyles::familyInitials).toList(), ", & ");
        String date = "(" + apaDate(r.issued()) + ").";
        if (authors.isEmpty()) {
            parts.add(stripDot(title(r)) + ".");
            parts.add(date);
        } else {
            parts.add(authors.endsWith(".") ? authors : authors + ".");
            parts.add(date);
            parts.add(stripDot(title(r)) + ".");
        }
        if (r.container() != null) parts.add(r.container() + ".");
        String archived = archived(r, CitationStyles::monthDayYear);
        if (archived != null) parts.add(archived);
        if (r.pinpoint() != null) parts.add("Para. " + r.pinpoint() + ".");
        parts.add(r.url());
        return String.join(" ", parts);
    }

    /** Returns the Chicago bibliography entry. */
    public static String chicago(Reference r) {
        List<String> parts = new ArrayList<>();
        if (r.corporateAuthor() != null) {
            parts.add(r.corporateAuthor() + ".");
        } else if (!r.authors().isEmpty()) {
            List<String> names = new ArrayList<>(r.authors());
            names.set(0, familyGiven(names.get(0)));
            parts.add(stripDot(joinAuthors(names, ", and ")) + ".");
        }
        parts.add("“" + stripDot(title(r)) + ".”");
        List<String> pub = new ArrayList<>();
        if (r.container() != null) pub.add(r.container());
        pub.add(r.issued() == null ? "n.d." : monthDayYear(r.issued()));
        parts.add(stripDot(String.join(", ", pub)) + ".");
        if (r.pinpoint() != null) parts.add("Par. " + r.pinpoint() + ".");
        String archived = archived(r, CitationStyles::monthDayYear);
        if (archived != null) parts.add(archived);
        parts.add(r.url() + ".");
        return String.join(" ", parts);
    }

    /** Returns the Harvard (Cite Them Right) reference. */
    public static String harvard(Reference r) {
        List<String> parts = new ArrayList<>();
        String authors = r.corporateAuthor() != null ? r.corporateAuthor()
                : joinAuthors(r.authors().stream().map(CitationStyles::familyInitials).toList(), " and ");
        String year = r.issued() == null ? "(no date)" : "(" + r.issued().substring(0, 4) + ")";
        parts.add(authors.isEmpty() ? "‘" + stripDot(title(r)) + "’ " + year : authors + " " + year + " ‘" + stripDot(title(r)) + "’");
        String tail = r.container() != null ? ", " + r.container() : "";
        parts.set(0, parts.get(0) + tail + ".");
        if (r.pinpoint() != null) parts.add("Para. " + r.pinpoint() + ".");
        String archived = archived(r, CitationStyles::dayMonthYear);
        if (archived != null) parts.add(archived);
        parts.add("Available at: " + r.url() + ".");
        return String.join(" ", parts);
    }

    /** Returns the OSCOLA citation: Author, 'Title' (Outlet, date) &lt;URL&gt; accessed date. */
    public static String oscola(Reference r) {
        StringBuilder s = new StringBuilder();
        String authors = r.corporateAuthor() != null ? r.corporateAuthor() : joinAuthors(r.authors(), " and ");
        if (!authors.isEmpty()) s.append(authors).append(", ");
        s.append("‘").append(stripDot(title(r))).append("’");
        List<String> pub = new ArrayList<>();
        if (r.container() != null) pub.add(r.container());
        if (r.issued() != null) pub.add(dayMonthYear(r.issued()));
        String v = r.versionLabel(CitationStyles::dayMonthYear);
        if (r.type() == Reference.Type.NEWSPAPER_ARTICLE) pub.add("archived in " + r.archiveName() + (v == null ? "" : ", " + v));
        else if (v != null) pub.add(v);
        if (!pub.isEmpty()) s.append(" (").append(String.join(", ", pub)).append(")");
        if (r.pinpoint() != null) s.append(" [").append(r.pinpoint()).append("]");
        s.append(" <").append(r.url()).append(">");
        return s.toString();
    }
}
