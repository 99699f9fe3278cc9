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

    PageContext(Archive archive, SiteConfig site, GitVersion siteVersion, Map<java.nio.file.Path, GitVersion> fileVersions) {
        this.archive = new RecordingQueries(archive);
        this.site = site;
        this.siteVersion = siteVersion;
        this.fileVersions = fileVersions;
        this.metadata = new Metadata(site);
    }

    /** Returns the reference of a source, commentary or claim page, for "cite this" and its downloads. */
    Reference reference(Item item) {
        return ItemReferences.of(item, site, version(item));
    }

    /** Returns the version of an item's page: the last commit that changed any of its files. */
    GitVersion version(Item item) {
        java.nio.file.Path cwd = java.nio.file.Path.of("").toAbsolutePath();
        GitVersion v = fileVersions.getOrDefault(cwd.resolve(item.origin().file()).normalize(), GitVersion.UNVERSIONED);
        if (item instanceof Source s) v = v.newer(fileVersions.getOrDefault(s.textFile().toAbsolutePath().normalize(), GitVersion.UNVERSIONED));
        return v;
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
        return new View.Link(i.title(), Urls.of(i), i.kind().word());
    }

    /** A new numbering of citations for one page. */
    Citations citations() {
        return new Citations(archive);
    }

    String html(RichText text, Citations cited) {
        if (text == null || text.isBlank()) return null;
        return markdown.render(text, rc -> {
            View.Cited c = cited.add(rc);
            return "<a class=\"cite\" href=\"" + escape(c.href()) + "\" title=\"" + escape("“" + c.quote() + "” — "
                    + c.sourceTitle() + ", paragraph " + c.paragraph()) + "\">[" + c.number() + "]</a>";
        });
    }

    /** Escapes text for HTML (text and attribute values). */
    static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
