package org.evidencearchive.render;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.evidencearchive.content.Item;
import org.evidencearchive.content.Person;
import org.evidencearchive.content.Topic;
import org.evidencearchive.graph.Urls;

/** The models of the pages that list items: the home page, the section indexes, the feed, the sitemap, and the search and 404 pages. */
final class ListPages extends PageModels {
    ListPages(PageContext ctx) {
        super(ctx);
    }

    /** A titled run of items on an index, chosen when the pages are planned; each page links its share. */
    record ItemGroup(String heading, List<? extends Item> items) {}

    List<ItemGroup> peopleGroups() {
        List<ItemGroup> groups = new ArrayList<>();
        for (Person.PersonKind kind : Person.PersonKind.values()) {
            var items = archive.people().stream().filter(p -> p.personKind() == kind)
                    .sorted(Comparator.comparing(Person::name)).toList();
            if (!items.isEmpty()) groups.add(new ItemGroup(kind == Person.PersonKind.PERSON ? "People" : "Organisations", items));
        }
        return groups;
    }

    /** A topic on the home page: the question it answers is asked of its title; its curated summary; its counts. */
    public record TopicCard(String title, String url, String summary, int claims, int sources, String claimsUrl) {}

    /** Sources listed on the home page; a larger archive's home page links to the full list. */
    static final int HOME_SOURCES = 24;

    PageSpec home() {
        return SitePlan.lazy("index.html", "index.ftl", null, this::homeModel);
    }

    private Map<String, Object> homeModel() {
        Map<String, Object> m = ctx.base(ctx.site.title(), "/", ctx.site.description(), "home", List.of(), ctx.metadata.home(), ctx.siteVersion, null);
        m.put("topics", archive.topics().stream().sorted(java.util.Comparator.comparing(Topic::title))
                .map(t -> new TopicCard(t.title(), Urls.of(t), t.summary(), archive.claimsIn(t).size(), archive.sourcesIn(t).size(),
                        ClaimIndex.topicUrl(t))).toList());
        m.put("sources", archive.sources().stream().limit(HOME_SOURCES).map(s -> new View.SourceSummary(s.title(), Urls.of(s), PageContext.dateLine(s),
                archive.topicsOf(s.topics()).stream().map(this::link).toList())).toList());
        m.put("counts", Map.of("sources", archive.sources().size(), "claims", archive.claims().size(),
                "commentary", archive.commentary().size(), "people", archive.people().size()));
        return m;
    }

    /** Links on one page of a section's index; a larger index continues on /SECTION/page/2/ and so on. */
    static final int LINKS_PER_PAGE = 250;
    /** A section's index, in pages of at most {@link #LINKS_PER_PAGE} links; a group split over two pages says so. */
    List<PageSpec> index(String section, String title, String description, List<ItemGroup> groups) {
        List<List<ItemGroup>> pages = Pager.split(groups, LINKS_PER_PAGE, g -> g.items().size(),
                (g, from, to) -> new ItemGroup(from == 0 ? g.heading() : (g.heading().isEmpty() ? "" : g.heading() + " (continued)"),
                        g.items().subList(from, to)));
        List<String> shapes = SitePlan.shapes(pages, g -> "# " + g.heading(), ItemGroup::items);
        List<PageSpec> out = new ArrayList<>();
        for (int k = 0; k < pages.size(); k++) {
            Pager pager = Pager.of("/" + section + "/", k + 1, pages.size());
            List<ItemGroup> page = pages.get(k);
            boolean first = k == 0;
            out.add(new PageSpec(pager.file(), "list.ftl", () -> {
                Map<String, Object> m = base(pager.title(title), pager.url(), description, "index",
                        first ? List.of(new View.Crumb("Home", "/")) : List.of(new View.Crumb("Home", "/"), new View.Crumb(title, "/" + section + "/")));
                m.put("groups", page.stream().map(g -> new View.Group(g.heading(), g.items().stream().map(this::entry).toList())).toList());
                m.put("pager", pager);
                return m;
            }, shapes.get(k)));
        }
        return out;
    }

