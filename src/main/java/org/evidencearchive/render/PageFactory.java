package org.evidencearchive.render;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.evidencearchive.check.Diagnostics;
import org.evidencearchive.cite.ResolvedCitation;
import org.evidencearchive.config.SiteConfig;
import org.evidencearchive.content.Claim;
import org.evidencearchive.content.Commentary;
import org.evidencearchive.content.Item;
import org.evidencearchive.content.Kind;
import org.evidencearchive.content.Person;
import org.evidencearchive.content.Source;
import org.evidencearchive.content.Topic;
import org.evidencearchive.publish.GitVersion;
import org.evidencearchive.reference.CitationStyles;
import org.evidencearchive.reference.Exports;
import org.evidencearchive.reference.Reference;
import org.evidencearchive.graph.Archive;
import org.evidencearchive.graph.Queries;
import org.evidencearchive.graph.RecordingQueries;
import org.evidencearchive.graph.Reads;
import org.evidencearchive.graph.RichText;
import org.evidencearchive.graph.Urls;

/** Turns the archive graph into the list of pages to render, each with a plain model. */
public final class PageFactory {
    /** The graph as pages read it: every answer recorded for the incremental rebuild. */
    private final Queries archive;
    private final SiteConfig site;
    private final GitVersion siteVersion;
    private final Map<java.nio.file.Path, GitVersion> fileVersions;
    private final Metadata metadata;
    private final Markdown markdown = new Markdown();

    /**
     * Creates a factory. {@code siteVersion} (the last commit of the content) versions the site-wide pages and
     * dates the feed; {@code fileVersions} gives each content file's last commit, so each page shows its own.
     */
    public PageFactory(Archive archive, SiteConfig site, GitVersion siteVersion, Map<java.nio.file.Path, GitVersion> fileVersions) {
        this.archive = new RecordingQueries(archive);
        this.site = site;
        this.siteVersion = siteVersion;
        this.fileVersions = fileVersions;
        this.metadata = new Metadata(site);
    }

    /** Returns the reference of a source, commentary or claim page, for "cite this" and its downloads. */
    public Reference reference(Item item) {
        GitVersion v = version(item);
        String day = v.day();
        String commit = v.commit() == null ? null : v.commit().substring(0, Math.min(7, v.commit().length()));
        if (item instanceof Source s) {
            return new Reference(Reference.Type.NEWSPAPER_ARTICLE, s.headline() != null ? s.headline() : s.title(),
                    s.headline() == null, s.authors(), null, s.outlet(), s.published() == null ? null : s.published().value(),
                    s.url(), site.title(), site.baseUrl() + Urls.of(s), commit, day, s.id(), null);
        }
        return new Reference(Reference.Type.WEBPAGE, item.title(), false, List.of(), site.title(), null, day, null,
                site.title(), site.baseUrl() + Urls.of(item), commit, day, item.id(), null);
    }

    /** Returns the "cite this" downloads of the given items (those without a citable page have none). */
    public Map<String, byte[]> citationFiles(List<? extends Item> items) {
        Map<String, byte[]> out = new java.util.TreeMap<>();
        List<Item> citable = items.stream().filter(i -> i instanceof Source || i instanceof Commentary || i instanceof Claim)
                .map(i -> (Item) i).toList();
        Map<String, byte[]> made = new java.util.concurrent.ConcurrentHashMap<>();
        citable.parallelStream().forEach(i -> {
            Reference r = reference(i);
            String dir = Urls.of(i).substring(1);
            made.put(dir + "cite.bib", Exports.bibtex(r).getBytes(java.nio.charset.StandardCharsets.UTF_8));
            made.put(dir + "cite.ris", Exports.ris(r).getBytes(java.nio.charset.StandardCharsets.UTF_8));
            made.put(dir + "cite.json", Exports.cslJson(r));
        });
        out.putAll(made);
        return out;
    }

    /** Returns /data/sources.csl.json: every source as CSL-JSON. */
    public byte[] sourcesCsl() {
        return org.evidencearchive.export.Json.bytes(archive.sources().stream().map(s -> Exports.cslItem(reference(s))).toList());
    }

