package org.evidencearchive.reference;

import java.util.List;

/**
 * What a citation of one page needs, with unknowns left null (never guessed).
 *
 * @param type           an archived news article, or a web page of ours
 * @param title          the headline, or our descriptive title
 * @param titleSupplied  true when the text has no headline and the title is the archive's description
 * @param authors        personal names as given in a byline; empty when unknown
 * @param corporateAuthor an organisation as author (our own pages), or null
 * @param container      the outlet, or null when unknown
 * @param issued         YYYY, YYYY-MM or YYYY-MM-DD when known, else null
 * @param originalUrl    the original URL when known, else null
 * @param archiveName    this archive's name
 * @param url            the page's canonical URL in the archive
 * @param version        the archive's version of the page: its git commit, abbreviated, or null when unversioned
 * @param versionDate    YYYY-MM-DD of that commit, or null when unversioned (a version date, never an access date:
 *                       when a reader accessed the page is theirs to state)
 * @param id             the item's id
 * @param pid            the item's persistent identifier (ARK or DOI), or null
 */
public record Reference(Type type, String title, boolean titleSupplied, List<String> authors, String corporateAuthor,
                        String container, String issued, String originalUrl, String archiveName, String url,
                        String version, String versionDate, String id, org.evidencearchive.graph.Identifiers.Pid pid) {

    /** A reference without a persistent identifier. */
    public Reference(Type type, String title, boolean titleSupplied, List<String> authors, String corporateAuthor,
                     String container, String issued, String originalUrl, String archiveName, String url,
                     String version, String versionDate, String id) {
        this(type, title, titleSupplied, authors, corporateAuthor, container, issued, originalUrl, archiveName, url, version, versionDate, id, null);
    }

    /** The kinds of cited item. */
    public enum Type { NEWSPAPER_ARTICLE, WEBPAGE }

    /**
     * Returns "archived version 3f70daa, 22 November 2026" with the date as {@code format} writes it (only the
     * commit when the date is the page's own date), or null when unversioned.
     */
    public String versionLabel(java.util.function.UnaryOperator<String> format) {
        if (version == null) return null;
        return "archived version " + version + (versionDate == null || versionDate.equals(issued) ? "" : ", " + format.apply(versionDate));
    }
}
