package org.evidencearchive.evidence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.evidencearchive.check.Diagnostic;
import org.evidencearchive.cite.ResolvedCitation;
import org.evidencearchive.content.Claim;
import org.evidencearchive.content.ContentParser;
import org.evidencearchive.content.Person;
import org.evidencearchive.content.Ref;
import org.evidencearchive.graph.Archive;
import org.evidencearchive.pipeline.Builder;
import org.evidencearchive.pipeline.Project;
import org.evidencearchive.testing.TempArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Measures, relations and attribution (issue 16): each new error has a bad input giving exactly one diagnostic at
 * its line, in check and build; the real archive has no relation its claims do not support and no actor the
 * passage does not give the words to; /data/claims.json carries the measure id.
 */
class RelationCheckTest {
    @TempDir
    Path dir;

    /**
     * A third source for the mini fixture: an outlet's lead (p1), a spokesman's words (p2), a reply naming whom it
     * answers (p3), two figures of one measure (p4), a quotation continued over two paragraphs (p6, p7) and a
     * pronoun speaker (p8).
     */
    private static final String GAMMA_TEXT = """
            THE Ministry has admitted a plan could help, but will not allow it.

            A spokesman for the Ministry said: “There is no framework for it.”

            Councillor Ann Roe said the Ministry was wrong.

            Last year 120 people died in the town, and in 2017 there were 110 deaths.

            The council met again.

            Ann Roe went on: “We will keep asking.

            “And we will not give up.”

            She said: “Nothing will change the facts.”
            """;

    private static TempArchive mini(Path dir) throws IOException {
        TempArchive a = TempArchive.fromFixture(dir, "mini");
        a.write("sources/gamma.txt", GAMMA_TEXT);
        a.write("sources/gamma.md", "---\nid: gamma\ntitle: Gamma report\ntext: gamma.txt\nsha256: "
                + ContentParser.sha256(GAMMA_TEXT.getBytes(StandardCharsets.UTF_8)) + "\npublished: \"2019-06-01\"\ntopics: [deaths]\n---\n");
        a.write("measures.yaml", Files.readString(a.content().resolve("measures.yaml"))
                + "deaths-town:\n  name: deaths in the town\n  counted: people who died\n  area: the town\n  unit: deaths\n");
        a.write("people/ministry.md", "---\nid: ministry\nname: Ministry\nkind: organisation\nmentions: [Ministry]\n---\n");
        a.write("people/ann-roe.md", "---\nid: ann-roe\nname: Ann Roe\nkind: person\nmentions: [Ann Roe]\n---\n");
        a.write("claims/gamma-admitted.md", claim("gamma-admitted", "The report says the Ministry \"has admitted\" a plan could help.",
                "report", "", "p1", "has admitted a plan could help", ""));
        a.write("claims/gamma-no-framework.md", claim("gamma-no-framework", "A Ministry spokesman says there is no framework.",
                "position", "by: [ministry]\n", "p2", "There is no framework for it", ""));
        a.write("claims/gamma-roe-wrong.md", roeWrong("relations:\n  - disputes: gamma-no-framework\n"));
        a.write("claims/gamma-roe-continued.md", claim("gamma-roe-continued", "Ann Roe says they will not give up.",
                "position", "by: [ann-roe]\n", "p7", "And we will not give up", ""));
        a.write("claims/gamma-roe-pronoun.md", claim("gamma-roe-pronoun", "Ann Roe says nothing will change the facts.",
                "position", "by: [ann-roe]\n", "p8", "Nothing will change the facts", ""));
        a.write("claims/gamma-deaths-last-year.md", deaths("gamma-deaths-last-year", "120", "deaths-town", "deaths",
                "  period_text: Last year\n", "Last year 120 people died in the town", ""));
        a.write("claims/gamma-deaths-2017.md", deaths("gamma-deaths-2017", "110", "deaths-town", "deaths", "  period: \"2017\"\n",
                "in 2017 there were 110 deaths", "relations:\n  - same-measure: gamma-deaths-last-year\n"));
        return a;
    }