    /** Returns the version of an item's page: the last commit that changed any of its files. */
    GitVersion version(Item item) {
        java.nio.file.Path cwd = java.nio.file.Path.of("").toAbsolutePath();
        GitVersion v = fileVersions.getOrDefault(cwd.resolve(item.origin().file()).normalize(), GitVersion.UNVERSIONED);
        if (item instanceof Source s) v = v.newer(fileVersions.getOrDefault(s.textFile().toAbsolutePath().normalize(), GitVersion.UNVERSIONED));
        return v;
    }

    /** Returns every URL and paragraph anchor the site will have, for link checking. */
    public Set<String> targets() {
        Set<String> t = pageUrls();
        for (Source s : archive.sources()) {
            s.text().paragraphs().forEach(p -> t.add(Urls.of(s) + "#" + p.anchor()));
        }
        return t;
    }

    /** Returns the URL of every section and item page (and of items whose files have errors). */
    private Set<String> pageUrls() {
        Set<String> t = new TreeSet<>(SECTIONS);
        archive.sources().forEach(i -> t.add(Urls.of(i)));
        archive.commentary().forEach(i -> t.add(Urls.of(i)));
        archive.claims().forEach(i -> t.add(Urls.of(i)));
        archive.topics().forEach(i -> t.add(Urls.of(i)));
        archive.people().forEach(i -> t.add(Urls.of(i)));
        // Items whose files have errors are reported there; links to them are not reported again.
        for (String unparsed : archive.corpus().unparsed()) {
            String[] kindId = unparsed.split(":", 2);
            t.add(Urls.of(Kind.of(kindId[0]).orElseThrow(), kindId[1]));
        }
        return t;
    }

    /** Checks every Markdown body (raw HTML, link schemes, images, internal links). */
    public void checkBodies(Diagnostics diagnostics) {
        checkBodies(diagnostics, new BodyChecks(), false);
    }

    /**
     * Checks every Markdown body, re-using what {@code memo} kept of an earlier check for bodies that have not
     * changed (the same objects) when {@code sameTargets}: the site's link targets are the same as then.
     */
    public void checkBodies(Diagnostics diagnostics, BodyChecks memo, boolean sameTargets) {
        List<org.evidencearchive.content.Body> bodies = new ArrayList<>();
        List<String> shownOn = new ArrayList<>(); // the page each body is shown on: its relative links resolve there
        archive.sources().forEach(s -> { bodies.add(s.note()); shownOn.add(Urls.of(s)); });
        archive.commentary().forEach(c -> { bodies.add(c.body()); shownOn.add(Urls.of(c)); });
        archive.claims().forEach(c -> { bodies.add(c.body()); shownOn.add(Urls.of(c)); });
        archive.topics().forEach(t -> { bodies.add(t.body()); shownOn.add(Urls.of(t)); });
        archive.people().forEach(p -> { bodies.add(p.body()); shownOn.add(Urls.of(p)); });
        java.util.function.Supplier<java.util.Collection<String>> all = new java.util.function.Supplier<>() {
            private Set<String> made;

            @Override
            public synchronized java.util.Collection<String> get() {
                if (made == null) made = targets();
                return made;
            }
        };
        if (!sameTargets) memo.clear();
        List<List<org.evidencearchive.check.Diagnostic>> kept = bodies.parallelStream().map(memo::kept).toList();
        List<List<org.evidencearchive.check.Diagnostic>> found = java.util.stream.IntStream.range(0, bodies.size()).parallel()
                .mapToObj(k -> {
                    if (kept.get(k) != null) return kept.get(k);
                    Diagnostics one = new Diagnostics();
                    markdown.check(archive.rich(bodies.get(k)), shownOn.get(k), this::isTarget, all, one);
                    return one.sorted();
                }).toList();
        for (int k = 0; k < bodies.size(); k++) {
            if (kept.get(k) == null) memo.keep(bodies.get(k), found.get(k));
            found.get(k).forEach(diagnostics::add);
        }
        memo.advance(bodies);
    }

    /** Whether a site-relative URL is one of {@link #targets()}, found without making the set. */
    boolean isTarget(String url) {
        if (SECTIONS.contains(url)) return true;
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
            "/search/", "/timeline/", "/figures/");

