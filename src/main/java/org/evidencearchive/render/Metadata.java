package org.evidencearchive.render;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.evidencearchive.config.SiteConfig;
import org.evidencearchive.content.Claim;
import org.evidencearchive.content.Commentary;
import org.evidencearchive.content.Source;
import org.evidencearchive.export.Json;

/**
 * What reference managers and search engines read from a page's head: Highwire {@code citation_*} tags (only on
 * the pages with "cite this": sources, commentary, claims), Dublin Core, Open Graph, a Zotero item type, the
 * licence link and JSON-LD (schema.org terms only). Unknown facts are omitted, never guessed.
 *
 * <p>The tags are chosen for how Zotero's "Embedded Metadata" translator reads them, so that Zotero saves what
 * "cite this" says: {@code citation_title} alone makes it guess a journal article and {@code DC.type} must be a
 * DCMI Type term ({@code Text}), so the item type is given in Zotero's own namespace ({@code z.itemType});
 * {@code DC.source} would become the publication title, so a source's original URL is a {@code DC.relation}; a
 * source page has no {@code og:site_name}, which Zotero would take for the newspaper; the outlet, when known, is
 * {@code prism.publicationName}; the rights of the text are in the footer, not a tag. Zotero reads every
 * personal-name tag as a person, so the editors, an
 * organisation, are named only in JSON-LD. A source without a known date sends the year of its inferred range
 * as {@code citation_date} (Google Scholar needs a year; {@link org.evidencearchive.content.InferredDate#filingYear}),
 * never as {@code DC.date} or {@code datePublished}.
 */
public final class Metadata {
    private final SiteConfig site;

    /** Creates metadata for a site. */
    public Metadata(SiteConfig site) {
        this(site, org.evidencearchive.graph.Identifiers.NONE);
    }

    /** Creates metadata for a site whose items may have persistent identifiers. */
    public Metadata(SiteConfig site, org.evidencearchive.graph.Identifiers identifiers) {
        this.site = site;
        this.identifiers = identifiers;
    }

    private final org.evidencearchive.graph.Identifiers identifiers;

    /**
     * Adds an item's persistent identifier, when it has one: {@code <link rel="cite-as">} to its resolver URL
     * (RFC 8574) and a schema.org {@code identifier} (a PropertyValue naming the scheme) in its JSON-LD.
     */
    private void identify(org.evidencearchive.content.Item item, List<View.Meta> m, Map<String, Object> ld) {
        org.evidencearchive.graph.Identifiers.Pid pid = identifiers.of(item);
        if (pid == null) return;
        m.add(new View.Meta("rel", "cite-as", pid.url()));
        ld.put("identifier", Json.ordered("@type", "PropertyValue", "propertyID", pid.scheme(), "value", pid.value(), "url", pid.url()));
    }

    /** The head of one page: meta tags and a JSON-LD block (or null). */
    public record Head(List<View.Meta> meta, String jsonLd) {}

    /**
     * The tags of every page. What the page already says once is not repeated: the canonical link gives its URL
     * (Zotero reads it), {@code <html lang>} its language, {@code <meta name="description">} its description
     * (Open Graph readers fall back to it); each source page has a weight budget.
     */
    private List<View.Meta> common(String title, String url) {
        List<View.Meta> m = new ArrayList<>();
        m.add(new View.Meta("name", "DC.title", title));
        m.add(new View.Meta("property", "og:title", title));
        m.add(new View.Meta("property", "og:url", site.baseUrl() + url));
        return m;
    }

    /** A source's title as citations give it: the headline, or the archive's description in square brackets. */
    static String citedTitle(Source s) {
        return s.headline() != null ? s.headline() : "[" + s.title() + "]";
    }

    /** Returns the head of an archived source's page: the article is the outlet's, the page is the archive's. */
    public Head source(Source s, String url, String description, String versionDay) {
        String title = citedTitle(s);
        List<View.Meta> m = common(title, url);
        m.add(new View.Meta("property", "og:type", "article"));
        m.add(new View.Meta("name", "DC.type", "Text"));
        m.add(new View.Meta("name", "z.itemType", "newspaperArticle"));
        m.add(new View.Meta("name", "citation_title", title));
        for (String a : s.authors()) {
            m.add(new View.Meta("name", "citation_author", a));
            m.add(new View.Meta("name", "DC.creator", a));
            m.add(new View.Meta("name", "author", a));
        }
        if (s.published() != null) {
            m.add(new View.Meta("name", "citation_publication_date", s.published().value().replace('-', '/')));
            m.add(new View.Meta("name", "DC.date", s.published().value()));
        } else if (s.dateInferred() != null) {
            m.add(new View.Meta("name", "citation_date", String.valueOf(s.dateInferred().filingYear())));
        }
        if (s.outlet() != null) {
            m.add(new View.Meta("name", "prism.publicationName", s.outlet()));
            m.add(new View.Meta("name", "DC.publisher", s.outlet()));
        }
        if (s.url() != null) m.add(new View.Meta("name", "DC.relation", s.url()));

        Map<String, Object> article = new LinkedHashMap<>();
        article.put("@type", "NewsArticle");
        article.put("@id", site.baseUrl() + url + "#article");
        article.put("name", title);
        if (s.headline() != null) article.put("headline", s.headline());
        if (!s.authors().isEmpty()) {
            article.put("author", s.authors().stream().map(a -> Json.ordered("@type", "Person", "name", a)).toList());
        }
        if (s.published() != null) article.put("datePublished", s.published().value());
        if (s.outlet() != null) article.put("publisher", Json.ordered("@type", "Organization", "name", s.outlet()));
        if (s.url() != null) article.put("url", s.url());
        article.put("archivedAt", site.baseUrl() + url);
        identify(s, m, article);
        Map<String, Object> ld = new LinkedHashMap<>();
        ld.put("@context", "https://schema.org");
        ld.put("@type", "WebPage");
        ld.put("@id", site.baseUrl() + url);
        ld.put("inLanguage", site.language());
        if (versionDay != null) ld.put("dateModified", versionDay);
        ld.put("mainEntity", article);
        return new Head(m, json(ld));
    }

