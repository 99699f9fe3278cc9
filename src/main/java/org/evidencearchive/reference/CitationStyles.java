package org.evidencearchive.reference;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import de.undercouch.citeproc.CSL;
import de.undercouch.citeproc.DefaultAbbreviationProvider;
import de.undercouch.citeproc.ItemDataProvider;
import de.undercouch.citeproc.csl.CSLCitation;
import de.undercouch.citeproc.csl.CSLCitationItemBuilder;
import de.undercouch.citeproc.csl.CSLItemData;
import de.undercouch.citeproc.csl.CSLLabel;

/**
 * "Cite this" rendered by a CSL processor (citeproc-java) with the official styles and locales of the Citation Style
 * Language project ({@code org.citationstyles:styles} and {@code :locales}): APA 7th, Chicago 17th notes and
 * bibliography, Harvard (Cite Them Right) and OSCOLA. Nothing is formatted by hand: an item's CSL-JSON record
 * ({@link Exports#cslItem}) is the only input, so the box, the downloads and the data exports say the same thing.
 *
 * <p>APA, Chicago and Harvard show the reference-list (bibliography) entry; OSCOLA, a footnote style, shows the
 * footnote a first citation makes, with its full stop, and a paragraph pinpoint as the style writes it ("para 4"), from a
 * CSL {@code locator} with the label {@code paragraph}. Chicago is the notes and bibliography system, the one Chicago's
 * manual and university library guides give for news articles and web pages in the humanities and law (author-date is
 * meant for the sciences).
 *
 * <p>Compiled engines are cached, one per style and thread (citeproc-java's engine is not thread-safe, and parsing a
 * style costs more than rendering many items). The output is HTML reduced to what the styles use ({@code <i>},
 * {@code <b>}, small capitals as a class), every text escaped again, so a title can never become markup.
 */
public final class CitationStyles {
    /** The styles of the box, with the file each is read from. */
    public enum Style {
        APA("apa"), CHICAGO("chicago-note-bibliography"), HARVARD("harvard-cite-them-right"), OSCOLA("oscola");

        /** The style's file name in the styles jar, without ".csl". */
        public final String file;

        Style(String file) {
            this.file = file;
        }

        /** True for a footnote style, whose box shows the footnote rather than a bibliography entry. */
        public boolean note() {
            return this == OSCOLA;
        }
    }

    /** One item in every style, as safe HTML (italics kept). */
    public record Rendered(Map<Style, String> html) {
        public String html(Style s) {
            return html.get(s);
        }

        /** Returns every style as plain text (what the Copy button copies). */
        public Map<Style, String> text() {
            Map<Style, String> text = new EnumMap<>(Style.class);
            html.forEach((s, h) -> text.put(s, Html.text(h)));
            return text;
        }
    }

    private static final Map<String, String> RESOURCES = new ConcurrentHashMap<>();
    private static final Map<String, ThreadLocal<Map<Style, Engine>>> ENGINES = new ConcurrentHashMap<>();
    private static volatile RenderCache kept;

    private CitationStyles() {}

    /** Renders an item (a CSL-JSON record) in every style, in the given locale (the site's language, e.g. en-GB). */
    public static Rendered render(Map<String, Object> item, String locale) {
        Map<Style, String> html = new EnumMap<>(Style.class);
        Record record = new Record(item);
        for (Style s : Style.values()) html.put(s, rendered(s, locale, record, null));
        return new Rendered(html);
    }

    /** Renders the OSCOLA footnote of an item pinned to one paragraph ("… para 4 &lt;URL&gt;."), as safe HTML. */
    public static String oscolaPinpoint(Map<String, Object> item, String paragraph, String locale) {
        return rendered(Style.OSCOLA, locale, new Record(item), paragraph);
    }

    /**
     * Keeps what is rendered from now on in a file for the next build, and uses what the file kept from the last
     * ({@link RenderCache}); {@link #saveKept} writes it. A build of the whole site calls this first, with the
     * identity of the tool that renders (its jar and libraries; null when it has none, as in the tests: then nothing
     * is kept). The Java version is part of the identity too.
     */
    public static void keepIn(Path file, String tool) {
        kept = tool == null ? null : RenderCache.open(file, tool + "\njava " + Runtime.version());
    }

    /**
     * Writes what {@link #keepIn} kept (the entries this build used), if anything is kept. A file that cannot be
     * written costs the next build time, nothing else: the build goes on.
     */
    public static void saveKept() {
        RenderCache k = kept;
        if (k == null) return;
        try {
            k.save();
        } catch (IOException | UncheckedIOException e) {
            // not kept: the next build renders every item again
        }
    }

