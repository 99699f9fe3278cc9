package org.evidencearchive.reference;

import java.util.ArrayList;
import java.util.List;

/**
 * "Cite this" in APA 7, Chicago (notes and bibliography), Harvard and OSCOLA, as plain text. The original
 * author and outlet are credited where known; unknown parts are left out or marked "n.d.", never guessed; the
 * archive is named as where the text was accessed, with the date of the archive's version.
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
        if (r.type() == Reference.Type.NEWSPAPER_ARTICLE) parts.add("Archived in " + r.archiveName() + ".");
        if (r.pinpoint() != null) parts.add("Para. " + r.pinpoint() + ".");
        parts.add(r.archivedDate() == null ? r.url() : "Retrieved " + monthDayYear(r.archivedDate()) + ", from " + r.url());
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
        if (r.type() == Reference.Type.NEWSPAPER_ARTICLE) parts.add("Archived in " + r.archiveName() + ".");
        if (r.archivedDate() != null) parts.add("Accessed " + monthDayYear(r.archivedDate()) + ".");
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
        if (r.type() == Reference.Type.NEWSPAPER_ARTICLE) parts.add("Archived in " + r.archiveName() + ".");
        parts.add("Available at: " + r.url() + (r.archivedDate() == null ? "." : " (Accessed: " + dayMonthYear(r.archivedDate()) + ")."));
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
        if (r.type() == Reference.Type.NEWSPAPER_ARTICLE) pub.add("archived in " + r.archiveName());
        if (!pub.isEmpty()) s.append(" (").append(String.join(", ", pub)).append(")");
        if (r.pinpoint() != null) s.append(" [").append(r.pinpoint()).append("]");
        s.append(" <").append(r.url()).append(">");
        if (r.archivedDate() != null) s.append(" accessed ").append(dayMonthYear(r.archivedDate()));
        return s.toString();
    }
}