    /** An index entry: a source with its outlet and date as its page gives them, commentary and topics with their summary. */
    private View.Entry entry(Item i) {
        View.Link l = link(i);
        String note = switch (i) {
            case org.evidencearchive.content.Source s -> (s.outlet() == null ? "outlet not recorded" : s.outlet()) + ", " + PageContext.dateLine(s);
            case org.evidencearchive.content.Commentary c -> c.summary();
            case org.evidencearchive.content.Topic t -> t.summary();
            default -> null;
        };
        return new View.Entry(l.title(), l.url(), l.kind(), note == null || note.isBlank() ? null : note);
    }

    PageSpec simple(String path, String template, String title, String url) {
        return SitePlan.lazy(path, template + ".ftl", null, () -> {
            Map<String, Object> m = base(title, url, title, template, List.of(new View.Crumb("Home", "/")));
            m.put("topics", archive.topics().stream().map(this::link).toList());
            return m;
        });
    }

    /** The About page: its words are in about.ftl; the model gives it the archive's counts. */
    PageSpec about() {
        return SitePlan.lazy("about/index.html", "about.ftl", null, () -> {
            Map<String, Object> m = base("About this archive", "/about/", "What the archive is, the evidence standard it "
                    + "keeps, how claims are checked, how to cite it and how to report an error.", "about",
                    List.of(new View.Crumb("Home", "/")));
            m.put("counts", Map.of("sources", archive.sources().size(), "claims", archive.claims().size(),
                    "commentary", archive.commentary().size(), "people", archive.people().size(),
                    "topics", archive.topics().size()));
            return m;
        });
    }

    PageSpec feed() {
        return SitePlan.lazy("feed.xml", "feed.ftl", null, () -> {
            Map<String, Object> m = base(ctx.site.title(), "/feed.xml", ctx.site.description(), "feed", List.of());
            List<View.FeedEntry> entries = new ArrayList<>();
            for (Item i : java.util.stream.Stream.concat(archive.sources().stream(), archive.commentary().stream()).toList()) {
                View.Link l = link(i);
                entries.add(new View.FeedEntry(l.title(), l.url(), l.kind(), ctx.version(i).feedDate()));
            }
            m.put("entries", entries);
            m.put("corrections", new VersionViews(ctx).all());
            return m;
        });
    }

    /** The data exports the sitemap lists (ListPagesTest checks the list against the built {@code /data/}). */
    static final List<String> DATA_FILES = List.of("/data/annotations.jsonld", "/data/archive.json",
            "/data/archive.schema.json", "/data/archive.wacz", "/data/archive.warc.gz", "/data/claims.json",
            "/data/fixity.json", "/data/sources.csl.json");

    /**
     * The sitemap: every section (but search) and item page, each archived text and the data exports, each with the day of the
     * last commit that changed it ({@code lastmod}; an item page's own files, a list page or export the site's).
     */
    PageSpec sitemap(java.util.function.Supplier<Set<String>> pageUrls) {
        return SitePlan.lazy("sitemap.xml", "sitemap.ftl", null, () -> {
            Map<String, Object> m = base(ctx.site.title(), "/sitemap.xml", "", "sitemap", List.of());
            Map<String, Item> items = new java.util.HashMap<>();
            archive.items().forEach(i -> items.put(Urls.of(i), i));
            String siteDay = ctx.siteVersion.day();
            List<View.SitemapEntry> entries = new ArrayList<>();
            // the claims of a person or organisation who has none: a page that says "No claims yet" is not one to list
            Set<String> empty = new java.util.HashSet<>();
            for (org.evidencearchive.content.Person p : archive.people()) {
                if (archive.claimsBy(p).isEmpty()) empty.addAll(Urls.derived(org.evidencearchive.content.Kind.PERSON, p.id()));
            }
            for (String url : pageUrls.get()) {
                if (url.equals("/search/") || empty.contains(url)) continue; // no content of its own: it asks not to be listed (layout.ftl)
                Item item = items.get(url);
                entries.add(new View.SitemapEntry(url, item == null ? siteDay : ctx.version(item).day()));
                if (item instanceof org.evidencearchive.content.Source s) {
                    entries.add(new View.SitemapEntry(url + "text.txt", ctx.textVersion(s).day()));
                }
            }
            DATA_FILES.forEach(url -> entries.add(new View.SitemapEntry(url, siteDay)));
            m.put("urls", entries);
            return m;
        });
    }
}
