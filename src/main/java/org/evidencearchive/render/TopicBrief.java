package org.evidencearchive.render;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.evidencearchive.cite.ResolvedCitation;
import org.evidencearchive.content.Claim;
import org.evidencearchive.content.Person;
import org.evidencearchive.content.Source;
import org.evidencearchive.content.Topic;
import org.evidencearchive.evidence.FigurePeriod;
import org.evidencearchive.evidence.FigureText;
import org.evidencearchive.graph.Queries;
import org.evidencearchive.graph.Urls;

/**
 * A topic page as an evidence brief: the curated summary and introduction, then the topic's figures, who says
 * what (positions by actor, and the pairs the claims' relations mark as answering or contrasting), its events in
 * date order, its sources with their dates, and its commentary. Nothing here writes a sentence of its own about
 * the evidence: every text shown is a claim's statement, a figure as {@link FigureText} words it, an editor's
 * field, or a role as a source gives it, and each links to its passage.
 */
final class TopicBrief {
    private final PageContext ctx;
    private final Queries archive;

    TopicBrief(PageContext ctx) {
        this.ctx = ctx;
        this.archive = ctx.archive;
    }

    /**
     * A passage: its source's letter on this page (the list of sources gives each source a letter, A, B, ...),
     * the source's title, the paragraph and the link to it.
     */
    public record Passage(String key, String sourceTitle, String paragraph, String href) {}

    /** A claim as the brief shows it: its statement, its page, its kind and the first passage it cites. */
    public record Statement(String text, String url, String kind, Passage passage) {}

    /** A figure card: the qualified value, unit, measure, period, place, who gives it, and its passage. */
    public record FigureCard(String value, String unit, String measure, String period, String place, List<View.Link> by,
                             String statement, String url, Passage passage) {}

    /** An actor and their positions on the topic, with their first role as a source states it (or none). */
    public record Actor(String name, String url, String kindLabel, String role, Passage rolePassage,
                        List<Statement> positions) {}

    /** Two claims a relation links (a response, a dispute, a contrast), shown side by side. */
    public record Pair(String relation, Statement first, List<View.Link> firstBy, Statement second, List<View.Link> secondBy) {}

    /** An event of the topic: dated (a {@code datetime} and its words) or undated, with the report it comes from. */
    public record Event(String datetime, String dateText, Statement claim, String reportedIn) {}

    /** A source of the topic (or one its claims cite: {@code alsoCited}) with its letter and date as known or inferred. */
    public record SourceLine(String key, String title, String url, String date, boolean alsoCited) {}

    /** The whole brief. {@code figureTopics}: when the topic has no figure, related topics that have some. */
    public record Brief(String id, String title, String summary, String introHtml, List<FigureCard> figures,
                        List<View.Link> figureTopics, List<Pair> pairs, List<Actor> actors, List<Statement> reports,
                        List<Event> events, List<Event> undated, List<Statement> others, List<SourceLine> sources,
                        List<View.Card> commentary, List<View.Link> related, String claimsUrl, int claimCount,
                        List<View.Cited> cited) {}