    /** Returns every page of the site. */
    public List<PageSpec> pages() {
        List<PageSpec> pages = new ArrayList<>();
        pages.add(home());
        // One item's page model reads the linked archive and nothing else: it is made when the page is rendered.
        for (Source s : archive.sources()) pages.add(lazy("sources/" + s.id() + "/index.html", "source.ftl", s, () -> source(s)));
        for (Commentary c : archive.commentary()) {
            pages.add(lazy("commentary/" + c.id() + "/index.html", "commentary.ftl", c, () -> commentary(c)));
        }
        for (Claim c : archive.claims()) pages.add(lazy("claims/" + c.id() + "/index.html", "claim.ftl", c, () -> claim(c)));
        for (Topic t : archive.topics()) pages.add(lazy("topics/" + t.id() + "/index.html", "topic.ftl", t, () -> topic(t)));
        for (Person p : archive.people()) pages.add(lazy("people/" + p.id() + "/index.html", "person.ftl", p, () -> person(p)));
        pages.addAll(index("sources", "Sources", "Every archived article, verbatim.",
                List.of(new ItemGroup("", List.copyOf(archive.sources())))));
        pages.addAll(index("commentary", "Commentary", "Our commentary on the sources.",
                List.of(new ItemGroup("", List.copyOf(archive.commentary())))));
        pages.addAll(index("topics", "Topics", "The topics of the archive.",
                List.of(new ItemGroup("", List.copyOf(archive.topics())))));
        pages.addAll(index("people", "People and organisations", "Everyone the sources quote or name as acting.",
                peopleGroups()));
        pages.addAll(index("claims", "Claims", "Every claim, with the passages that support it, by topic and kind.",
                claimGroups()));
        pages.add(timeline());
        pages.addAll(figures());
        pages.add(simple("404.html", "404", "Page not found", "/404.html"));
        pages.add(simple("search/index.html", "search", "Search", "/search/"));
        pages.add(feed());
        pages.add(sitemap());
        return pages;
    }

    /** A titled run of items on an index, chosen when the pages are planned; each page links its share. */
    private record ItemGroup(String heading, List<? extends Item> items) {}

    private List<ItemGroup> peopleGroups() {
        List<ItemGroup> groups = new ArrayList<>();
        for (String kind : List.of("person", "organisation")) {
            var items = archive.people().stream().filter(p -> p.personKind().equals(kind))
                    .sorted(Comparator.comparing(Person::name)).toList();
            if (!items.isEmpty()) groups.add(new ItemGroup(kind.equals("person") ? "People" : "Organisations", items));
        }
        return groups;
    }

    private List<ItemGroup> claimGroups() {
        List<ItemGroup> groups = new ArrayList<>();
        for (Topic t : archive.topics()) {
            List<Claim> inTopic = archive.claimsIn(t);
            for (String kind : Claim.KINDS) {
                var items = inTopic.stream().filter(c -> c.claimKind().equals(kind)).toList();
                if (!items.isEmpty()) groups.add(new ItemGroup(t.title() + " — " + kindLabel(kind), items));
            }
        }
        return groups;
    }

    private static String kindLabel(String kind) {
        return switch (kind) {
            case "statistic" -> "statistics";
            case "position" -> "positions";
            case "report" -> "the reports' own accounts";
            case "event" -> "events";
            default -> "facts";
        };
    }

    // ---- pages ----

    private Map<String, Object> base(String title, String url, String description, String kind, List<View.Crumb> crumbs) {
        return base(title, url, description, kind, crumbs, metadata.page(title, url, description, siteVersion.day()),
                siteVersion, null);
    }

