package org.evidencearchive.render;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.evidencearchive.content.Claim;
import org.evidencearchive.content.Commentary;
import org.evidencearchive.content.Item;
import org.evidencearchive.content.Kind;
import org.evidencearchive.content.Person;
import org.evidencearchive.content.Source;
import org.evidencearchive.content.Topic;
import org.evidencearchive.graph.Queries;
import org.evidencearchive.graph.Reads;
import org.evidencearchive.graph.Urls;

/** The site plan: every page of the site with its path, template and model recipe, and every link target. */
final class SitePlan {
    private final PageContext ctx;
    private final Queries archive;
    private final ItemPages items;
    private final ListPages lists;
    private final FigurePages figures;
    private final ClaimIndex claimIndex;
    private final VersionViews versions;

    SitePlan(PageContext ctx) {
        this.ctx = ctx;
        this.archive = ctx.archive;
        this.versions = new VersionViews(ctx);
        this.items = new ItemPages(ctx, versions);
        this.lists = new ListPages(ctx);
        this.figures = new FigurePages(ctx);
        this.claimIndex = new ClaimIndex(ctx);
    }

    /** Returns every URL and paragraph anchor the site will have, for link checking. */
    Set<String> targets() {
        Set<String> t = pageUrls();
        for (Source s : archive.sources()) {
            s.text().paragraphs().forEach(p -> t.add(Urls.of(s) + "#" + p.anchor()));
        }
        return t;
    }

    /** Returns the URL of every section and item page (and of items whose files have errors). */
    Set<String> pageUrls() {
        Set<String> t = new TreeSet<>(SECTIONS);
        archive.sources().forEach(i -> t.add(Urls.of(i)));
        archive.commentary().forEach(i -> t.add(Urls.of(i)));
        archive.claims().forEach(i -> t.add(Urls.of(i)));
        archive.topics().forEach(i -> t.add(Urls.of(i)));
        archive.people().forEach(i -> t.add(Urls.of(i)));
        // The claims index's pages: one per kind, and one made from each topic and person.
        for (Claim.ClaimKind k : Claim.ClaimKind.values()) t.add(ClaimIndex.kindUrl(k));
        archive.topics().forEach(i -> t.addAll(Urls.derived(Kind.TOPIC, i.id())));
        archive.people().forEach(i -> t.addAll(Urls.derived(Kind.PERSON, i.id())));
        // Items whose files have errors are reported there; links to them are not reported again.
        t.addAll(Urls.ofUnparsed(archive.corpus().unparsed()));
        return t;
    }

    /** Whether a site-relative URL is one of {@link #targets()}, found without making the set. */
    boolean isTarget(String url) {
        if (SECTIONS.contains(url)) return true;
        String from = Urls.derivedFrom(url);
        if (from != null) return isTarget(from);
        for (Claim.ClaimKind k : Claim.ClaimKind.values()) if (ClaimIndex.kindUrl(k).equals(url)) return true;
        String[] parts = url.split("/", -1); // "", section, id, "" or "#anchor"
        if (parts.length != 4 || !parts[0].isEmpty()) return false;
        Kind kind = null;
        for (Kind k : Kind.values()) if (k.section().equals(parts[1])) kind = k;
        if (kind == null || parts[2].isEmpty()) return false;
        String id = parts[2];
        if (parts[3].isEmpty()) {
            return archive.has(kind, id) || archive.corpus().unparsed().contains(kind + ":" + id);
        }
        if (kind != Kind.SOURCE || !parts[3].startsWith("#")) return false;
        String anchor = parts[3].substring(1);
        // A source whose file has errors is reported there; links to its paragraphs are not reported again.
        return archive.source(id).map(s -> s.text().paragraphs().stream().anyMatch(p -> p.anchor().equals(anchor)))
                .orElse(archive.corpus().unparsed().contains("source:" + id));
    }

    private static final Set<String> SECTIONS = Set.of("/", "/sources/", "/commentary/", "/claims/", "/topics/", "/people/",
            "/search/", "/timeline/", "/figures/", "/about/", "/corrections/");

    /** Returns every page of the site. */
    List<PageSpec> pages() {
        List<PageSpec> pages = new ArrayList<>();
        pages.add(lists.home());
        // One item's page model reads the linked archive and nothing else: it is made when the page is rendered.
        for (Source s : archive.sources()) pages.add(lazy("sources/" + s.id() + "/index.html", "source.ftl", s, () -> items.source(s)));
        for (Commentary c : archive.commentary()) {
            pages.add(lazy("commentary/" + c.id() + "/index.html", "commentary.ftl", c, () -> items.commentary(c)));
        }
        for (Claim c : archive.claims()) pages.add(lazy("claims/" + c.id() + "/index.html", "claim.ftl", c, () -> items.claim(c)));
        for (Topic t : archive.topics()) pages.add(lazy("topics/" + t.id() + "/index.html", "topic.ftl", t, () -> items.topic(t)));
        for (Person p : archive.people()) pages.add(lazy("people/" + p.id() + "/index.html", "person.ftl", p, () -> items.person(p)));
        pages.addAll(lists.index("sources", "Sources", "Every archived article, verbatim.",
                List.of(new ListPages.ItemGroup("", List.copyOf(archive.sources())))));
        pages.addAll(lists.index("commentary", "Commentary", "Our commentary on the sources.",
                List.of(new ListPages.ItemGroup("", List.copyOf(archive.commentary())))));
        pages.addAll(lists.index("topics", "Topics", "The topics of the archive.",
                List.of(new ListPages.ItemGroup("", List.copyOf(archive.topics())))));
        pages.addAll(lists.index("people", "People and organisations", "Everyone the sources quote or name as acting.",
                lists.peopleGroups()));
        pages.addAll(claimIndex.pages());
        pages.add(new TimelinePage(ctx).page());
        pages.addAll(figures.figures());
        pages.add(versions.page());
        pages.add(lists.simple("404.html", "404", "Page not found", "/404.html"));
        pages.add(lists.simple("search/index.html", "search", "Search", "/search/"));
        pages.add(lists.about());
        pages.add(lists.feed());
        pages.add(lists.sitemap(this::pageUrls));
        return pages;
    }

    /**
     * Digests of what each planned page of an index shows and how many pages it has (64-bit FNV-1a, pages in
     * parallel): a digest only tells a page's plan from its previous plan.
     */
    static <G> List<String> shapes(List<List<G>> pages, java.util.function.Function<G, String> heading,
                                           java.util.function.Function<G, List<? extends Item>> items) {
        return java.util.stream.IntStream.range(0, pages.size()).parallel().mapToObj(k -> {
            long h = 0xcbf29ce484222325L ^ pages.size();
            for (G g : pages.get(k)) {
                h = digest(h, heading.apply(g));
                for (Item i : items.apply(g)) h = digest(h, shapeKey(i));
            }
            return Long.toHexString(h);
        }).toList();
    }

    private static long digest(long h, String part) {
        for (int k = 0; k < part.length(); k++) h = (h ^ part.charAt(k)) * 0x100000001b3L;
        return (h ^ '\n') * 0x100000001b3L;
    }

    /** An item in a page's shape: its id (a planned page lists one kind, and ids are unique within a kind). */
    private static String shapeKey(Item i) {
        return i.id();
    }

    /** A page whose model is made when it is rendered; an item's page reads its item. */
    static PageSpec lazy(String path, String template, Item item, java.util.function.Supplier<Map<String, Object>> model) {
        return new PageSpec(path, template, () -> {
            Reads.item(item);
            return model.get();
        });
    }
}