    /** Returns the head of a commentary page, citing the sources it is about. */
    public Head commentary(Commentary c, String url, List<View.Link> cited, String versionDay) {
        List<View.Meta> m = citable(c.title(), url, versionDay);
        Map<String, Object> ld = ours("Article", c.title(), url, versionDay);
        ld.put("headline", c.title());
        ld.put("description", c.summary());
        ld.put("citation", cited.stream().map(l -> Json.ordered("@type", "NewsArticle", "@id",
                site.baseUrl() + l.url() + "#article", "name", l.title(), "archivedAt", site.baseUrl() + l.url())).toList());
        identify(c, m, ld);
        return new Head(m, json(ld));
    }

    /** Returns the head of a claim page: a schema.org Claim whose appearances are the cited passages. */
    public Head claim(Claim c, String url, List<View.Cited> passages, String versionDay) {
        List<View.Meta> m = citable(c.statement(), url, versionDay);
        Map<String, Object> ld = ours("Claim", c.statement(), url, versionDay);
        ld.put("text", c.statement());
        ld.put("appearance", passages.stream().map(p -> Json.ordered("@type", "CreativeWork", "name", p.sourceTitle(),
                "url", site.baseUrl() + p.href(), "text", p.quote())).toList());
        identify(c, m, ld);
        return new Head(m, json(ld));
    }

    /** Returns the head of the home page, with the WebSite. */
    public Head home() {
        List<View.Meta> m = common(site.title(), "/");
        m.add(new View.Meta("property", "og:site_name", site.title()));
        m.add(new View.Meta("property", "og:type", "website"));
        m.add(new View.Meta("rel", "license", site.license().url()));
        Map<String, Object> ld = ld("WebSite", site.title(), "/");
        ld.put("description", site.description());
        ld.put("publisher", publisher());
        ld.put("license", site.license().url());
        return new Head(m, json(ld));
    }

    /** Returns the head of any other page of ours (topics, people, indexes, search, 404): no citation tags. */
    public Head page(String title, String url, String description, String versionDay) {
        List<View.Meta> m = common(title, url);
        m.add(new View.Meta("property", "og:site_name", site.title()));
        m.add(new View.Meta("property", "og:type", "website"));
        m.add(new View.Meta("rel", "license", site.license().url()));
        return new Head(m, null);
    }

    /** The tags of a page of ours that "cite this" cites: Zotero saves it as a web page of the archive. */
    private List<View.Meta> citable(String title, String url, String versionDay) {
        List<View.Meta> m = common(title, url);
        m.add(new View.Meta("property", "og:site_name", site.title()));
        m.add(new View.Meta("property", "og:type", "article"));
        m.add(new View.Meta("name", "DC.type", "Text"));
        m.add(new View.Meta("name", "z.itemType", "webpage"));
        m.add(new View.Meta("name", "citation_title", title));
        m.add(new View.Meta("name", "DC.publisher", site.title()));
        if (versionDay != null) {
            m.add(new View.Meta("name", "citation_publication_date", versionDay.replace('-', '/')));
            m.add(new View.Meta("name", "DC.date", versionDay));
        }
        m.add(new View.Meta("name", "DC.rights", site.license().url()));
        m.add(new View.Meta("rel", "license", site.license().url()));
        return m;
    }

    private Map<String, Object> ours(String type, String name, String url, String versionDay) {
        Map<String, Object> ld = ld(type, name, url);
        ld.put("author", Json.ordered("@type", "Organization", "name", site.author()));
        ld.put("publisher", publisher());
        ld.put("isPartOf", Json.ordered("@type", "WebSite", "name", site.title(), "url", site.baseUrl() + "/"));
        if (versionDay != null) ld.put("dateModified", versionDay);
        ld.put("license", site.license().url());
        return ld;
    }

    private Map<String, Object> publisher() {
        return Json.ordered("@type", "Organization", "name", site.title(), "url", site.baseUrl() + "/");
    }

    private Map<String, Object> ld(String type, String name, String url) {
        Map<String, Object> ld = new LinkedHashMap<>();
        ld.put("@context", "https://schema.org");
        ld.put("@type", type);
        ld.put("@id", site.baseUrl() + url);
        ld.put("name", name);
        ld.put("url", site.baseUrl() + url);
        ld.put("inLanguage", site.language());
        return ld;
    }

    private static String json(Map<String, Object> ld) {
        return Json.inHtml(ld);
    }
}