    private Map<String, Object> base(String title, String url, String description, String kind, List<View.Crumb> crumbs,
                                     Metadata.Head head, GitVersion version, Item item) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("site", site);
        m.put("feedDate", siteVersion.feedDate());
        List<View.Link> related = item == null ? List.of() : archive.relatedTo(item).stream().map(this::link).toList();
        View.CiteThis cite = null;
        if (item instanceof Source || item instanceof Commentary || item instanceof Claim) {
            Reference r = reference(item);
            cite = new View.CiteThis(CitationStyles.apa(r), CitationStyles.chicago(r), CitationStyles.harvard(r),
                    CitationStyles.oscola(r), url + "cite.bib", url + "cite.ris", url + "cite.json");
        }
        m.put("page", new View.Page(title, url, site.baseUrl() + url, description, kind, crumbs, "/css/site.css",
                head.meta(), head.jsonLd(), version.label(), related, cite));
        return m;
    }

    private List<View.Crumb> crumbs(String sectionTitle, String sectionUrl) {
        return List.of(new View.Crumb("Home", "/"), new View.Crumb(sectionTitle, sectionUrl));
    }

    /** Sources listed on the home page; a larger archive's home page links to the full list. */
    static final int HOME_SOURCES = 24;

    private PageSpec home() {
        return lazy("index.html", "index.ftl", null, this::homeModel);
    }

    private Map<String, Object> homeModel() {
        Map<String, Object> m = base(site.title(), "/", site.description(), "home", List.of(), metadata.home(), siteVersion, null);
        m.put("topics", archive.topics().stream().sorted(java.util.Comparator.comparing(Topic::title))
                .map(t -> new View.Card(t.title(), Urls.of(t), t.summary())).toList());
        m.put("sources", archive.sources().stream().limit(HOME_SOURCES).map(s -> new View.SourceSummary(s.title(), Urls.of(s), dateLine(s),
                archive.topicsOf(s.topics()).stream().map(this::link).toList())).toList());
        m.put("counts", Map.of("sources", archive.sources().size(), "claims", archive.claims().size(),
                "commentary", archive.commentary().size(), "people", archive.people().size()));
        return m;
    }

    private static String dateLine(Source s) {
        if (s.published() != null) return s.published().display();
        if (s.dateInferred() != null) return "date unknown; inferred " + s.dateInferred().display();
        return "date unknown";
    }

    private Map<String, Object> source(Source s) {
        String url = Urls.of(s);
        Map<String, List<Item>> citedBy = archive.citedBy(s);
        List<ResolvedCitation> cites = archive.citationsOf(s);
        List<View.Paragraph> paragraphs = new ArrayList<>();
        List<Person> mentioned = archive.peopleMentionedIn(s);
        for (var p : s.text().paragraphs()) {
            List<ResolvedCitation> inP = cites.stream()
                    .filter(c -> c.start() >= p.offset() && c.end() <= p.offset() + p.text().length()).toList();
            var mentions = Highlighter.mentions(p, mentioned, Urls::of);
            Reference pin = reference(s).atParagraph(p.number(), p.anchor());
            paragraphs.add(new View.Paragraph(p.anchor(), p.number(), Highlighter.paragraphHtml(p, inP, mentions),
                    citedBy.getOrDefault(p.anchor(), List.of()).stream().map(this::link).toList(),
                    new View.Pinpoint(CitationStyles.apa(pin), CitationStyles.oscola(pin))));
        }
        String description = s.title() + " — archived verbatim"
                + (s.outlet() != null ? " from " + s.outlet() : "") + ".";
        GitVersion version = version(s);
        Map<String, Object> m = base(s.title(), url, description, "source", crumbs("Sources", "/sources/"),
                metadata.source(s, url, description, version.day()), version, s);
        RichText note = archive.rich(s.note());
        Citations cited = new Citations();
        m.put("source", new View.Source(s.id(), s.title(), s.headline(), s.authors(), s.outlet(),
                s.published() == null ? null : s.published().display(),
                s.dateInferred() == null ? null : s.dateInferred().display(),
                s.dateInferred() == null ? null : s.dateInferred().basis(), s.url(), s.sha256(), s.provenance(),
                html(note, cited), s.text().preamble(), paragraphs,
                archive.topicsOf(s.topics()).stream().map(this::link).toList(),
                archive.commentaryAbout(s).stream().map(this::link).toList(),
                archive.claimsCiting(s).stream().map(this::link).toList(),
                url + "text.txt", s.text().raw().split("\\s+").length));
        return m;
    }

    private Map<String, Object> commentary(Commentary c) {
        Citations cited = new Citations();
        String body = html(archive.rich(c.body()), cited);
        List<View.Link> about = c.about().stream().map(r -> archive.source(r.id())).flatMap(java.util.Optional::stream)
                .map(this::link).toList();
        GitVersion version = version(c);
        Map<String, Object> m = base(c.title(), Urls.of(c), c.summary(), "commentary", crumbs("Commentary", "/commentary/"),
                metadata.commentary(c, Urls.of(c), about, version.day()), version, c);
        m.put("commentary", new View.Commentary(c.id(), c.title(), c.summary(), body, about,
                archive.topicsOf(c.topics()).stream().map(this::link).toList(), cited.list));
        return m;
    }

    private Map<String, Object> claim(Claim c) {
        Citations passages = new Citations();
        archive.citations(c).forEach(passages::add);
        GitVersion version = version(c);
        Map<String, Object> m = base(c.statement(), Urls.of(c), c.statement(), "claim", crumbs("Claims", "/claims/"),
                metadata.claim(c, Urls.of(c), passages.list, version.day()), version, c);
        Citations cited = new Citations();
        cited.next = passages.list.size() + 1;
        String note = html(archive.rich(c.body()), cited);
        String figure = c.figure() == null ? null : org.evidencearchive.evidence.FigureText.describe(c, archive);
        m.put("claim", new View.Claim(c.id(), c.statement(), c.claimKind(), c.date() == null ? null : c.date().display(),
                archive.topicsOf(c.topics()).stream().map(this::link).toList(),
                archive.peopleOf(c.by()).stream().map(this::link).toList(), figure, passages.list,
                archive.related(c).stream().map(r -> new View.Relation(r.label(), link(r.claim()))).toList(),
                note, cited.list));
        return m;
    }

    private Map<String, Object> topic(Topic t) {
        GitVersion version = version(t);
        Map<String, Object> m = base(t.title(), Urls.of(t), t.summary(), "topic", crumbs("Topics", "/topics/"),
                metadata.page(t.title(), Urls.of(t), t.summary(), version.day()), version, t);
        Citations cited = new Citations();
        String intro = html(archive.rich(t.body()), cited);
        m.put("topic", new View.Topic(t.id(), t.title(), t.summary(), intro,
                archive.sourcesIn(t).stream().map(this::link).toList(),
                archive.commentaryIn(t).stream().map(this::link).toList(),
                archive.claimsIn(t).stream().map(this::link).toList(),
                archive.topicsOf(t.related()).stream().map(this::link).toList(), cited.list));
        return m;
    }

    private Map<String, Object> person(Person p) {
        String description = p.name() + " in the archive: roles as the sources state them, positions and sources.";
        GitVersion version = version(p);
        Map<String, Object> m = base(p.name(), Urls.of(p), description, "person", crumbs("People and organisations", "/people/"),
                metadata.page(p.name(), Urls.of(p), description, version.day()), version, p);
        Citations roles = new Citations();
        List<View.Role> roleViews = new ArrayList<>();
        var rc = archive.roleCitations(p);
        for (var role : p.roles()) {
            var match = rc.stream().filter(c -> c.ref() == role.citation()).findFirst();
            match.ifPresent(c -> roleViews.add(new View.Role(role.role(), roles.add(c))));
        }
        Citations cited = new Citations();
        cited.next = roles.list.size() + 1;
        String note = html(archive.rich(p.body()), cited);
        m.put("person", new View.Person(p.id(), p.name(), p.personKind(), roleViews,
                archive.claimsBy(p).stream().map(this::link).toList(),
                archive.sourcesMentioning(p).stream().map(this::link).toList(), note, cited.list));
        return m;
    }

    /** Links on one page of a section's index; a larger index continues on /SECTION/page/2/ and so on. */
    static final int LINKS_PER_PAGE = 250;
    /** Rows of figures on one page of /figures/. */
    static final int FIGURE_ROWS_PER_PAGE = 200;

    /** A section's index, in pages of at most {@link #LINKS_PER_PAGE} links; a group split over two pages says so. */
    private List<PageSpec> index(String section, String title, String description, List<ItemGroup> groups) {
        List<List<ItemGroup>> pages = Pager.split(groups, LINKS_PER_PAGE, g -> g.items().size(),
                (g, from, to) -> new ItemGroup(from == 0 ? g.heading() : (g.heading().isEmpty() ? "" : g.heading() + " (continued)"),
                        g.items().subList(from, to)));
        List<String> shapes = shapes(pages, g -> "# " + g.heading(), ItemGroup::items);
        List<PageSpec> out = new ArrayList<>();
        for (int k = 0; k < pages.size(); k++) {
            Pager pager = Pager.of("/" + section + "/", k + 1, pages.size());
            List<ItemGroup> page = pages.get(k);
            boolean first = k == 0;
            out.add(new PageSpec(pager.file(), "list.ftl", () -> {
                Map<String, Object> m = base(pager.title(title), pager.url(), description, "index",
                        first ? List.of(new View.Crumb("Home", "/")) : List.of(new View.Crumb("Home", "/"), new View.Crumb(title, "/" + section + "/")));
                m.put("groups", page.stream().map(g -> new View.Group(g.heading(), g.items().stream().map(this::link).toList())).toList());
                m.put("pager", pager);
                return m;
            }, shapes.get(k)));
        }
        return out;
    }

    /**
     * Digests of what each planned page of an index shows and how many pages it has (64-bit FNV-1a, pages in
     * parallel): a digest only tells a page's plan from its previous plan.
     */
    private static <G> List<String> shapes(List<List<G>> pages, java.util.function.Function<G, String> heading,
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

    private PageSpec simple(String path, String template, String title, String url) {
        return lazy(path, template + ".ftl", null, () -> {
            Map<String, Object> m = base(title, url, title, template, List.of(new View.Crumb("Home", "/")));
            m.put("topics", archive.topics().stream().map(this::link).toList());
            return m;
        });
    }

    /** An entry of the timeline, from a claim: dated, or undated with the date of the report it comes from. */
    public record TimelineEntry(String date, String dateText, String kind, String statement, String url,
                                List<View.Cited> passages, String reportedIn) {}

    private PageSpec timeline() {
        return lazy("timeline/index.html", "timeline.ftl", null, this::timelineModel);
    }

    private Map<String, Object> timelineModel() {
        Map<String, Object> m = base("Timeline", "/timeline/", "What the sources report, in date order, dated only as precisely as they allow.",
                "timeline", List.of(new View.Crumb("Home", "/")));
        List<TimelineEntry> dated = new ArrayList<>();
        List<TimelineEntry> undated = new ArrayList<>();
        for (Claim c : archive.claims()) {
            // Undated: events, and figures whose period is relative to an undated report ("last year"), with its years.
            var period = org.evidencearchive.evidence.FigurePeriod.of(c, archive).filter(p -> p.basis() != null);
            if (c.date() == null && !c.claimKind().equals("event") && period.isEmpty()) continue;
            Citations cs = new Citations();
            archive.citations(c).forEach(cs::add);
            String reportedIn = archive.citations(c).stream().map(rc -> archive.source(rc.sourceId()).orElseThrow())
                    .distinct().map(s -> s.title() + " (" + dateLine(s) + ")").findFirst().orElse(null);
            TimelineEntry e = new TimelineEntry(c.date() == null ? null : c.date().value(),
                    c.date() == null ? period.map(org.evidencearchive.evidence.FigurePeriod::display).orElse(null) : c.date().display(),
                    c.claimKind(), c.statement(), Urls.of(c), cs.list, reportedIn);
            (c.date() == null ? undated : dated).add(e);
        }
        dated.sort(java.util.Comparator.comparing(TimelineEntry::date).thenComparing(TimelineEntry::url));
        m.put("events", dated);
        m.put("undated", undated);
        m.put("svg", dated.isEmpty() ? null : Charts.timeline("timeline-chart", "Timeline of dated claims",
                dated.size() + " dated claims, from " + dated.get(0).dateText() + " to " + dated.get(dated.size() - 1).dateText()
                        + ". Each links to its claim; the same entries are listed below.",
                dated.stream().map(e -> new Charts.Event(e.date(), e.statement(), e.url())).toList()));
        return m;
    }

    /** One measure's chart and table on the figures page. */
    public record FigureGroup(String measure, String unit, String svg, List<FigureRow> rows) {}

    /** One figure: its value, period, claim and source passage. */
    public record FigureRow(String value, String period, String statement, String claimUrl, View.Cited passage) {}

    /** The claims of one measure (in one unit), numbered in page order for their charts' ids. */
    private record Measure(int number, String measure, String unit, List<Claim> claims) {}

    private List<PageSpec> figures() {
        Map<String, List<Claim>> byMeasure = new java.util.TreeMap<>();
        for (Claim c : archive.claims()) {
            if (c.figure() != null) {
                byMeasure.computeIfAbsent(c.figure().measure() + "\u0000" + c.figure().unit(), k -> new ArrayList<>()).add(c);
            }
        }
        List<Measure> measures = new ArrayList<>();
        for (var e : byMeasure.entrySet()) {
            String[] mu = e.getKey().split("\u0000");
            measures.add(new Measure(measures.size() + 1, archive.corpus().measures().label(mu[0]), mu[1], e.getValue()));
        }
        // Whole measures to a page (a measure with more rows than a page holds gets a page of its own).
        List<List<Measure>> pages = Pager.split(measures, FIGURE_ROWS_PER_PAGE, g -> g.claims().size(), null);
        List<String> shapes = shapes(pages, g -> "# " + g.number() + " " + g.measure() + " " + g.unit(), Measure::claims);
        List<PageSpec> out = new ArrayList<>();
        for (int k = 0; k < pages.size(); k++) {
            Pager pager = Pager.of("/figures/", k + 1, pages.size());
            List<Measure> page = pages.get(k);
            boolean first = k == 0;
            out.add(new PageSpec(pager.file(), "figures.ftl", () -> {
                Map<String, Object> m = base(pager.title("Figures"), pager.url(),
                        "Every figure the sources give, drawn by what it measures.", "figures",
                        first ? List.of(new View.Crumb("Home", "/")) : List.of(new View.Crumb("Home", "/"), new View.Crumb("Figures", "/figures/")));
                m.put("groups", page.stream().map(this::figureGroup).toList());
                m.put("pager", pager);
                return m;
            }, shapes.get(k)));
        }
        return out;
    }

    private FigureGroup figureGroup(Measure g) {
        List<FigureRow> rows = new ArrayList<>();
        List<Charts.Bar> bars = new ArrayList<>();
        for (Claim c : g.claims()) {
            Reads.item(c);
            Citations cs = new Citations();
            archive.citations(c).forEach(cs::add);
            var period = org.evidencearchive.evidence.FigurePeriod.of(c, archive);
            rows.add(new FigureRow(org.evidencearchive.evidence.FigureText.value(c.figure()),
                    period.map(org.evidencearchive.evidence.FigurePeriod::display).orElse(null), c.statement(), Urls.of(c),
                    cs.list.isEmpty() ? null : cs.list.get(0)));
            bars.add(new Charts.Bar(c.figure().value(), c.figure().qualifier(),
                    period.map(org.evidencearchive.evidence.FigurePeriod::shortText).orElse(c.statement()), Urls.of(c)));
        }
        return new FigureGroup(g.measure(), g.unit(), Charts.bars("figure-" + g.number(), g.measure() + " (" + g.unit() + ")",
                "Bar chart of " + rows.size() + (rows.size() == 1 ? " figure" : " figures") + " for " + g.measure()
                        + "; each bar links to its claim. The same figures are in the table below.", g.unit(), bars), rows);
    }

    private PageSpec feed() {
        return lazy("feed.xml", "feed.ftl", null, () -> {
            Map<String, Object> m = base(site.title(), "/feed.xml", site.description(), "feed", List.of());
            List<View.Link> entries = new ArrayList<>();
            archive.sources().forEach(s -> entries.add(link(s)));
            archive.commentary().forEach(c -> entries.add(link(c)));
            m.put("entries", entries);
            return m;
        });
    }

    private PageSpec sitemap() {
        return lazy("sitemap.xml", "sitemap.ftl", null, () -> {
            Map<String, Object> m = base(site.title(), "/sitemap.xml", "", "sitemap", List.of());
            m.put("urls", pageUrls().stream().toList());
            return m;
        });
    }

    // ---- helpers ----

    /** An item in a page's shape: its id (a planned page lists one kind, and ids are unique within a kind). */
    private static String shapeKey(Item i) {
        return i.id();
    }

    /** A page whose model is made when it is rendered; an item's page reads its item. */
    private static PageSpec lazy(String path, String template, Item item, java.util.function.Supplier<Map<String, Object>> model) {
        return new PageSpec(path, template, () -> {
            Reads.item(item);
            return model.get();
        });
    }

    View.Link link(Item i) {
        Reads.item(i);
        return new View.Link(i.title(), Urls.of(i), i.kind().word());
    }

    /** Numbers the citations of one page and keeps them for the "cited passages" list. */
    private final class Citations {
        final List<View.Cited> list = new ArrayList<>();
        int next = 1;

        View.Cited add(ResolvedCitation rc) {
            Source s = archive.source(rc.sourceId()).orElseThrow();
            View.Cited c = new View.Cited(next++, rc.exact(), s.title(), Urls.of(s), rc.anchor().substring(1), Urls.passage(rc));
            list.add(c);
            return c;
        }
    }

    private String html(RichText text, Citations cited) {
        if (text == null || text.isBlank()) return null;
        return markdown.render(text, rc -> {
            View.Cited c = cited.add(rc);
            return "<a class=\"cite\" href=\"" + escape(c.href()) + "\" title=\"" + escape("“" + c.quote() + "” — "
                    + c.sourceTitle() + ", paragraph " + c.paragraph()) + "\">[" + c.number() + "]</a>";
        });
    }

    static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
