package org.evidencearchive.evidence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import org.evidencearchive.pipeline.Builder;
import org.evidencearchive.pipeline.Project;
import org.evidencearchive.check.Diagnostic;
import org.evidencearchive.content.Claim;
import org.evidencearchive.content.ContentParser;
import org.evidencearchive.content.Person;
import org.evidencearchive.content.Qualifier;
import org.evidencearchive.graph.Archive;
import org.evidencearchive.testing.TempArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Figures keep their source's qualifier and period, and roles are in the source's words: each new error has a
 * bad input giving exactly one diagnostic at its line, the real archive agrees with its quotes, and the qualifier
 * and period reach the pages and /data/claims.json.
 */
class FigureCheckTest {
    @TempDir
    Path dir;

    /** A second source for the mini fixture, with qualified numbers and a relative period, published in 2019. */
    private static final String BETA_TEXT = """
            Last year more than 1100 people died from drugs in the region, the statistics showed.

            It costs £12,000 to put an individual through the programme, and almost 300 people received a prescription in 2017-18.

            Fifteen people will take part, said Councillor Ann Roe, convener for health.
            """;

    private static TempArchive mini(Path dir) throws IOException {
        TempArchive a = TempArchive.fromFixture(dir, "mini");
        a.write("sources/beta.txt", BETA_TEXT);
        a.write("sources/beta.md", "---\nid: beta\ntitle: Beta report\ntext: beta.txt\nsha256: "
                + ContentParser.sha256(BETA_TEXT.getBytes(StandardCharsets.UTF_8)) + "\npublished: \"2019-08-01\"\ntopics: [deaths]\n---\n");
        a.write("measures.yaml", Files.readString(a.content().resolve("measures.yaml"))
                + "deaths-in-the-region:\n  name: deaths in the region\n  counted: deaths\n  unit: deaths\n"
                + "cost:\n  name: cost\n  counted: cost per individual\n  unit: pounds\n"
                + "participants:\n  name: participants\n  counted: people taking part\n  unit: people\n"
                + "prescriptions:\n  name: prescriptions\n  counted: people who received a prescription\n  unit: people\n");
        return a;
    }

    private static String claim(String statement, String figure, String quote) {
        return "---\nid: beta-deaths\nstatement: '" + statement + "'\nkind: statistic\ntopics: [deaths]\nfigure:\n" + figure
                + "citations:\n  - source: beta\n    quote: '" + quote + "'\n---\n";
    }

