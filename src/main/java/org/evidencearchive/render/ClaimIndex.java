package org.evidencearchive.render;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import org.evidencearchive.cite.ResolvedCitation;
import org.evidencearchive.content.Claim;
import org.evidencearchive.content.Kind;
import org.evidencearchive.content.Person;
import org.evidencearchive.content.Topic;
import org.evidencearchive.evidence.FigureText;
import org.evidencearchive.graph.Urls;

/**
 * The claims index: an overview at /claims/ that counts the claims by topic and kind and links one page per
 * group — /claims/topic/ID/, /claims/kind/KIND/ and /claims/by/ACTOR/ — so that the filter is a set of plain
 * links and works without JavaScript. A filter page shows each claim's statement, its figure with the
 * qualifier, who gave it and the passage it rests on, in pages of at most {@link #PER_PAGE} claims.
 */
final class ClaimIndex extends PageModels {
    /** Claims on one filter page: at most about five screens at 1280 px. */
    static final int PER_PAGE = 25;

    ClaimIndex(PageContext ctx) {
        super(ctx);
    }

    static String topicUrl(Topic t) {
        return Urls.derived(Kind.TOPIC, t.id()).get(0);
    }

    static String kindUrl(Claim.ClaimKind k) {
        return "/claims/kind/" + k.word() + "/";
    }

    static String actorUrl(Person p) {
        return Urls.derived(Kind.PERSON, p.id()).get(0);
    }

    /** A filter choice: its label, page, how many claims it holds, and whether it is the page shown. */
    public record Choice(String label, String url, int count, boolean current) {}

    /** The filter, as three lists of links; actors are split into people and organisations. */
    public record Filter(List<Choice> topics, List<Choice> kinds, List<Choice> people, List<Choice> organisations) {}

    /** One claim on a filter page. */
    public record Entry(String statement, String url, String kind, String figure, List<View.Link> by,
                        List<View.Cited> passages) {}

    /** A run of entries under a heading (a kind on a topic's or actor's page). */
    public record Section(String id, String heading, List<Entry> entries) {}

    /** A topic's row on the overview: its claims per kind, each linking to that part of the topic's page. */
    public record TopicRow(String title, String url, int count, List<Choice> kinds) {}

    private record Group(String url, String title, String description, String crumb, List<Claim> claims, boolean byKind) {}

    List<PageSpec> pages() {
        List<PageSpec> out = new ArrayList<>();
        out.add(SitePlan.lazy("claims/index.html", "claims.ftl", null, this::overview));
        List<Group> groups = new ArrayList<>();
        for (Topic t : archive.topics()) {
            groups.add(new Group(topicUrl(t), "Claims: " + t.title(), "Every claim filed under the topic "
                    + t.title() + ", by kind.", t.id(), byKind(archive.claimsIn(t)), true));
        }
        // Every kind, topic and person has its page, claims or none, so that its URL lasts while the item does.
        for (Claim.ClaimKind k : Claim.ClaimKind.values()) {
            List<Claim> of = archive.claims().stream().filter(c -> c.claimKind() == k).toList();
            groups.add(new Group(kindUrl(k), "Claims: " + kindHeading(k).toLowerCase(java.util.Locale.ROOT),
                    kindDescription(k), k.word(), of, false));
        }
        for (Person p : archive.people()) {
            groups.add(new Group(actorUrl(p), "Claims by " + p.name(), "Every claim whose cited words the sources give to "
                    + p.name() + " (" + p.personKind().word() + "), by kind.", p.id(), byKind(archive.claimsBy(p)), true));
        }
        for (Group g : groups) out.addAll(filterPages(g));
        return out;
    }

    private List<PageSpec> filterPages(Group g) {
        List<List<List<Claim>>> split = Pager.split(List.of(g.claims()), PER_PAGE, List::size, (l, from, to) -> l.subList(from, to));
        List<List<Claim>> pages = split.stream().map(p -> p.stream().flatMap(List::stream).toList()).toList();
        List<String> shapes = SitePlan.shapes(split, l -> "", l -> l);
        List<PageSpec> out = new ArrayList<>();
        for (int k = 0; k < pages.size(); k++) {
            Pager pager = Pager.of(g.url(), k + 1, pages.size());
            List<Claim> page = pages.get(k);
            int offset = k * PER_PAGE;
            out.add(new PageSpec(pager.file(), "claims.ftl", () -> {
                Map<String, Object> m = base(pager.title(g.title()), pager.url(), g.description(), "claims-filter",
                        List.of(new View.Crumb("Home", "/"), new View.Crumb("Claims", "/claims/")));
                List<Section> sections = new ArrayList<>();
                if (g.byKind()) {
                    for (Claim.ClaimKind kind : Claim.ClaimKind.values()) {
                        List<Entry> es = page.stream().filter(c -> c.claimKind() == kind).map(this::entry).toList();
                        if (es.isEmpty()) continue;
                        // A kind begun on the page before continues here, under its heading said so and without the anchor.
                        boolean begun = offset > 0 && page.get(0).claimKind() == kind && g.claims().get(offset - 1).claimKind() == kind;
                        sections.add(begun ? new Section(null, kindHeading(kind) + " (continued)", es)
                                : new Section("kind-" + kind.word(), kindHeading(kind), es));
                    }
                } else {
                    sections.add(new Section(null, null, page.stream().map(this::entry).toList()));
                }
                m.put("sections", sections);
                m.put("filter", filter(g.url()));
                m.put("total", g.claims().size());
                m.put("pager", pager);
                return m;
            }, shapes.get(k)));
        }
        return out;
    }

