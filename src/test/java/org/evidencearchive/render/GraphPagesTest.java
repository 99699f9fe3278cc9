package org.evidencearchive.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import javax.xml.parsers.DocumentBuilderFactory;

import org.evidencearchive.pipeline.Builder;
import org.evidencearchive.content.Claim;
import org.evidencearchive.content.Commentary;
import org.evidencearchive.content.Person;
import org.evidencearchive.content.Source;
import org.evidencearchive.content.Topic;
import org.evidencearchive.graph.Archive;
import org.evidencearchive.graph.Urls;
import org.evidencearchive.testing.RealSite;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.xml.sax.InputSource;

/** Topic, person and figure pages of the real archive list exactly what the graph says they should. */
class GraphPagesTest {
    static Path out;
    static Builder.Result result;

    @BeforeAll
    static void build() {
        result = RealSite.result();
        out = RealSite.out();
        assertTrue(result.ok(), () -> result.diagnostics().sorted().toString());
    }

    private static Document page(String url) throws IOException {
        return Jsoup.parse(out.resolve(url.substring(1) + "index.html").toFile());
    }

    private static Set<String> links(Document d, String sectionHeadingId) {
        Element heading = d.getElementById(sectionHeadingId);
        return heading.parent().select("ul.links a[href]").stream().map(a -> a.attr("href")).collect(Collectors.toCollection(TreeSet::new));
    }

    @Test
    void everyTopicPageListsItsSourcesCommentaryAndClaims() throws IOException {
        Archive a = result.archive();
        assertTrue(a.topics().size() >= 8);
        for (Topic t : a.topics()) {
            Document d = page(Urls.of(t));
            Set<String> sources = inTopic(a.sources(), Source::topics, t).stream().map(Urls::of).collect(Collectors.toCollection(TreeSet::new));
            Element list = d.getElementById("sources-heading").parent();
            assertEquals(sources, list.select("li:not(.also-cited) > a[href]").stream().map(e -> e.attr("href"))
                    .collect(Collectors.toCollection(TreeSet::new)), t.id());
            // A source listed besides the topic's own is one that a claim of the topic cites.
            Set<String> cited = inTopic(a.claims(), Claim::topics, t).stream().flatMap(c -> c.citations().stream())
                    .map(c -> Urls.of(org.evidencearchive.content.Kind.SOURCE, c.sourceId())).collect(Collectors.toSet());
            for (Element e : list.select("li.also-cited > a[href]")) assertTrue(cited.contains(e.attr("href")), e.attr("href"));
            assertEquals(inTopic(a.commentary(), Commentary::topics, t).stream().map(Urls::of).collect(Collectors.toCollection(TreeSet::new)),
                    links(d, "commentary-heading"), t.id());
            // Every claim of the topic is on its brief (as a figure, a position, a report, an event or another claim) ...
            Set<String> claims = inTopic(a.claims(), Claim::topics, t).stream().map(Urls::of).collect(Collectors.toCollection(TreeSet::new));
            assertEquals(claims, d.select("article a[href^=/claims/]").stream().map(e -> e.attr("href"))
                    .filter(h -> h.matches("/claims/[a-z0-9-]+/")).collect(Collectors.toCollection(TreeSet::new)), t.id());
            // ... and on the claims index's pages for the topic, once each.
            java.util.List<String> listed = new java.util.ArrayList<>();
            String next = "/claims/topic/" + t.id() + "/";
            while (next != null) {
                Document p = page(next);
                p.select("ul.claim-list > li > .claim-statement a").forEach(e -> listed.add(e.attr("href")));
                Element rel = p.selectFirst("nav.pager a[rel=next]");
                next = rel == null ? null : rel.attr("href");
            }
            assertEquals(claims.size(), listed.size(), t.id());
            assertEquals(claims, new TreeSet<>(listed), t.id());
            assertFalse(d.select(".prose a.cite").isEmpty(), "the introduction of " + t.id() + " is cited");
        }
    }

    @Test
    void aTopicBriefShowsFiguresWithTheirQualifierAndPositionsByActorWithTheirPassage() throws IOException {
        Document d = page("/topics/drug-deaths/");
        // scotland-drug-deaths-2018: "more than 1,100", measure, period and place, linked to its passage.
        Element card = d.select(".figure-card").stream().filter(e -> e.select("a[href=/claims/scotland-drug-deaths-2018/]").size() > 0)
                .findFirst().orElseThrow();
        assertTrue(card.selectFirst(".figure-value").text().startsWith("more than 1,100"), card.text());
        assertEquals("drug deaths in Scotland", card.selectFirst(".figure-measure").text());
        assertTrue(card.text().contains("2018") && card.text().contains("Scotland"), card.text());
        assertTrue(card.selectFirst("a.passage").attr("href").startsWith("/sources/appg-urges-javid-consumption-rooms/"), card.outerHtml());
        Document dcr = page("/topics/drug-consumption-rooms/");
        Element office = dcr.select(".actor-card").stream().filter(e -> e.selectFirst("h3").text().equals("Home Office")).findFirst().orElseThrow();
        assertEquals("Organisation", office.selectFirst(".kind-tag").text());
        assertFalse(office.select(".statements a[href=/claims/home-office-no-legal-framework/]").isEmpty());
        assertTrue(office.select(".statements li").stream().allMatch(li -> li.selectFirst("a.passage[href^=/sources/]") != null));
        // The response marked in the claims is shown beside what it answers.
        assertTrue(dcr.select(".pair").stream().anyMatch(p -> p.select(".pair-side").get(0).select("a[href=/claims/home-office-acknowledges-dcr-evidence/]").size() > 0
                && p.select(".pair-side").get(1).select("a[href=/claims/hunter-greater-acknowledgement/]").size() > 0
                && p.selectFirst(".pair-relation").text().equals("answered by")));
    }