    Brief of(Topic t) {
        Citations cited = ctx.citations();
        String intro = ctx.html(archive.rich(t.body()), cited);
        List<Claim> claims = archive.claimsIn(t);
        Letters passages = new Letters();
        archive.sourcesIn(t).forEach(passages::letter);

        List<FigureCard> figures = new ArrayList<>();
        for (Claim c : claims) {
            if (c.figure() == null) continue;
            Claim.Figure f = c.figure();
            var measure = archive.corpus().measures().get(f.measure());
            figures.add(new FigureCard(FigureText.value(f), f.unit(), archive.corpus().measures().label(f.measure()),
                    FigurePeriod.of(c, archive).map(FigurePeriod::display).orElse(null),
                    measure.map(m -> m.area()).orElse(null), links(archive.peopleOf(c.by())), c.statement(), Urls.of(c),
                    first(c, passages)));
        }
        List<View.Link> figureTopics = new ArrayList<>();
        if (figures.isEmpty()) {
            for (Topic r : archive.topicsOf(t.related())) {
                if (archive.claimsIn(r).stream().anyMatch(c -> c.figure() != null)) figureTopics.add(ctx.link(r));
            }
        }

        Set<String> inTopic = new LinkedHashSet<>();
        claims.forEach(c -> inTopic.add(c.id()));
        List<Pair> pairs = new ArrayList<>();
        Set<String> paired = new LinkedHashSet<>();
        for (Claim c : claims) {
            for (Claim.Relation r : c.relations()) {
                if (r.type() == Claim.RelationType.SAME_FIGURE || r.type() == Claim.RelationType.SAME_MEASURE) continue;
                if (!inTopic.contains(r.claim().id())) continue;
                Claim other = archive.claim(r.claim().id()).orElse(null);
                if (other == null || other == c) continue;
                // The claim answered or disputed first, its response second; a contrast in the order declared.
                boolean answer = r.type() != Claim.RelationType.CONTRASTS;
                Claim one = answer ? other : c;
                Claim two = answer ? c : other;
                // a relation declared from both ends (a contrast each way) is one pair
                if (!paired.add(r.type() + " " + (answer ? one.id() + " " + two.id()
                        : (c.id().compareTo(other.id()) < 0 ? c.id() + " " + other.id() : other.id() + " " + c.id())))) {
                    continue;
                }
                String label = switch (r.type()) {
                    case DISPUTES -> "disputed by";
                    case RESPONDS_TO -> "answered by";
                    default -> "in contrast with";
                };
                pairs.add(new Pair(label, statement(one, passages), links(archive.peopleOf(one.by())),
                        statement(two, passages), links(archive.peopleOf(two.by()))));
            }
        }

        Map<String, List<Claim>> byActor = new LinkedHashMap<>();
        for (Claim c : claims) {
            if (c.claimKind() != Claim.ClaimKind.POSITION) continue;
            for (var ref : c.by()) byActor.computeIfAbsent(ref.id(), k -> new ArrayList<>()).add(c);
        }
        List<Actor> actors = new ArrayList<>();
        for (var e : byActor.entrySet()) {
            Person p = archive.person(e.getKey()).orElse(null);
            if (p == null) continue;
            ctx.link(p);
            String role = null;
            Passage rolePassage = null;
            var rc = archive.roleCitations(p);
            for (var r : p.roles()) {
                var match = rc.stream().filter(x -> x.ref() == r.citation()).findFirst();
                if (match.isPresent()) {
                    role = r.role();
                    rolePassage = passages.add(match.get());
                    break;
                }
            }
            actors.add(new Actor(p.name(), Urls.of(p), p.personKind() == Person.PersonKind.PERSON ? "Person" : "Organisation",
                    role, rolePassage, e.getValue().stream().map(c -> statement(c, passages)).toList()));
        }
        actors.sort(Comparator.comparingInt((Actor a) -> -a.positions().size()).thenComparing(Actor::name));

        List<Statement> reports = claims.stream().filter(c -> c.claimKind() == Claim.ClaimKind.REPORT)
                .map(c -> statement(c, passages)).toList();

        List<Event> events = new ArrayList<>();
        List<Event> undated = new ArrayList<>();
        List<Statement> others = new ArrayList<>();
        for (Claim c : claims) {
            boolean event = c.claimKind() == Claim.ClaimKind.EVENT;
            boolean dated = c.date() != null && c.figure() == null && c.claimKind() != Claim.ClaimKind.POSITION;
            if (dated) {
                events.add(new Event(c.date().value(), c.date().display(), statement(c, passages), null));
            } else if (event) {
                String reportedIn = archive.citations(c).stream().map(rc -> archive.source(rc.sourceId()).orElseThrow())
                        .map(s -> s.title() + " (" + PageContext.dateLine(s) + ")").findFirst().orElse(null);
                undated.add(new Event(null, null, statement(c, passages), reportedIn));
            } else if (c.figure() == null && c.claimKind() != Claim.ClaimKind.POSITION && c.claimKind() != Claim.ClaimKind.REPORT) {
                others.add(statement(c, passages)); // facts, and statistics without a figure
            }
        }
        events.sort(Comparator.comparing(Event::datetime).thenComparing(e -> e.claim().url()));

        Set<String> own = new LinkedHashSet<>();
        archive.sourcesIn(t).forEach(s -> own.add(s.id()));
        List<SourceLine> sources = passages.sources.stream().map(s -> new SourceLine(passages.letter(s), s.title(),
                ctx.link(s).url(), PageContext.dateLine(s), !own.contains(s.id()))).toList();
        List<View.Card> commentary = archive.commentaryIn(t).stream()
                .map(c -> new View.Card(c.title(), ctx.link(c).url(), c.summary())).toList();
        return new Brief(t.id(), t.title(), t.summary(), intro, figures, figureTopics, pairs, actors, reports, events,
                undated, others, sources, commentary, links(archive.topicsOf(t.related())),
                ClaimIndex.topicUrl(t), claims.size(), cited.list);
    }

    private List<View.Link> links(List<? extends org.evidencearchive.content.Item> items) {
        return items.stream().map(ctx::link).toList();
    }

    /** Gives each source a letter, in the order first met (the topic's own sources first), and makes passages. */
    private final class Letters {
        final List<Source> sources = new ArrayList<>();
        private final Map<String, String> letters = new LinkedHashMap<>();

        String letter(Source s) {
            return letters.computeIfAbsent(s.id(), id -> {
                sources.add(s);
                int n = sources.size() - 1;
                return n < 26 ? String.valueOf((char) ('A' + n)) : "S" + (n + 1);
            });
        }

        Passage add(ResolvedCitation rc) {
            Source s = archive.source(rc.sourceId()).orElseThrow();
            return new Passage(letter(s), s.title(), rc.anchor().substring(1), Urls.passage(rc));
        }
    }

    private Statement statement(Claim c, Letters passages) {
        ctx.link(c);
        return new Statement(c.statement(), Urls.of(c), c.claimKind().word(), first(c, passages));
    }

    private Passage first(Claim c, Letters passages) {
        List<ResolvedCitation> rcs = archive.citations(c);
        return rcs.isEmpty() ? null : passages.add(rcs.get(0));
    }
}
