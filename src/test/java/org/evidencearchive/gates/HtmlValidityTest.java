package org.evidencearchive.gates;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import nu.validator.validation.SimpleDocumentValidator;
import org.evidencearchive.check.Diagnostic;
import org.evidencearchive.serve.DevServer;
import org.evidencearchive.testing.RealSite;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.xml.sax.ErrorHandler;
import org.xml.sax.InputSource;
import org.xml.sax.SAXParseException;

/** The HTML validity gate: the Nu Html Checker finds no error in any page of the real archive. */
class HtmlValidityTest {
    static Path out;
    static SimpleDocumentValidator validator;
    static final List<String> errors = new ArrayList<>();

    @BeforeAll
    static void setUp() throws Exception {
        assertTrue(RealSite.result().ok());
        out = RealSite.out();
        ErrorHandler handler = new ErrorHandler() {
            @Override
            public void warning(SAXParseException e) { }

            @Override
            public void error(SAXParseException e) {
                errors.add(e.getLineNumber() + ":" + e.getColumnNumber() + " " + e.getMessage());
            }

            @Override
            public void fatalError(SAXParseException e) {
                error(e);
            }
        };
        validator = new SimpleDocumentValidator();
        validator.setUpMainSchema("http://s.validator.nu/html5-rdfalite.rnc", handler);
        validator.setUpValidatorAndParsers(handler, true, false);
    }

    static List<String> validate(byte[] html) throws Exception {
        synchronized (errors) {
            errors.clear();
            InputSource in = new InputSource(new ByteArrayInputStream(html));
            in.setEncoding("UTF-8");
            validator.checkHtmlInputSource(in);
            return List.copyOf(errors);
        }
    }

    @Test
    void everyBuiltPageIsValidHtml() throws Exception {
        List<Path> pages;
        try (Stream<Path> s = Files.walk(out)) {
            pages = s.filter(p -> p.toString().endsWith(".html")).sorted().toList();
        }
        assertTrue(pages.size() > 100, "pages: " + pages.size());
        List<String> problems = new ArrayList<>();
        for (Path p : pages) {
            for (String e : validate(Files.readAllBytes(p))) problems.add(out.relativize(p) + ":" + e);
        }
        assertEquals(List.of(), problems);
    }

    @Test
    void pagesWithPersistentIdentifiersAreValidHtml(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        Path site = org.evidencearchive.testing.NodeTestFixtures.pidSite(dir);
        List<String> problems = new ArrayList<>();
        for (String page : List.of("sources/alpha/index.html", "commentary/on-alpha/index.html", "claims/alpha-doe/index.html")) {
            byte[] html = Files.readAllBytes(site.resolve(page));
            assertTrue(new String(html, StandardCharsets.UTF_8).contains("<link rel=\"cite-as\" href=\"https://doi.org/10.12345/"), page);
            for (String e : validate(html)) problems.add(page + ":" + e);
        }
        assertEquals(List.of(), problems);
    }

    @Test
    void aCorrectedSourceAndTheCorrectionsPageAreValidHtml(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        var corrected = org.evidencearchive.testing.CorrectedArchive.make(dir);
        var r = new org.evidencearchive.pipeline.Builder(org.evidencearchive.pipeline.Project.at(corrected.archive.root())).build();
        assertTrue(r.ok(), () -> r.diagnostics().sorted().toString());
        Path site = corrected.archive.root().resolve("target/site");
        List<String> problems = new ArrayList<>();
        for (String page : List.of("sources/alpha/index.html", "corrections/index.html")) {
            byte[] html = Files.readAllBytes(site.resolve(page));
            assertTrue(new String(html, StandardCharsets.UTF_8).contains("correction-1"), page);
            for (String e : validate(html)) problems.add(page + ":" + e);
        }
        assertEquals(List.of(), problems);
    }

    @Test
    void serveErrorPageIsValidHtml() throws Exception {
        byte[] page = DevServer.errorPage(List.of(
                Diagnostic.error("content/topics/a.md", 4, 1, "unknown field '<script>x</script>'", "did you mean 'summary'?"),
                Diagnostic.error("content/topics/b.md", 0, 0, "cannot read the file", "")));
        assertEquals(List.of(), validate(page));
    }

    @Test
    void theGateCanFail() throws Exception {
        String broken = "<!DOCTYPE html><html lang=\"en\"><head><title>x</title></head><body><p><div>bad nesting</div>"
                + "<img src=\"a.png\"><span id=\"d\"></span><span id=\"d\"></span></body></html>";
        List<String> found = validate(broken.getBytes(StandardCharsets.UTF_8));
        assertTrue(found.size() >= 2, found.toString());
    }
}