    private static String rendered(Style s, String locale, Record record, String paragraph) {
        RenderCache k = kept;
        String key = k == null ? null : k.key(s, locale, paragraph, record.compact());
        String html = key == null ? null : k.get(key);
        if (html == null) {
            html = engine(s, locale).render(record.data(), paragraph);
            if (key != null) k.put(key, html);
        }
        return html;
    }

    /**
     * An item's record as the processor is given it: written out once for the cache's keys of its four styles, parsed
     * only if a style is not kept.
     */
    private static final class Record {
        final Map<String, Object> json;
        private String compact;
        private CSLItemData data;

        Record(Map<String, Object> item) {
            this.json = apostrophes(item);
        }

        String compact() {
            if (compact == null) compact = org.evidencearchive.export.Json.compact(json);
            return compact;
        }

        CSLItemData data() {
            if (data == null) data = CSLItemData.fromJson(json);
            return data;
        }
    }

    /** The OSCOLA footnotes of one item pinned to each of its paragraphs. */
    public static final class Pinpoints {
        private static final String NUMBER = "90817263544536";
        private static final String ANCHOR = "x" + NUMBER;
        private final Map<String, Object> item;
        private final String locale;
        private final String template;

        /**
         * The processor renders the footnote once, with a stand-in paragraph number and anchor, and each paragraph's
         * footnote is that with its own number and anchor put in; when the stand-ins are not found exactly once
         * each, every paragraph is rendered by itself. (A source has a footnote per paragraph: rendering each would
         * cost as much as all the rest of "cite this".) cite.test.mjs compares every pinpoint with citeproc-js.
         */
        Pinpoints(Map<String, Object> item, String locale) {
            this.item = item;
            this.locale = locale;
            Map<String, Object> standIn = new java.util.LinkedHashMap<>(item);
            standIn.put("URL", item.get("URL") + "#" + ANCHOR);
            String t = oscolaPinpoint(standIn, NUMBER, locale);
            String numbers = t.replace(ANCHOR, "");
            boolean once = t.indexOf(ANCHOR) >= 0 && t.indexOf(ANCHOR) == t.lastIndexOf(ANCHOR)
                    && numbers.indexOf(NUMBER) >= 0 && numbers.indexOf(NUMBER) == numbers.lastIndexOf(NUMBER);
            this.template = once ? t : null;
        }

        /** Returns the footnote pinned to a paragraph (its number, and the anchor of its URL), as safe HTML. */
        public String at(String number, String anchor) {
            if (template == null || !number.matches("[0-9]+") || !anchor.matches("[A-Za-z0-9-]+")) {
                Map<String, Object> pinned = new java.util.LinkedHashMap<>(item);
                pinned.put("URL", item.get("URL") + "#" + anchor);
                return oscolaPinpoint(pinned, number, locale);
            }
            return template.replace(ANCHOR, anchor).replace(NUMBER, number);
        }
    }

    /** Returns the OSCOLA pinpoints of an item (its CSL-JSON record, whose URL is the item's page). */
    public static Pinpoints oscolaPinpoints(Map<String, Object> item, String locale) {
        return new Pinpoints(item, locale);
    }

    /**
     * citeproc-java reads a plural possessive's apostrophe ("participants' drug") as a closing double quote; citeproc-js
     * prints it as ’. A title's apostrophe after a word, with no single quote opened before it, is given to the
     * processor as ’ (the item itself, and so the downloads, keep the editor's text).
     */
    static Map<String, Object> apostrophes(Map<String, Object> item) {
        if (!(item.get("title") instanceof String title) || title.indexOf('\'') < 0) return item;
        StringBuilder t = new StringBuilder(title);
        boolean opened = false;
        for (int i = 0; i < t.length(); i++) {
            if (t.charAt(i) != '\'') continue;
            boolean afterLetter = i > 0 && Character.isLetterOrDigit(t.charAt(i - 1));
            boolean beforeLetter = i + 1 < t.length() && Character.isLetterOrDigit(t.charAt(i + 1));
            if (!afterLetter && beforeLetter) opened = true;
            else if (afterLetter && !beforeLetter && !opened) t.setCharAt(i, '\u2019');
            else if (afterLetter && !beforeLetter) opened = false;
        }
        Map<String, Object> copy = new java.util.LinkedHashMap<>(item);
        copy.put("title", t.toString());
        return copy;
    }

