package org.evidencearchive.render;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.evidencearchive.config.SiteConfig;
import org.evidencearchive.content.Claim;
import org.evidencearchive.content.Commentary;
import org.evidencearchive.content.Item;
import org.evidencearchive.content.Source;
import org.evidencearchive.publish.GitVersion;
import org.evidencearchive.reference.CitationStyles;
import org.evidencearchive.reference.CitationStyles.Style;
import org.evidencearchive.reference.Exports;
import org.evidencearchive.reference.ItemReferences;
import org.evidencearchive.reference.Reference;
import org.evidencearchive.graph.Archive;
import org.evidencearchive.graph.Queries;
import org.evidencearchive.graph.RecordingQueries;
import org.evidencearchive.graph.Reads;
import org.evidencearchive.graph.RichText;
import org.evidencearchive.graph.Urls;

/** What every page model shares: the graph (recorded), the site, versions, metadata, the page frame and links. */
final class PageContext {
    /** The graph as pages read it: every answer recorded for the incremental rebuild. */
    final Queries archive;
    final SiteConfig site;
    final GitVersion siteVersion;
    private final Map<java.nio.file.Path, GitVersion> fileVersions;
    final Metadata metadata;
    final Markdown markdown = new Markdown();

    /** Each content file's first commit: when a text was first archived. */
    final Map<java.nio.file.Path, GitVersion> firstVersions;

    /** The items' persistent identifiers. */
    final org.evidencearchive.graph.Identifiers identifiers;

    PageContext(Archive archive, SiteConfig site, GitVersion siteVersion, Map<java.nio.file.Path, GitVersion> fileVersions,
                Map<java.nio.file.Path, GitVersion> firstVersions, org.evidencearchive.graph.Identifiers identifiers) {
        this.archive = new RecordingQueries(archive);
        this.site = site;
        this.siteVersion = siteVersion;
        this.fileVersions = fileVersions;
        this.firstVersions = firstVersions;
        this.identifiers = identifiers;
        this.metadata = new Metadata(site, identifiers);
    }

    /**
     * Returns the versions of a source's text. The first is dated by the first commit of any of the source's files
     * (its description, its text, the earlier texts its corrections keep): when it was first archived; for files
     * not committed yet, the build's version dates it, as it dates the feed (outside git, 1970-01-01).
     */
    org.evidencearchive.export.TextVersions versions(Source s) {
        java.nio.file.Path cwd = java.nio.file.Path.of("").toAbsolutePath();
        java.time.Instant first = null;
        List<java.nio.file.Path> files = new java.util.ArrayList<>(s.texts());
        files.add(cwd.resolve(s.origin().file()));
        for (java.nio.file.Path f : files) {
            GitVersion v = firstVersions.get(f.toAbsolutePath().normalize());
            if (v == null || v.date() == null) continue;
            java.time.Instant at = java.time.OffsetDateTime.parse(v.date()).toInstant();
            if (first == null || at.isBefore(first)) first = at;
        }
        return org.evidencearchive.export.TextVersions.of(s, first != null ? first
                : java.time.OffsetDateTime.parse(siteVersion.feedDate()).toInstant());
    }

    /**
     * Returns the reference of a source, commentary or claim page, for "cite this" and its downloads. A source's
     * version is its archived text's (the commit that archived this wording, as its Memento and WARC records date it),
     * not its page's, which later edits to its notes change.
     */
    Reference reference(Item item) {
        return ItemReferences.of(item, site, item instanceof Source s ? textVersion(s) : version(item), identifiers.of(item));
    }

    /** Returns the version of an item's page: the last commit that changed any of its files. */
    GitVersion version(Item item) {
        java.nio.file.Path cwd = java.nio.file.Path.of("").toAbsolutePath();
        GitVersion v = fileVersions.getOrDefault(cwd.resolve(item.origin().file()).normalize(), GitVersion.UNVERSIONED);
        if (item instanceof Source s) v = v.newer(fileVersions.getOrDefault(s.textFile().toAbsolutePath().normalize(), GitVersion.UNVERSIONED));
        return v;
    }

    /** Returns the version of a source's archived text alone: the last commit that changed its {@code .txt}. */
    GitVersion textVersion(Source s) {
        return fileVersions.getOrDefault(s.textFile().toAbsolutePath().normalize(), GitVersion.UNVERSIONED);
    }

    Map<String, Object> base(String title, String url, String description, String kind, List<View.Crumb> crumbs) {
        return base(title, url, description, kind, crumbs, metadata.page(title, url, description, siteVersion.day()),
                siteVersion, null);
    }

    Map<String, Object> base(String title, String url, String description, String kind, List<View.Crumb> crumbs,
                                     Metadata.Head head, GitVersion version, Item item) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("site", site);
        m.put("feedDate", siteVersion.feedDate());
        List<View.Link> related = item == null ? List.of() : archive.relatedTo(item).stream().map(this::link).toList();
        View.CiteThis cite = null;
        if (item instanceof Source || item instanceof Commentary || item instanceof Claim) {
            CitationStyles.Rendered r = CitationStyles.render(Exports.cslItem(reference(item)), site.language());
            cite = new View.CiteThis(r.html(Style.APA), r.html(Style.CHICAGO), r.html(Style.HARVARD), r.html(Style.OSCOLA),
                    url + "cite.bib", url + "cite.ris", url + "cite.json");
        }
        m.put("page", new View.Page(title, url, site.baseUrl() + url, description, kind, crumbs, "/css/site.css",
                head.meta(), head.jsonLd(), version.label(), related, cite));
        return m;
    }

    List<View.Crumb> crumbs(String sectionTitle, String sectionUrl) {
        return List.of(new View.Crumb("Home", "/"), new View.Crumb(sectionTitle, sectionUrl));
    }

    static String dateLine(Source s) {
        if (s.published() != null) return s.published().display();
        if (s.dateInferred() != null) return "date unknown; inferred " + s.dateInferred().display();
        return "date unknown";
    }

    View.Link link(Item i) {
        Reads.item(i);
        // An organisation is labelled as one wherever a link says what it points to, never as a person.
        String kind = i instanceof org.evidencearchive.content.Person p ? p.personKind().word() : i.kind().word();
        return new View.Link(i.title(), Urls.of(i), kind);
    }

    /** A new numbering of citations for one page. */
    Citations citations() {
        return new Citations(archive);
    }

    String html(RichText text, Citations cited) {
        if (text == null || text.isBlank()) return null;
        return markdown.render(text, rc -> {
            View.Cited c = cited.add(rc);
            return "<a class=\"cite\" href=\"" + escape(c.href()) + "\" data-url=\"" + escape(site.printUrl(c.href())) + "\" title=\""
                    + escape("“" + c.quote() + "” — " + c.sourceTitle() + ", paragraph " + c.paragraph()) + "\">[" + c.number() + "]</a>";
        });
    }

    /** Escapes text for HTML (text and attribute values). */
    static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