    /** A claim citing gamma: {@code by} is its line (or empty), {@code relations} its block (or empty). */
    private static String claim(String id, String statement, String kind, String by, String paragraph, String quote, String relations) {
        return "---\nid: " + id + "\nstatement: '" + statement.replace("'", "''") + "'\nkind: " + kind + "\ntopics: [deaths]\n" + by
                + "citations:\n  - source: gamma\n    paragraph: " + paragraph + "\n    quote: '" + quote + "'\n" + relations + "---\n";
    }

    /** A statistic citing gamma p4 (lines: figure at 6, value 7, unit 8, measure 9, period 10, a relation 16). */
    private static String deaths(String id, String value, String measure, String unit, String period, String quote, String relations) {
        return "---\nid: " + id + "\nstatement: The report gives " + value + " deaths.\nkind: statistic\ntopics: [deaths]\nfigure:\n"
                + "  value: " + value + "\n  unit: " + unit + "\n  measure: " + measure + "\n" + period
                + "citations:\n  - source: gamma\n    paragraph: p4\n    quote: '" + quote + "'\n" + relations + "---\n";
    }

    /** Ann Roe's reply (gamma p3) with the given relations block. */
    private static String roeWrong(String relations) {
        return claim("gamma-roe-wrong", "Ann Roe says the Ministry was wrong.", "position", "by: [ann-roe]\n", "p3",
                "the Ministry was wrong", relations);
    }