    /** A bad input: one file written over the fixture, and the one diagnostic expected. */
    record Case(String name, String path, String content, int line, String message) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Case> badInputs() {
        String deaths = "  unit: deaths\n  measure: deaths-in-the-region\n";
        return Stream.of(
                new Case("figure value not in any quote", "claims/beta-deaths.md",
                        claim("The report gives more than 1,200 deaths.", "  value: 1200\n  qualifier: more-than\n" + deaths,
                                "more than 1100 people died from drugs"), 7, "figure value 1,200 does not occur in any of the claim's quotes"),
                new Case("qualifier in the quote not recorded", "claims/beta-deaths.md",
                        claim("The report gives 1,100 deaths.", "  value: 1100\n" + deaths, "more than 1100 people died from drugs"),
                        7, "the source says 'more than 1100' but the figure records no qualifier"),
                new Case("qualifier left out of the quote is still read from the source", "claims/beta-deaths.md",
                        claim("The report gives 1,100 deaths.", "  value: 1100\n" + deaths, "1100 people died from drugs"),
                        7, "the source says 'more than 1100' but the figure records no qualifier"),
                new Case("qualifier claimed that the quote does not carry", "claims/beta-deaths.md",
                        claim("The report gives about 12,000 pounds.", "  value: 12000\n  qualifier: about\n  unit: pounds\n  measure: cost\n",
                                "It costs £12,000 to put an individual through the programme"),
                        8, "figure qualifier 'about' is not in the quote: the source says '£12,000'"),
                new Case("qualifier other than the quote's", "claims/beta-deaths.md",
                        claim("The report gives at least 1,100 deaths.", "  value: 1100\n  qualifier: at-least\n" + deaths,
                                "more than 1100 people died from drugs"),
                        8, "figure qualifier 'at-least' is not in the quote: the source says 'more than 1100'"),
                new Case("unknown qualifier", "claims/beta-deaths.md",
                        claim("The report gives more than 1,100 deaths.", "  value: 1100\n  qualifier: more-then\n" + deaths,
                                "more than 1100 people died from drugs"), 8, "unknown figure qualifier 'more-then'"),
                new Case("statement drops the qualifier", "claims/beta-deaths.md",
                        claim("The report gives 1,100 deaths.", "  value: 1100\n  qualifier: more-than\n" + deaths,
                                "more than 1100 people died from drugs"), 8, "the statement says '1,100' but the figure is 'more than 1,100'"),
                new Case("period words not in any quote", "claims/beta-deaths.md",
                        claim("The report gives more than 1,100 deaths.", "  value: 1100\n  qualifier: more-than\n" + deaths
                                + "  period_text: in 2018\n", "more than 1100 people died from drugs"), 11,
                        "period_text 'in 2018' does not occur in any of the claim's quotes"),
                new Case("role not in the cited paragraph", "people/ann-roe.md",
                        "---\nid: ann-roe\nname: Ann Roe\nkind: person\nroles:\n  - role: Labour councillor\n    source: beta\n"
                                + "    quote: Councillor Ann Roe\n---\n", 6, "role 'Labour councillor' is not in the cited paragraph (beta p3)"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badInputs")
    void eachBadInputGivesOneErrorAtItsLine(Case c) throws IOException {
        TempArchive a = mini(dir);
        Builder builder = new Builder(Project.at(a.root()));
        assertEquals(List.of(), builder.check().diagnostics().sorted(), "the fixture with beta is clean");
        a.write(c.path(), c.content());
        BadInputs.assertOneError(builder, c.path(), c.line(), c.message());
    }

    @Test
    void numberFormsAndNumberWordsMatchAndRolesInTheSourcesWordsPass() throws IOException {
        TempArchive a = mini(dir);
        a.write("claims/beta-cost.md", claim("It costs £12,000 a person.", "  value: 12000\n  unit: pounds\n  measure: cost\n",
                "It costs £12,000 to put an individual through the programme").replace("beta-deaths", "beta-cost"));
        a.write("claims/beta-people.md", claim("Fifteen people take part.", "  value: 15\n  unit: people\n  measure: participants\n",
                "Fifteen people will take part").replace("beta-deaths", "beta-people"));
        a.write("claims/beta-prescriptions.md", claim("Almost 300 people received a prescription in 2017-18.",
                "  value: 300\n  qualifier: almost\n  unit: people\n  measure: prescriptions\n  period_text: 2017-18\n",
                "almost 300 people received a prescription in 2017-18").replace("beta-deaths", "beta-prescriptions"));
        a.write("people/ann-roe.md", "---\nid: ann-roe\nname: Ann Roe\nkind: person\nroles:\n  - role: Councillor\n    source: beta\n"
                + "    quote: Councillor Ann Roe\n  - role: CONVENER   FOR health\n    source: beta\n    quote: Ann Roe, convener for health\n---\n");
        Builder.Result r = new Builder(Project.at(a.root())).check();
        assertEquals(List.of(), r.diagnostics().sorted());
        assertEquals(2, r.archive().person("ann-roe").orElseThrow().roles().size());
    }

    @Test
    void everyFigureOfTheRealArchiveCarriesTheQualifierItsQuoteGives() throws IOException {
        TempArchive a = TempArchive.fromRealContent(dir);
        TempArchive.copy(TempArchive.repo().resolve("docs/schema"), a.root().resolve("docs/schema")); // a published URL
        Builder.Result r = new Builder(Project.at(a.root())).check();
        assertEquals(List.of(), r.diagnostics().sorted().stream().map(Diagnostic::format).toList());
        Archive archive = r.archive();
        int figures = 0;
        int qualified = 0;
        for (Claim c : archive.claims()) {
            if (c.figure() == null) continue;
            figures++;
            List<NumberForms.Occurrence> found = FigureCheck.occurrences(c, archive);
            assertFalse(found.isEmpty(), c.id() + ": its value is in none of its quotes");
            Set<Qualifier> said = found.stream().map(NumberForms.Occurrence::qualifier).collect(java.util.stream.Collectors.toSet());
            assertTrue(said.contains(c.figure().qualifier()), c.id() + ": records " + c.figure().qualifier() + ", quotes say " + said);
            if (c.figure().qualifier() != Qualifier.EXACT) {
                qualified++;
                String value = FigureText.value(c.figure());
                assertTrue(value.startsWith(c.figure().qualifier().words() + " "), value);
                assertTrue(c.statement().toLowerCase(java.util.Locale.ROOT).contains(c.figure().qualifier().words()),
                        c.id() + ": the statement does not say '" + c.figure().qualifier().words() + "'");
            }
        }
        assertTrue(figures >= 10 && qualified >= 1, figures + " figures, " + qualified + " qualified");
        for (Person p : archive.people()) {
            for (Person.Role role : p.roles()) {
                var rc = archive.roleCitations(p).stream().filter(x -> x.ref().equals(role.citation())).findFirst().orElseThrow();
                String para = archive.source(rc.sourceId()).orElseThrow().text().paragraph(rc.anchor()).orElseThrow().text();
                assertTrue(FigureCheck.norm(para).contains(FigureCheck.norm(role.role())), p.id() + ": " + role.role());
            }
        }
    }

    @Test
    void qualifierAndPeriodReachPagesChartsAndClaimsJsonWhichMatchesItsSchema() throws IOException {
        TempArchive a = mini(dir);
        a.write("claims/beta-deaths.md", claim("The report gives more than 1,100 deaths last year.",
                "  value: 1100\n  qualifier: more-than\n  unit: deaths\n  measure: deaths-in-the-region\n  period_text: Last year\n",
                "Last year more than 1100 people died from drugs"));
        Builder.Result r = new Builder(Project.at(a.root())).build();
        assertEquals(List.of(), r.diagnostics().sorted());
        Path site = a.root().resolve("target/site");

        JsonNode claims = new ObjectMapper().readTree(site.resolve("data/claims.json").toFile());
        JsonNode beta = null;
        for (JsonNode c : claims.get("claims")) if (c.get("id").asText().equals("beta-deaths")) beta = c;
        JsonNode f = beta.get("figure");
        assertEquals("more-than", f.get("qualifier").asText());
        assertEquals("more than 1,100", f.get("text").asText());
        assertEquals("Last year", f.get("periodText").asText());
        assertEquals("2018", f.get("periodRange").get("earliest").asText()); // published 2019-08-01, "last year"
        assertEquals("2018", f.get("periodRange").get("latest").asText());
        for (JsonNode c : claims.get("claims")) {
            if (c.has("figure")) assertTrue(c.get("figure").has("qualifier"), c.get("id").asText());
        }
        JsonSchema schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012)
                .getSchema(Files.readString(TempArchive.repo().resolve("docs/schema/claims.schema.json")));
        Set<ValidationMessage> errors = schema.validate(claims);
        assertEquals(Set.of(), errors);
        ((com.fasterxml.jackson.databind.node.ObjectNode) f).put("qualifier", "roughly");
        assertFalse(schema.validate(claims).isEmpty(), "the schema refuses an unknown qualifier");

        String claimPage = Files.readString(site.resolve("claims/beta-deaths/index.html"));
        assertTrue(claimPage.contains("more than 1,100 deaths — deaths in the region (Last year (2018: counted from the source"), claimPage);
        String figuresPage = Files.readString(site.resolve("figures/index.html"));
        // The measure's only figure: a card, its qualifier written and drawn (an open end), its period resolved.
        assertTrue(figuresPage.contains("<span class=\"fig-q\">more than</span> <span class=\"fig-n\">1,100</span>"), "card");
        assertTrue(figuresPage.contains("class=\"open-head\""), "open-ended mark");
        assertTrue(figuresPage.contains("Period: Last year (2018: counted from the source"), "card names its resolved period");
        String timeline = Files.readString(site.resolve("timeline/index.html"));
        assertTrue(timeline.contains("Date inferred:</span> Last year (2018)"), "a figure with a relative period is placed, labelled");
        assertTrue(timeline.contains("counted from the source"), "with its basis");
    }
}
