package org.evidencearchive.export;

import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

import org.evidencearchive.content.Source;
import org.evidencearchive.graph.Urls;

/**
 * Every version of a source's archived text, oldest first: the text as first archived, then the text each
 * recorded correction made, the last being the current text. Each version has its own stable URL
 * ({@code /sources/ID/versions/<first 12 hex digits of its SHA-256>/text.txt}) and a datetime: the first, when
 * the text was first archived (from git); each later one, the day of the correction that made it.
 *
 * @param source   the source
 * @param versions the versions, oldest first (the last is the current text)
 */
public record TextVersions(Source source, List<Version> versions) {
    /**
     * One version of an archived text.
     *
     * @param number       1 for the text as first archived, then one more for each correction
     * @param sha256       its checksum
     * @param url          its site-relative URL
     * @param datetime     when it became the archived text
     * @param madeBy       the correction that made it (null for the first version)
     * @param supersededBy the correction that replaced it (null for the current text)
     * @param file         the content file that keeps it
     */
    public record Version(int number, String sha256, String url, Instant datetime, Source.Correction madeBy,
                          Source.Correction supersededBy, Path file) {
        /** Returns the datetime as HTTP writes it (RFC 7231 IMF-fixdate), as Memento needs it. */
        public String httpDate() {
            return HTTP_DATE.format(datetime);
        }

        /** Returns the datetime as WARC and Atom write it (ISO 8601, UTC, seconds). */
        public String isoDate() {
            return DateTimeFormatter.ISO_INSTANT.format(datetime);
        }

        /** Returns the day it became the archived text (YYYY-MM-DD). */
        public String day() {
            return isoDate().substring(0, 10);
        }
    }

    private static final DateTimeFormatter HTTP_DATE = DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.ENGLISH)
            .withZone(ZoneOffset.UTC);

    /** Returns the site-relative URL of one version of a source's text. */
    public static String url(Source s, String sha256) {
        return Urls.textVersion(s, sha256);
    }

    /** Returns the site-relative URL of a source's TimeMap. */
    public static String timeMap(Source s) {
        return Urls.timeMap(s);
    }

    /** Returns a source's corrections in the order they were made (by day; on one day, as listed). */
    public static List<Source.Correction> corrections(Source s) {
        return s.corrections().stream().sorted(Comparator.comparing(Source.Correction::date)).toList();
    }

    /** Returns the versions of a source's text; {@code firstArchived} dates the text as first archived. */
    public static TextVersions of(Source s, Instant firstArchived) {
        List<Source.Correction> corrections = corrections(s);
        List<Version> versions = new ArrayList<>();
        for (int k = 0; k <= corrections.size(); k++) {
            Source.Correction madeBy = k == 0 ? null : corrections.get(k - 1);
            Source.Correction supersededBy = k < corrections.size() ? corrections.get(k) : null;
            String sha = supersededBy == null ? s.sha256() : supersededBy.previousSha256();
            Path file = supersededBy == null ? s.textFile() : supersededBy.previousText();
            Instant at = madeBy == null ? firstArchived : startOf(madeBy.date().value()).atStartOfDay(ZoneOffset.UTC).toInstant();
            versions.add(new Version(k + 1, sha, url(s, sha), at, madeBy, supersededBy, file));
        }
        return new TextVersions(s, List.copyOf(versions));
    }

    /** The first day of a date (a correction's is a day; a shorter one is an error reported where it is written). */
    private static LocalDate startOf(String date) {
        return LocalDate.parse(date + "-01-01".substring(date.length() - 4));
    }

    /** Returns the current version (the text at {@code /sources/ID/text.txt}). */
    public Version current() {
        return versions.getLast();
    }

    /** Returns the site-relative URL of the time-generic text: the current version, at {@code /sources/ID/text.txt}. */
    public String original() {
        return Urls.of(source) + "text.txt";
    }
}
