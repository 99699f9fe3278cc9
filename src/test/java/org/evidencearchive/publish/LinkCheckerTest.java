package org.evidencearchive.publish;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.evidencearchive.check.Diagnostic;
import org.evidencearchive.check.Diagnostics;
import org.junit.jupiter.api.Test;

/** The link gate on built output: broken pages, missing anchors and third-party resources are build errors. */
class LinkCheckerTest {
    private static byte[] html(String body) {
        return ("<!DOCTYPE html><html><head><title>t</title></head><body>" + body + "</body></html>").getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void aCleanSitePasses() {
        Map<String, byte[]> files = new TreeMap<>();
        files.put("index.html", html("<a href=\"/a/\">a</a> <a href=\"/a/#p2:~:text=x\">p2</a> <a href=\"https://example.org/\">out</a>"));
        files.put("a/index.html", html("<p id=\"p2\">x</p><a href=\"../\">home</a><a href=\"#p2\">self</a>"));
        Diagnostics d = new Diagnostics();
        LinkChecker.check(files, "site", d);
        assertEquals(List.of(), d.sorted());
    }

    @Test
    void theGateFailsOnEachKindOfBrokenLink() {
        Map<String, byte[]> files = new TreeMap<>();
        files.put("index.html", html("<a href=\"/missing/\">x</a><a href=\"/a/#p9\">y</a>"
                + "<script src=\"https://cdn.example/x.js\"></script><link rel=\"stylesheet\" href=\"//fonts.example/f.css\">"
                + "<img src=\"http://img.example/a.png\" alt=\"\">"));
        files.put("a/index.html", html("<p id=\"p1\">x</p>"));
        Diagnostics d = new Diagnostics();
        LinkChecker.check(files, "site", d);
        List<String> messages = d.sorted().stream().map(Diagnostic::message).toList();
        assertEquals(5, messages.size(), messages.toString());
        assertTrue(messages.contains("broken link: /missing/ (no such page)"));
        assertTrue(messages.contains("broken link: /a/#p9 (no anchor #p9)"));
        assertTrue(messages.contains("loads a resource from another host: https://cdn.example/x.js"));
        assertTrue(messages.contains("loads a resource from another host: //fonts.example/f.css"));
        assertTrue(messages.contains("loads a resource from another host: http://img.example/a.png"));
    }

    @Test
    void commentsAndScriptTextAreNotLinksButEntitiesAndUnquotedValuesAre() {
        Map<String, byte[]> files = new TreeMap<>();
        files.put("index.html", html("<!-- <a href=\"/gone/\">old</a> -->\n<script type=\"application/ld+json\">{\"u\":\"<a href='/gone/'>\"}</script>"
                + "\n<a href=/a/?x=1&amp;y=2#p1>a</a><a name=top></a><a href=\"#top\">top</a>"
                + "\n<A HREF='/a/#p1'>upper</A><a href=\"mailto:x@example.org\">mail</a>"
                + "\n<a href=\"../../\">above the root</a>"));
        files.put("a/index.html", html("<p id=\"p1\">x</p>"));
        Diagnostics d = new Diagnostics();
        LinkChecker.check(files, "site", d);
        List<Diagnostic> found = d.sorted();
        assertEquals(1, found.size(), found.toString());
        assertEquals("broken link: ../../ (no such page)", found.get(0).message());
        assertEquals("site/index.html", found.get(0).file());
        assertEquals(5, found.get(0).line(), "the diagnostic names the line of the link");
    }

    @Test
    void relativePathsResolveAgainstThePage() {
        assertEquals("a/b/", LinkChecker.normalize("a/c/../b/"));
        assertEquals("a/", LinkChecker.normalize("a/./"));
        assertEquals("", LinkChecker.normalize("a/.."));
        assertEquals(null, LinkChecker.normalize("../x"));
        assertTrue(LinkChecker.hasScheme("mailto:x") && !LinkChecker.hasScheme("/a:b") && !LinkChecker.hasScheme("a/b:c"));
        assertTrue(LinkChecker.isOtherHost("HTTPS://x/") && LinkChecker.isOtherHost("//x") && !LinkChecker.isOtherHost("/x"));
    }
}