    @Test
    void everyPersonPageListsTheirPositionsAndTheSourcesNamingThem() throws IOException {
        Archive a = result.archive();
        for (Person p : a.people()) {
            Document d = page(Urls.of(p));
            assertEquals(a.claimsBy(p).stream().map(Urls::of).collect(Collectors.toCollection(TreeSet::new)), links(d, "claims-heading"), p.id());
            assertEquals(a.sourcesMentioning(p).stream().map(Urls::of).collect(Collectors.toCollection(TreeSet::new)), links(d, "sources-heading"), p.id());
        }
        // Mentions in source texts link to people.
        Document source = page("/sources/javid-declines-glasgow-visit/");
        assertFalse(source.select("a.mention[href=/people/alison-thewliss/]").isEmpty());
    }

    @Test
    void chartsAreWellFormedAccessibleSvgWhoseLinksResolve() throws Exception {
        var xml = DocumentBuilderFactory.newInstance();
        xml.setNamespaceAware(true);
        int charts = 0;
        String html = Files.readString(out.resolve("figures/index.html"));
        int from = 0;
        while ((from = html.indexOf("<svg class=\"chart", from)) >= 0) {
            int end = html.indexOf("</svg>", from) + "</svg>".length();
            String svg = html.substring(from, end).replaceFirst("<svg", "<svg xmlns=\"http://www.w3.org/2000/svg\"");
            org.w3c.dom.Document doc = xml.newDocumentBuilder().parse(new InputSource(new StringReader(svg)));
            String labelled = doc.getDocumentElement().getAttribute("aria-labelledby");
            assertFalse(labelled.isBlank(), "charts are labelled");
            assertTrue(doc.getElementsByTagName("title").getLength() > 0 && doc.getElementsByTagName("desc").getLength() > 0);
            var anchors = doc.getElementsByTagName("a");
            assertTrue(anchors.getLength() >= 2, "a chart has two bars or more, each a link");
            for (int i = 0; i < anchors.getLength(); i++) {
                String href = ((org.w3c.dom.Element) anchors.item(i)).getAttribute("href");
                assertTrue(Files.isRegularFile(out.resolve(href.substring(1) + "index.html")), href);
            }
            charts++;
            from = end;
        }
        var perMeasure = result.archive().claims().stream().filter(c -> c.figure() != null)
                .collect(Collectors.groupingBy(c -> c.figure().measure() + "|" + c.figure().unit(), Collectors.counting()));
        assertEquals(perMeasure.values().stream().filter(n -> n >= 2).count(), charts, "a chart per measure with several figures");
        assertEquals(perMeasure.values().stream().filter(n -> n == 1).count(),
                (long) Jsoup.parse(html).select(".fig-card").size(), "a card per measure with one figure");
        // The timeline's bars are drawn beside text that says the same: they are hidden from assistive technology.
        Document timeline = page("/timeline/");
        assertFalse(timeline.select("svg").isEmpty());
        for (Element svg : timeline.select("svg")) {
            assertTrue(svg.parents().is("svg") || svg.attr("aria-hidden").equals("true"), svg.outerHtml());
        }
    }

    @Test
    void theTimelinePlacesEveryEventAtItsDateOrItsReportsInferredRange() throws IOException {
        Document d = page("/timeline/");
        long events = result.archive().claims().stream().filter(c -> c.claimKind() == Claim.ClaimKind.EVENT).count();
        assertEquals(events, d.select("li.tl-item[data-kind=event]").size());
        // "drawn up two years ago", in a report inferred to be of 2017 or later: 2015 or later, open-ended.
        Element plans = d.selectFirst("li.tl-item:has(a[href=/claims/glasgow-dcr-plans-drawn-up/])");
        assertEquals("2015.0000", plans.attr("data-from"));
        assertEquals("", plans.attr("data-to"));
        assertTrue(plans.selectFirst(".tl-when").text().startsWith("Date inferred: 2015 or later"), plans.text());
        assertTrue(plans.selectFirst("details.tl-basis").text().contains("two years ago"), plans.text());
        // An explicit year is not labelled inferred.
        Element y2016 = d.selectFirst("li.tl-item:has(a[href=/claims/glasgow-drug-deaths-2016/])");
        assertEquals("2016 statistic", y2016.selectFirst(".tl-when").text());
    }

    @Test
    void everySourcePageWeighsUnder60KilobytesWithItsStylesAndScripts() throws IOException {
        for (Source s : result.archive().sources()) {
            Path html = out.resolve(Urls.of(s).substring(1) + "index.html");
            Document d = Jsoup.parse(html.toFile());
            long bytes = Files.size(html);
            for (Element e : d.select("link[rel=stylesheet], script[src]")) {
                String ref = e.hasAttr("href") ? e.attr("href") : e.attr("src");
                bytes += Files.size(out.resolve(ref.substring(1)));
            }
            assertTrue(bytes < 60_000, s.id() + " weighs " + bytes + " bytes");
            assertTrue(d.select("head script[src]:not([type=module]):not([defer]):not([async])").isEmpty(), "no render-blocking script");
        }
    }

    /** The items of a list that name a topic, found by scanning (independently of the archive's own index). */
    private static <T> java.util.List<T> inTopic(java.util.Collection<T> items, java.util.function.Function<T, java.util.List<org.evidencearchive.content.Ref>> topicsOf, Topic t) {
        return items.stream().filter(i -> topicsOf.apply(i).stream().anyMatch(r -> r.id().equals(t.id()))).toList();
    }
}