    private Map<String, Object> overview() {
        Map<String, Object> m = base("Claims", "/claims/", "Every claim of the archive, grouped by topic and kind, "
                + "with a page for each topic, kind and speaker.", "claims-index", List.of(new View.Crumb("Home", "/")));
        List<TopicRow> rows = new ArrayList<>();
        for (Topic t : archive.topics().stream().sorted(Comparator.comparing(Topic::title)).toList()) {
            List<Claim> in = archive.claimsIn(t);
            List<Choice> kinds = new ArrayList<>();
            for (Claim.ClaimKind k : Claim.ClaimKind.values()) {
                long n = in.stream().filter(c -> c.claimKind() == k).count();
                if (n > 0) kinds.add(new Choice(kindHeading(k), kindStart(topicUrl(t), byKind(in), k), (int) n, false));
            }
            rows.add(new TopicRow(t.title(), topicUrl(t), in.size(), kinds));
        }
        m.put("rows", rows);
        m.put("filter", filter("/claims/"));
        m.put("total", archive.claims().size());
        return m;
    }

    /** The filter's choices with none current: the same on every filter page, so counted once per build. */
    private volatile Filter choices;

    private Filter filter(String current) {
        // every filter page reads every claim, topic and person (recorded for serve's dependencies, memo or not)
        archive.claims();
        archive.topics();
        archive.people();
        Filter all = choices;
        if (all == null) choices = all = choices();
        return new Filter(current(all.topics(), current), current(all.kinds(), current), current(all.people(), current),
                current(all.organisations(), current));
    }

    private static List<Choice> current(List<Choice> choices, String current) {
        return choices.stream().map(c -> c.url().equals(current) ? new Choice(c.label(), c.url(), c.count(), true) : c).toList();
    }

    private Filter choices() {
        List<Choice> topics = archive.topics().stream().sorted(Comparator.comparing(Topic::title))
                .map(t -> new Choice(t.title(), topicUrl(t), archive.claimsIn(t).size(), false)).toList();
        java.util.Map<Claim.ClaimKind, Integer> perKind = new java.util.EnumMap<>(Claim.ClaimKind.class);
        for (Claim c : archive.claims()) perKind.merge(c.claimKind(), 1, Integer::sum);
        List<Choice> kinds = new ArrayList<>();
        perKind.forEach((k, n) -> kinds.add(new Choice(kindHeading(k), kindUrl(k), n, false)));
        List<Choice> people = new ArrayList<>();
        List<Choice> organisations = new ArrayList<>();
        for (Person p : actors()) {
            Choice c = new Choice(p.name(), actorUrl(p), archive.claimsBy(p).size(), false);
            (p.personKind() == Person.PersonKind.PERSON ? people : organisations).add(c);
        }
        return new Filter(topics, kinds, people, organisations);
    }

    /** Claims in the order a grouped page lists them: by kind, then as given (id order). */
    static List<Claim> byKind(List<Claim> claims) {
        return claims.stream().sorted(Comparator.comparing(Claim::claimKind)).toList();
    }

    /** The URL of the heading where a kind's claims begin on a grouped page (page 2 or later when they start there). */
    static String kindStart(String url, List<Claim> ordered, Claim.ClaimKind kind) {
        int at = 0;
        while (ordered.get(at).claimKind() != kind) at++;
        return Pager.of(url, at / PER_PAGE + 1, 1 + (ordered.size() - 1) / PER_PAGE).url() + "#kind-" + kind.word();
    }

    /** The people and organisations who hold at least one claim, by name. */
    private List<Person> actors() {
        return archive.people().stream().filter(p -> !archive.claimsBy(p).isEmpty())
                .sorted(Comparator.comparing(Person::name)).toList();
    }

    private Entry entry(Claim c) {
        View.Link self = link(c);
        Citations cs = ctx.citations();
        for (ResolvedCitation rc : archive.citations(c)) cs.add(rc);
        return new Entry(c.statement(), self.url(), c.claimKind().word(),
                c.figure() == null ? null : FigureText.describe(c, archive),
                archive.peopleOf(c.by()).stream().map(this::link).toList(), cs.list);
    }

    static String kindHeading(Claim.ClaimKind kind) {
        return switch (kind) {
            case STATISTIC -> "Statistics";
            case POSITION -> "Positions";
            case REPORT -> "The reports' own accounts";
            case EVENT -> "Events";
            case FACT -> "Facts";
        };
    }

    private static String kindDescription(Claim.ClaimKind kind) {
        return switch (kind) {
            case STATISTIC -> "Every claim that reports a number, with its qualifier, measure and period as the source gives them.";
            case POSITION -> "Every claim that records what an actor said or wrote, attributed to them.";
            case REPORT -> "Every claim that records an outlet's own account or framing, attributed to the report.";
            case EVENT -> "Every claim that records something the sources say happened.";
            case FACT -> "Every other statement of fact the sources make.";
        };
    }
}
