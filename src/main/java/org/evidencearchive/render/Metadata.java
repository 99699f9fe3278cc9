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
 * What reference managers and search engines read from a page's head: Highwire {@code citation_*} tags,
 * Dublin Core, Open Graph and JSON-LD. Unknown facts are omitted, never guessed.
 */
public final class Metadata {
    private final SiteConfig site;

    /** Creates metadata for a site. */
    public Metadata(SiteConfig site) {
        this.site = site;
    }

    /** The head of one page: meta tags and a JSON-LD block (or null). */
    public record Head(List<View.Meta> meta, String jsonLd) {}

    private List<View.Meta> common(String title, String url, String description, String type) {
        List<View.Meta> m = new ArrayList<>();
        m.add(new View.Meta("name", "DC.title", title));
        m.add(new View.Meta("name", "DC.identifier", site.baseUrl() + url));
        m.add(new View.Meta("name", "DC.language", site.language()));
        if (type != null) m.add(new View.Meta("name", "DC.type", type));
        m.add(new View.Meta("property", "og:title", title));
        m.add(new View.Meta("property", "og:url", site.baseUrl() + url));
        m.add(new View.Meta("property", "og:site_name", site.title()));
        m.add(new View.Meta("property", "og:description", description));
        return m;
    }

    /** Returns the head of an archived source's page. */
    public Head source(Source s, String url, String description, String versionDay) {
        List<View.Meta> m = common(s.headline() != null ? s.headline() : s.title(), url, description, "newspaperArticle");
        m.add(new View.Meta("property", "og:type", "article"));
        m.add(new View.Meta("name", "citation_title", s.headline() != null ? s.headline() : s.title()));
        for (String a : s.authors()) {
            m.add(new View.Meta("name", "citation_author", a));
            m.add(new View.Meta("name", "DC.creator", a));
            m.add(new View.Meta("name", "author", a));
        }
        if (s.published() != null) {
            m.add(new View.Meta("name", "citation_publication_date", s.published().value().replace('-', '/')));
            m.add(new View.Meta("name", "DC.date", s.published().value()));
        }
        if (s.outlet() != null) {
            m.add(new View.Meta("name", "citation_publisher", s.outlet()));
            m.add(new View.Meta("name", "DC.publisher", s.outlet()));
        }
        if (s.url() != null) m.add(new View.Meta("name", "DC.source", s.url()));
        Map<String, Object> ld = ld("NewsArticle", s.headline() != null ? s.headline() : s.title(), url);
        ld.put("headline", s.headline() != null ? s.headline() : s.title());
        if (!s.authors().isEmpty()) {
            ld.put("author", s.authors().stream().map(a -> Json.ordered("@type", "Person", "name", a)).toList());
        }
        if (s.published() != null) ld.put("datePublished", s.published().value());
        if (s.outlet() != null) ld.put("publisher", Json.ordered("@type", "Organization", "name", s.outlet()));
        if (s.url() != null) ld.put("isBasedOn", s.url());
        ld.put("archivedAt", site.baseUrl() + url);
        if (versionDay != null) ld.put("dateModified", versionDay);
        ld.put("text", site.baseUrl() + url + "text.txt");
        return new Head(m, json(ld));
    }

    /** Returns the head of a commentary page, citing the sources it is about. */
    public Head commentary(Commentary c, String url, List<View.Link> cited, String versionDay) {
        List<View.Meta> m = ours(c.title(), url, c.summary(), versionDay);
        Map<String, Object> ld = ld("Article", c.title(), url);
        ld.put("headline", c.title());
        ld.put("description", c.summary());
        ld.put("author", Json.ordered("@type", "Organization", "name", site.author()));
        if (versionDay != null) ld.put("dateModified", versionDay);
        ld.put("citation", cited.stream().map(l -> Json.ordered("@type", "NewsArticle", "name", l.title(), "url",
                site.baseUrl() + l.url())).toList());
        return new Head(m, json(ld));
    }

    /** Returns the head of a claim page: a schema.org Claim whose appearances are the cited passages. */
    public Head claim(Claim c, String url, List<View.Cited> passages, String versionDay) {
        List<View.Meta> m = ours(c.statement(), url, c.statement(), versionDay);
        Map<String, Object> ld = ld("Claim", c.statement(), url);
        ld.put("text", c.statement());
        ld.put("author", Json.ordered("@type", "Organization", "name", site.author()));
        ld.put("appearance", passages.stream().map(p -> Json.ordered("@type", "CreativeWork", "name", p.sourceTitle(),
                "url", site.baseUrl() + p.href(), "text", p.quote())).toList());
        return new Head(m, json(ld));
    }

    /** Returns the head of the home page, with a WebSite and its SearchAction. */
    public Head home() {
        List<View.Meta> m = common(site.title(), "/", site.description(), null);
        m.add(new View.Meta("property", "og:type", "website"));
        Map<String, Object> ld = ld("WebSite", site.title(), "/");
        ld.put("description", site.description());
        ld.put("inLanguage", site.language());
        ld.put("potentialAction", Json.ordered("@type", "SearchAction",
                "target", site.baseUrl() + "/search/?q={search_term_string}",
                "query-input", "required name=search_term_string"));
        return new Head(m, json(ld));
    }

    /** Returns the head of any other page of ours. */
    public Head page(String title, String url, String description, String versionDay) {
        return new Head(ours(title, url, description, versionDay), null);
    }

    private List<View.Meta> ours(String title, String url, String description, String versionDay) {
        List<View.Meta> m = common(title, url, description, "webpage");
        m.add(new View.Meta("property", "og:type", "article"));
        m.add(new View.Meta("name", "citation_title", title));
        m.add(new View.Meta("name", "citation_author", site.author()));
        m.add(new View.Meta("name", "DC.creator", site.author()));
        m.add(new View.Meta("name", "DC.publisher", site.title()));
        m.add(new View.Meta("name", "citation_publisher", site.title()));
        if (versionDay != null) {
            m.add(new View.Meta("name", "citation_publication_date", versionDay.replace('-', '/')));
            m.add(new View.Meta("name", "DC.date", versionDay));
        }
        return m;
    }

    private Map<String, Object> ld(String type, String name, String url) {
        Map<String, Object> ld = new LinkedHashMap<>();
        ld.put("@context", "https://schema.org");
        ld.put("@type", type);
        ld.put("name", name);
        ld.put("url", site.baseUrl() + url);
        ld.put("inLanguage", site.language());
        return ld;
    }

    private static String json(Map<String, Object> ld) {
        return Json.inHtml(ld);
    }
}
