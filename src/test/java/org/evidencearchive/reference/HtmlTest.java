package org.evidencearchive.reference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;

import org.junit.jupiter.api.Test;

/** {@link CiteprocHtml} reads citeproc-java's HTML as jsoup does, and leaves any other HTML to jsoup. */
class HtmlTest {
    @Test
    void readsCiteprocHtmlAsJsoupDoes() {
        List<String> html = List.of(
                "  <div class=\"csl-entry\">Lee, A. (2019) <span style=\"font-style: italic\">Deaths &amp; costs: 100% up</span>. Available at: https://a.example/ (Accessed: 16 July 2019).</div>\n",
                "  <div class=\"csl-entry\">Lee, Ann. &lsquo;Letter About Glasgow&rsquo;s &ldquo;Licence&rdquo;.&rsquo; <span style=\"font-style: italic\">The Times</span>, n.d. &lt;https://a.example/x?a=1&amp;b=2&gt;.</div>\n",
                "<span style=\"font-variant: small-caps\">Lee</span> <span style=\"font-weight: bold\">bold</span> <span style=\"font-weight: 100\">light</span> <span style=\"font-style: oblique\">oblique</span>",
                "<i>a <b>b <span style=\"font-variant:small-caps\">c</span></b></i> <sup>1</sup><sub>2</sub> &eacute;&mdash;&nbsp;&quot;q&quot; &gt; \" >",
                "  <div class=\"csl-entry\">\n    <div class=\"csl-left-margin\">1. </div><div class=\"csl-right-inline\">Text</div>\n  </div>\n",
                "<span style=\"text-decoration: underline\"><span style=\"font-style: italic\">u</span></span>\tend",
                "");
        for (String h : html) {
            assertNotNull(CiteprocHtml.safe(h), h);
            assertEquals(Html.parsed(h), CiteprocHtml.safe(h), h);
            assertEquals(Html.parsed(h), Html.safe(h), h);
        }
    }

    @Test
    void leavesOtherHtmlToJsoup() {
        List<String> html = List.of(
                "<i>misnested <b>tags</i></b>", "<p>a paragraph</p>", "<i>unclosed", "a &unknown; entity", "a & b",
                "<span style='single'>x</span>", "<span class=\"a\" style=\"font-style: italic\">two</span>", "<I>upper</I>",
                "carriage\r\nreturn", "<a href=\"https://a.example/\">link</a>", "<br>", "<span =\"x\">x</span>");
        for (String h : html) {
            assertNull(CiteprocHtml.safe(h), h);
            assertEquals(Html.parsed(h), Html.safe(h), h);
        }
    }
}
