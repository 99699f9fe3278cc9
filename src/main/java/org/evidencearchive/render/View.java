package org.evidencearchive.render;

import java.util.List;

/** What templates see: plain records, no logic, no access to the graph. */
public final class View {
    private View() {}

    /** A link to another page. */
    public record Link(String title, String url, String kind) {}

    /** A link with a one-sentence summary. */
    public record Card(String title, String url, String summary) {}

    /** "Cite this": the four styles as HTML rendered by the CSL processor (escaped there, italics kept) and the downloads. */
    public record CiteThis(String apa, String chicago, String harvard, String oscola, String bib, String ris, String csl) {}

    /** A pinpoint citation of one paragraph: its OSCOLA footnote ("… para 4 &lt;URL#p4&gt;."), as HTML. */
    public record Pinpoint(String oscola) {}

    /** A breadcrumb trail entry. */
    public record Crumb(String title, String url) {}

    /**
     * A tag of the head: {@code <meta name|property="key" content="content">}, or with {@code attr} "rel" a
     * {@code <link rel="key" href="content">}.
     */
    public record Meta(String attr, String key, String content) {}

    /** An entry of the feed: an item, and when it last changed (its last commit's date, as its page says). */
    public record FeedEntry(String title, String url, String kind, String updated) {}

    /** A URL of the sitemap, with the day it last changed (null when unversioned). */
    public record SitemapEntry(String url, String lastmod) {}

    /** What every page has. */
    public record Page(String title, String url, String canonical, String description, String kind,
                       List<Crumb> breadcrumbs, String stylesheet, List<Meta> meta, String jsonLd, String version,
                       List<Link> related, CiteThis cite) {}

    /** A citation shown in a list of cited passages. */
    public record Cited(int number, String quote, String sourceTitle, String sourceUrl, String paragraph, String href) {}

    /** One paragraph of an archived text, with the items that cite it. */
    public record Paragraph(String anchor, String number, String html, List<Link> citedBy, Pinpoint cite) {}

    /** A source page. */
    public record Source(String id, String title, String headline, List<String> authors, String outlet,
                         String published, String inferred, String inferredBasis, String originalUrl, String sha256,
                         String provenance, String noteHtml, List<String> preamble, List<Paragraph> paragraphs,
                         List<Link> topics, List<Link> commentary, List<Link> claims, String textUrl, int words) {}

    /** A commentary page. */
    public record Commentary(String id, String title, String summary, String bodyHtml, List<Link> about,
                             List<Link> topics, List<Cited> cited) {}

    /** A related claim. */
    public record Relation(String label, Link claim) {}

    /** A claim page. */
    public record Claim(String id, String statement, String kind, String date, List<Link> topics, List<Link> by,
                        String figure, List<Cited> passages, List<Relation> related, String noteHtml, List<Cited> cited) {}

    /** A role with the passage that states it. */
    public record Role(String role, Cited passage) {}

    /** A person or organisation page. */
    public record Person(String id, String name, String kind, List<Role> roles, List<Link> claims,
                         List<Link> sources, String noteHtml, List<Cited> cited, String claimsUrl) {}

    /** A group of links under a heading (indexes). */
    public record Group(String heading, List<Entry> links) {}

    /** An entry of a section's index: a link, and what the reader needs to choose it (a source's date, a summary), or null. */
    public record Entry(String title, String url, String kind, String note) {}

    /** A source as listed on the home and index pages. */
    public record SourceSummary(String title, String url, String date, List<Link> topics) {}
}
