package org.evidencearchive.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.evidencearchive.check.Diagnostic;
import org.evidencearchive.check.Diagnostics;
import org.evidencearchive.config.SiteConfig;
import org.evidencearchive.testing.NodeTestFixtures;
import org.evidencearchive.testing.TempArchive;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Persistent identifiers: the {@code identifiers} setting is checked at its lines; {@code archive ledger} mints an
 * identifier for every source, commentary and claim (deterministically, never reusing one), a renamed item keeps
 * its identifier through its alias, an identifier whose item is gone is an error at its ledger line, and the
 * identifier is in the page's head (cite-as, JSON-LD) and in every export. Without the setting nothing changes.
 */
class IdentifiersTest {
    @TempDir
    Path dir;

    private static final ObjectMapper JSON = new ObjectMapper();

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "short NAAN|identifiers:\\n  ark:\\n    naan: \"123\"\\n    shoulder: x6\\n|4|ARK NAAN '123'|arks.org",
            "shoulder without a digit|identifiers:\\n  ark:\\n    naan: \"12345\"\\n    shoulder: xb\\n|5|ARK shoulder 'xb'|bcdfghjkmnpqrstvwxz",
            "shoulder with a vowel|identifiers:\\n  ark: {naan: \"12345\", shoulder: a6}\\n|3|ARK shoulder 'a6'|e.g. x6",
            "DOI prefix|identifiers:\\n  doi:\\n    prefix: \"11.12345\"\\n|4|DOI prefix '11.12345'|registration agency",
            "unknown scheme|identifiers:\\n  purl: {prefix: x}\\n|3|unknown identifier scheme 'purl'|doi: {prefix",
            "missing shoulder|identifiers:\\n  ark: {naan: \"12345\"}\\n|3|ark needs 'shoulder'|shoulder",
    })
    void aBadIdentifiersSettingIsAnErrorAtItsLineWithAHint(String name, String yaml, int line, String message, String hint) throws IOException {
        Path file = dir.resolve("site.yaml");
        Files.writeString(file, "title: T\n" + yaml.replace("\\n", "\n"));
        Diagnostics d = new Diagnostics();
        SiteConfig site = SiteConfig.read(file, "site-config/site.yaml", d);
        List<Diagnostic> ds = d.sorted();
        assertEquals(1, ds.size(), ds::toString);
        assertEquals(line, ds.get(0).line(), ds.get(0).format());
        assertTrue(ds.get(0).message().startsWith(message), ds.get(0).message());
        assertTrue(ds.get(0).hint().contains(hint), ds.get(0).hint());
        assertNull(site.identifierPrefix());
    }

    @Test
    void aGoodSettingGivesThePrefixAndNoSettingNone() throws IOException {
        Path file = dir.resolve("site.yaml");
        Diagnostics d = new Diagnostics();
        Files.writeString(file, "identifiers:\n  ark: {naan: \"12345\", shoulder: fk4}\n");
        assertEquals("ark:12345/fk4", SiteConfig.read(file, "s", d).identifierPrefix());
        Files.writeString(file, "identifiers:\n  doi: {prefix: \"10.12345\"}\n");
        assertEquals("10.12345/", SiteConfig.read(file, "s", d).identifierPrefix());
        Files.writeString(file, "title: T\n");
        assertNull(SiteConfig.read(file, "s", d).identifierPrefix());
        assertFalse(d.hasErrors(), d.sorted()::toString);
    }

    private TempArchive archive(Path at, String scheme) throws IOException {
        TempArchive a = TempArchive.fromFixture(at, "mini");
        Files.writeString(a.root().resolve("site-config/site.yaml"), "title: T\nbase_url: https://archive.drugpolicy.org.uk\n"
                + "identifiers:\n  " + scheme + "\n");
        return a;
    }

    private static Map<String, String> ledger(TempArchive a) throws IOException {
        Map<String, String> out = new LinkedHashMap<>();
        for (String line : Files.readAllLines(a.root().resolve("site-config/identifiers.txt"))) {
            if (line.startsWith("#")) continue;
            String[] parts = line.split(" ");
            out.put(parts[0], parts[1]);
        }
        return out;
    }

    private static Builder.Result ledgerRun(TempArchive a) throws IOException {
        Builder.Result r = new Builder(Project.at(a.root())).updateLedger();
        assertTrue(r.ok(), r.diagnostics().sorted()::toString);
        return r;
    }

    @Test
    void archiveLedgerMintsOneIdentifierPerCitableItemDeterministicallyAndTheSiteCarriesThem() throws IOException {
        TempArchive a = NodeTestFixtures.withDoi(dir.resolve("a"));
        ledgerRun(a);
        String text = Files.readString(a.root().resolve("site-config/identifiers.txt"));
        assertTrue(text.startsWith("# "), text);
        Map<String, String> ids = ledger(a);
        assertEquals(List.of("claim:alpha-deaths", "claim:alpha-doe", "claim:alpha-minister", "commentary:on-alpha", "source:alpha"),
                List.copyOf(ids.keySet()));
        assertEquals(5, ids.values().stream().distinct().count(), "no identifier is given twice");
        for (String v : ids.values()) assertTrue(v.matches("10\\.12345/[0-9bcdfghjkmnpqrstvwxz]{8}"), v);

        TempArchive b = NodeTestFixtures.withDoi(dir.resolve("b"));
        ledgerRun(b);
        assertEquals(text, Files.readString(b.root().resolve("site-config/identifiers.txt")), "the same archive mints the same identifiers");
        ledgerRun(a);
        assertEquals(text, Files.readString(a.root().resolve("site-config/identifiers.txt")), "a second run changes nothing");

        Path site = a.root().resolve("target/site");
        String doi = ids.get("source:alpha");
        Document page = Jsoup.parse(site.resolve("sources/alpha/index.html").toFile());
        assertEquals("https://doi.org/" + doi, page.selectFirst("head link[rel=cite-as]").attr("href"));
        JsonNode ld = JSON.readTree(page.selectFirst("script[type=application/ld+json]").data());
        JsonNode identifier = ld.at("/mainEntity/identifier");
        assertEquals("PropertyValue", identifier.get("@type").asText());
        assertEquals("DOI", identifier.get("propertyID").asText());
        assertEquals(doi, identifier.get("value").asText());
        assertTrue(page.selectFirst("#cite-apa").text().contains("https://doi.org/" + doi), "APA prints the DOI");
        assertEquals(doi, JSON.readTree(site.resolve("sources/alpha/cite.json").toFile()).get(0).get("DOI").asText());
        assertTrue(Files.readString(site.resolve("sources/alpha/cite.bib")).contains("  doi = {" + doi + "},\n"));
        assertTrue(Files.readString(site.resolve("sources/alpha/cite.ris")).contains("\r\nDO  - " + doi + "\r\n"));
        JsonNode archive = JSON.readTree(site.resolve("data/archive.json").toFile());
        assertEquals("https://doi.org/" + doi, archive.at("/sources/0/identifier").asText());
        assertEquals("https://doi.org/" + ids.get("commentary:on-alpha"), archive.at("/commentary/0/identifier").asText());
        for (JsonNode c : archive.get("claims")) assertEquals("https://doi.org/" + ids.get("claim:" + c.get("id").asText()), c.get("identifier").asText());
        for (JsonNode c : JSON.readTree(site.resolve("data/claims.json").toFile()).get("claims")) {
            assertEquals("https://doi.org/" + ids.get("claim:" + c.get("id").asText()), c.get("identifier").asText());
        }
        assertEquals("https://doi.org/" + doi, JSON.readTree(site.resolve("data/fixity.json").toFile()).at("/sources/0/identifier").asText());
        Document claim = Jsoup.parse(site.resolve("claims/alpha-doe/index.html").toFile());
        assertEquals("https://doi.org/" + ids.get("claim:alpha-doe"), claim.selectFirst("head link[rel=cite-as]").attr("href"));
    }

    @Test
    void anArkIsLinkedAtN2tAndNamedInTheDownloadsNote() throws IOException {
        TempArchive a = archive(dir, "ark: {naan: \"12345\", shoulder: x6}");
        ledgerRun(a);
        String ark = ledger(a).get("commentary:on-alpha");
        assertTrue(ark.matches("ark:12345/x6[0-9bcdfghjkmnpqrstvwxz]{8}"), ark);
        Path site = a.root().resolve("target/site");
        Document page = Jsoup.parse(site.resolve("commentary/on-alpha/index.html").toFile());
        assertEquals("https://n2t.net/" + ark, page.selectFirst("head link[rel=cite-as]").attr("href"));
        JsonNode csl = JSON.readTree(site.resolve("commentary/on-alpha/cite.json").toFile()).get(0);
        assertNull(csl.get("DOI"));
        assertTrue(csl.get("note").asText().endsWith("ARK " + ark), csl.toString());
        assertTrue(Files.readString(site.resolve("commentary/on-alpha/cite.ris")).contains("ARK " + ark));
        assertTrue(Files.readString(site.resolve("commentary/on-alpha/cite.bib")).contains("ARK ark:12345/x6"));
    }

    @Test
    void aRenamedItemKeepsItsIdentifierThroughItsAliasAndTheLedgerFollows() throws IOException {
        TempArchive a = NodeTestFixtures.withDoi(dir);
        ledgerRun(a);
        Map<String, String> before = ledger(a);
        Path old = a.content().resolve("commentary/on-alpha.md");
        a.write("commentary/on-alpha-report.md", Files.readString(old).replace("id: on-alpha\n", "id: on-alpha-report\naliases: [/commentary/on-alpha/]\n"));
        Files.delete(old);
        Builder.Result r = new Builder(Project.at(a.root())).build();
        assertTrue(r.ok(), r.diagnostics().sorted()::toString);
        Document page = Jsoup.parse(a.root().resolve("target/site/commentary/on-alpha-report/index.html").toFile());
        assertEquals("https://doi.org/" + before.get("commentary:on-alpha"), page.selectFirst("head link[rel=cite-as]").attr("href"));

        // a new claim is minted a new identifier; the renamed item's line takes its new id
        a.write("claims/alpha-second.md", Files.readString(a.content().resolve("claims/alpha-doe.md")).replace("id: alpha-doe\n", "id: alpha-second\n"));
        ledgerRun(a);
        Map<String, String> after = ledger(a);
        assertEquals(before.get("commentary:on-alpha"), after.get("commentary:on-alpha-report"));
        assertFalse(after.containsKey("commentary:on-alpha"));
        assertEquals(6, after.values().stream().distinct().count());
        assertFalse(before.containsValue(after.get("claim:alpha-second")), "an identifier is never given again");
        assertNotEquals(null, after.get("claim:alpha-second"));
    }

    @Test
    void anIdentifierWhoseItemIsGoneIsAnErrorAtItsLedgerLine() throws IOException {
        TempArchive a = NodeTestFixtures.withDoi(dir);
        ledgerRun(a);
        List<String> lines = Files.readAllLines(a.root().resolve("site-config/identifiers.txt"));
        int line = 0;
        while (!lines.get(line).startsWith("commentary:on-alpha ")) line++;
        String id = lines.get(line).split(" ")[1];
        Files.delete(a.content().resolve("commentary/on-alpha.md"));
        for (Builder.Result r : List.of(new Builder(Project.at(a.root())).check(), new Builder(Project.at(a.root())).build())) {
            List<Diagnostic> ds = r.diagnostics().sorted().stream().filter(d -> d.file().endsWith("identifiers.txt")).toList();
            assertEquals(1, ds.size(), r.diagnostics().sorted()::toString);
            assertEquals(line + 1, ds.get(0).line());
            assertTrue(ds.get(0).message().contains(id) && ds.get(0).message().contains("would no longer resolve"), ds.get(0).message());
            assertTrue(ds.get(0).hint().contains("aliases: [/commentary/on-alpha/]"), ds.get(0).hint());
        }
    }

    @Test
    void withoutTheSettingNothingHasAnIdentifierAndARecordedOneIsAnError() throws IOException {
        TempArchive a = TempArchive.fromFixture(dir, "mini");
        Builder.Result r = new Builder(Project.at(a.root())).updateLedger();
        assertTrue(r.ok(), r.diagnostics().sorted()::toString);
        assertFalse(Files.exists(a.root().resolve("site-config/identifiers.txt")), "no ledger without the setting");
        Path site = a.root().resolve("target/site");
        assertNull(Jsoup.parse(site.resolve("sources/alpha/index.html").toFile()).selectFirst("link[rel=cite-as]"));
        assertFalse(Files.readString(site.resolve("data/archive.json")).contains("\"identifier\""));
        assertFalse(Files.readString(site.resolve("sources/alpha/cite.json")).contains("DOI"));

        Files.writeString(a.root().resolve("site-config/identifiers.txt"), "# ledger\nsource:alpha 10.12345/bcdfghjk\n");
        List<Diagnostic> ds = new Builder(Project.at(a.root())).build().diagnostics().sorted();
        assertEquals(1, ds.size(), ds::toString);
        assertEquals(2, ds.get(0).line());
        assertTrue(ds.get(0).message().contains("no 'identifiers' setting"), ds.get(0).message());
    }
}