    /** A bad input: one file written over the fixture, and the one diagnostic expected in it. */
    record Case(String name, String path, String content, int line, String message) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Case> badInputs() {
        return Stream.of(
                new Case("same-figure on a claim without a figure", "claims/gamma-roe-wrong.md",
                        roeWrong("relations:\n  - same-figure: gamma-no-framework\n"), 12,
                        "'same-figure' needs figures, but claim 'gamma-roe-wrong' has none"),
                new Case("same-figure for two periods", "claims/gamma-deaths-2017.md",
                        deaths("gamma-deaths-2017", "110", "deaths-town", "deaths", "  period: \"2017\"\n", "in 2017 there were 110 deaths",
                                "relations:\n  - same-figure: gamma-deaths-last-year\n"), 16,
                        "'same-figure' needs the same period, but the figures' periods are 2017 and Last year (2018)"),
                new Case("same-measure across two measures", "claims/gamma-deaths-2017.md",
                        deaths("gamma-deaths-2017", "110", "deaths-alpha", "deaths", "  period: \"2017\"\n", "in 2017 there were 110 deaths",
                                "relations:\n  - same-measure: gamma-deaths-last-year\n"), 16,
                        "'same-measure' joins different measures: 'deaths-alpha' and 'deaths-town'"),
                new Case("unknown measure id", "claims/gamma-deaths-2017.md",
                        deaths("gamma-deaths-2017", "110", "deaths-twon", "deaths", "  period: \"2017\"\n", "in 2017 there were 110 deaths", ""),
                        9, "unknown measure 'deaths-twon'"),
                // a mistake in one claim is reported once, at it, not again at the relations that name it
                new Case("unknown measure in a claim with a same-measure relation", "claims/gamma-deaths-2017.md",
                        deaths("gamma-deaths-2017", "110", "deaths-twon", "deaths", "  period: \"2017\"\n", "in 2017 there were 110 deaths",
                                "relations:\n  - same-measure: gamma-deaths-last-year\n"), 9, "unknown measure 'deaths-twon'"),
                new Case("a disputed claim's quote pinned to the wrong paragraph", "claims/gamma-no-framework.md",
                        claim("gamma-no-framework", "A Ministry spokesman says there is no framework.", "position", "by: [ministry]\n",
                                "p3", "There is no framework for it", ""), 10, "quote not found in gamma#p3"),
                new Case("unit other than the measure's", "claims/gamma-deaths-2017.md",
                        deaths("gamma-deaths-2017", "110", "deaths-town", "people", "  period: \"2017\"\n", "in 2017 there were 110 deaths", ""),
                        7, "figure unit 'people' is not the unit of measure 'deaths-town' ('deaths')"),
                new Case("measures.yaml that cannot be read: one error, not one per figure", "measures.yaml",
                        "deaths-alpha:\n  name: deaths in the alpha report\n  counted: deaths\n   unit: deaths\n", 4,
                        "malformed YAML"),
                new Case("measure without a unit", "measures.yaml",
                        "deaths-alpha:\n  name: deaths in the alpha report\n  counted: deaths\n  unit: deaths\n"
                                + "deaths-town:\n  name: deaths in the town\n  counted: people who died\n  unit: deaths\n"
                                + "spare:\n  name: a spare measure\n  counted: things\n", 10, "missing required field 'unit'"),
                new Case("disputes a report, which has no actor", "claims/gamma-roe-wrong.md",
                        roeWrong("relations:\n  - disputes: gamma-admitted\n"), 12,
                        "'disputes' answers an actor, but claim 'gamma-admitted' has no 'by'"),
                new Case("disputes a claim of another source", "claims/gamma-roe-wrong.md",
                        roeWrong("relations:\n  - disputes: alpha-doe\n"), 12,
                        "'disputes' needs the response and what it answers in one source, but 'alpha-doe' is cited from alpha"),
                new Case("responds to what the source gives after it", "claims/gamma-no-framework.md",
                        claim("gamma-no-framework", "A Ministry spokesman says there is no framework.", "position", "by: [ministry]\n",
                                "p2", "There is no framework for it", "relations:\n  - responds-to: gamma-roe-wrong\n"), 12,
                        "the source gives 'gamma-no-framework' before 'gamma-roe-wrong'"),
                new Case("responds without naming whom it answers", "claims/gamma-roe-continued.md",
                        claim("gamma-roe-continued", "Ann Roe says they will not give up.", "position", "by: [ann-roe]\n", "p7",
                                "And we will not give up", "relations:\n  - responds-to: gamma-no-framework\n"), 12,
                        "no cited passage of 'gamma-roe-continued' names Ministry, whom it responds to"),
                new Case("position without by", "claims/gamma-no-framework.md",
                        claim("gamma-no-framework", "A Ministry spokesman says there is no framework.", "position", "", "p2",
                                "There is no framework for it", ""), 2, "position 'gamma-no-framework' has no 'by'"),
                new Case("report with by", "claims/gamma-admitted.md",
                        claim("gamma-admitted", "The report says the Ministry \"has admitted\" a plan could help.", "report",
                                "by: [ministry]\n", "p1", "has admitted a plan could help", ""), 6,
                        "a report is the outlet's own account, but it names 'by: ministry'"),
                // The UK Government case: "… blocked by the UK Government, …, the report says" filed as its position.
                new Case("the report's words given to the body they describe", "claims/gamma-admitted.md",
                        claim("gamma-admitted", "A plan was not allowed by the Ministry, the report says.", "event",
                                "by: [ministry]\n", "p1", "will not allow it", ""), 6,
                        "the statement gives this as the report's account, but 'by' names ministry"),
                // The Home Office case: the lead's "has admitted" filed as the Home Office's position.
                new Case("the outlet's framing filed as a position", "claims/gamma-admitted.md",
                        claim("gamma-admitted", "The Ministry accepted that a plan could help.", "position", "by: [ministry]\n", "p1",
                                "has admitted a plan could help", ""), 6,
                        "no cited passage gives these words to Ministry: Ministry is not named as the speaker or author"),
                new Case("words given to someone the passage does not name", "claims/gamma-no-framework.md",
                        claim("gamma-no-framework", "Ann Roe says there is no framework.", "position", "by: [ann-roe]\n", "p2",
                                "There is no framework for it", ""), 6,
                        "no cited passage gives these words to Ann Roe"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badInputs")
    void eachBadInputGivesOneErrorAtItsLine(Case c) throws IOException {
        TempArchive a = mini(dir);
        Builder builder = new Builder(Project.at(a.root()));
        assertEquals(List.of(), builder.check().diagnostics().sorted().stream().map(Diagnostic::format).toList(),
                "the fixture with gamma is clean (a continued quotation and a pronoun speaker pass)");
        a.write(c.path(), c.content());
        BadInputs.assertOneError(builder, c.path(), c.line(), c.message());
    }

    @Test
    void claimsJsonCarriesTheMeasureIdAndItsName() throws IOException {
        TempArchive a = mini(dir);
        Builder.Result r = new Builder(Project.at(a.root())).build();
        assertEquals(List.of(), r.diagnostics().sorted());
        Path site = a.root().resolve("target/site");
        JsonNode claims = new ObjectMapper().readTree(site.resolve("data/claims.json").toFile());
        JsonNode figure = null;
        for (JsonNode c : claims.get("claims")) if (c.get("id").asText().equals("gamma-deaths-2017")) figure = c.get("figure");
        assertNotNull(figure);
        assertEquals("deaths-town", figure.get("measure").asText());
        assertEquals("deaths in the town", figure.get("measureName").asText());
        String figuresPage = Files.readString(site.resolve("figures/index.html"));
        assertTrue(figuresPage.contains("deaths in the town"), "the figures page labels a measure by its name");
        assertFalse(figuresPage.contains(">deaths-town"), "not by its id");
    }

    /** Walks the real archive: no relation joins claims its type forbids, and no actor is given words the passage does not give them. */
    @Test
    void theRealArchiveHasNoForbiddenRelationAndNamesEveryActor() throws IOException {
        TempArchive a = TempArchive.fromRealContent(dir);
        TempArchive.copy(TempArchive.repo().resolve("docs/schema"), a.root().resolve("docs/schema")); // a published URL
        Builder.Result r = new Builder(Project.at(a.root())).check();
        assertEquals(List.of(), r.diagnostics().sorted().stream().map(Diagnostic::format).toList());
        Archive archive = r.archive();
        int relations = 0;
        for (Claim c : archive.claims()) {
            for (Claim.Relation rel : c.relations()) {
                relations++;
                Claim o = archive.claim(rel.claim().id()).orElseThrow();
                String what = c.id() + " " + rel.type() + " " + o.id();
                switch (rel.type()) {
                    case SAME_FIGURE, SAME_MEASURE -> {
                        assertTrue(c.figure() != null && o.figure() != null, what + ": both need figures");
                        assertEquals(c.figure().measure(), o.figure().measure(), what + ": one measure");
                        if (rel.type() == org.evidencearchive.content.Claim.RelationType.SAME_FIGURE) {
                            assertEquals(FigurePeriod.of(c, archive).map(FigurePeriod::range),
                                    FigurePeriod.of(o, archive).map(FigurePeriod::range), what + ": one period");
                        }
                    }
                    case DISPUTES, RESPONDS_TO -> {
                        assertFalse(o.by().isEmpty(), what + ": answers someone");
                        Set<String> sources = archive.citations(o).stream().map(ResolvedCitation::sourceId).collect(Collectors.toSet());
                        assertTrue(archive.citations(c).stream().anyMatch(x -> sources.contains(x.sourceId())), what + ": one source");
                    }
                    default -> { }
                }
            }
        }
        assertTrue(relations >= 5, relations + " relations");
        int positions = 0;
        for (Claim c : archive.claims()) {
            if (c.claimKind() == org.evidencearchive.content.Claim.ClaimKind.REPORT) assertTrue(c.by().isEmpty(), c.id() + ": a report has no by");
            if (c.claimKind() == org.evidencearchive.content.Claim.ClaimKind.POSITION) {
                positions++;
                assertFalse(c.by().isEmpty(), c.id() + ": a position has someone's words");
            }
            for (Ref b : c.by()) {
                Person p = archive.person(b.id()).orElseThrow();
                assertTrue(AttributionCheck.spoken(c, p, archive), c.id() + ": " + p.name() + " is not named as its speaker");
            }
        }
        assertTrue(positions >= 30, positions + " positions");
        // The cases: the outlet's framing is a report, and no longer a position of the body it describes.
        for (String id : List.of("glasgow-dcr-blocked-despite-evidence", "home-office-admits-fix-room-could-help",
                "scotland-rate-above-eu")) {
            assertEquals("report", archive.claim(id).orElseThrow().claimKind().word(), id);
        }
        Optional<Person> uk = archive.person("uk-government");
        assertTrue(archive.claimsBy(uk.orElseThrow()).stream().noneMatch(c -> c.statement().contains("the report says")));
    }
}