    private static Engine engine(Style s, String locale) {
        return ENGINES.computeIfAbsent(locale, l -> ThreadLocal.withInitial(() -> new EnumMap<>(Style.class))).get()
                .computeIfAbsent(s, st -> new Engine(st, locale));
    }

    /** Returns the style's CSL file, as read from the styles jar. */
    public static String styleXml(Style s) {
        return resource(s.file + ".csl");
    }

    /** The CSL locales the locales jar has (en-GB, fr-FR, …), sorted; read once. */
    private static volatile List<String> locales;

    /** Returns the languages citations can be written in: the CSL locales of the locales jar (en-GB, fr-FR, …). */
    public static List<String> locales() {
        if (locales == null) {
            java.util.TreeSet<String> found = new java.util.TreeSet<>();
            try {
                java.net.URI uri = CitationStyles.class.getResource("/locales-en-US.xml").toURI();
                if (uri.getScheme().equals("jar")) {
                    String jar = uri.getSchemeSpecificPart().substring("file:".length(), uri.getSchemeSpecificPart().indexOf("!/"));
                    try (java.util.zip.ZipFile z = new java.util.zip.ZipFile(java.net.URLDecoder.decode(jar, StandardCharsets.UTF_8))) {
                        z.stream().map(java.util.zip.ZipEntry::getName).forEach(n -> addLocale(n, found));
                    }
                } else {
                    try (var files = java.nio.file.Files.list(java.nio.file.Path.of(uri).getParent())) {
                        files.forEach(f -> addLocale(f.getFileName().toString(), found));
                    }
                }
            } catch (IOException | java.net.URISyntaxException e) {
                throw new IllegalStateException("cannot list the CSL locales", e);
            }
            locales = List.copyOf(found);
        }
        return locales;
    }

    private static void addLocale(String name, java.util.Set<String> into) {
        if (name.matches("locales-[A-Za-z]{2,3}(-[A-Za-z0-9]+)*\\.xml")) into.add(name.substring(8, name.length() - 4));
    }

    /** Returns the locale's CSL file (e.g. en-GB), as read from the locales jar. */
    public static String localeXml(String locale) {
        return resource("locales-" + locale + ".xml");
    }

    /** Reads a file of the styles or locales jar (cached: each is read once per run). */
    private static String resource(String name) {
        return RESOURCES.computeIfAbsent(name, n -> {
            try (InputStream in = CitationStyles.class.getResourceAsStream("/" + n)) {
                if (in == null) throw new IllegalStateException("no " + n + " on the classpath (org.citationstyles:styles/locales)");
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    /** One compiled style and the one item it renders at a time. */
    private static final class Engine implements ItemDataProvider {
        private final Style style;
        private final CSL csl;
        private final List<String> leadingTerms;
        private CSLItemData item;

        Engine(Style style, String locale) {
            TitleCase.alignWithCiteprocJs();
            this.style = style;
            // citeproc-java merges the requested locale over its fallback (en-US) but keeps the fallback's date
            // formats and punctuation options; serving the requested locale for both makes its own apply ("16 July
            // 2019", punctuation outside quotes in en-GB), as citeproc-js renders it.
            String xml = localeXml(locale);
            try {
                this.csl = new CSL(this, lang -> xml, new DefaultAbbreviationProvider(), styleXml(style), locale);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            csl.setOutputFormat("html");
            this.leadingTerms = Html.terms(xml);
        }

        String render(CSLItemData data, String paragraph) {
            item = data;
            String html;
            if (style.note()) {
                csl.reset(); // a first citation every time (no "ibid", no short form)
                CSLCitationItemBuilder cite = new CSLCitationItemBuilder(data.getId());
                if (paragraph != null) cite.locator(paragraph).label(CSLLabel.PARAGRAPH);
                html = csl.makeCitation(new CSLCitation(cite.build())).get(0).getText();
            } else {
                csl.registerCitationItems(data.getId());
                html = csl.makeBibliography().getEntries()[0];
            }
            item = null;
            return Html.capitalizeLeadingTerm(Html.safe(html), leadingTerms);
        }

        @Override
        public CSLItemData retrieveItem(String id) {
            return item != null && item.getId().equals(id) ? item : null;
        }

        @Override
        public Collection<String> getIds() {
            return item == null ? List.of() : List.of(item.getId());
        }
    }
}
