package org.evidencearchive.export;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.zip.GZIPOutputStream;

import org.evidencearchive.content.ContentParser;

/**
 * {@code /data/archive.warc.gz}: every version of every archived text as a WARC 1.1 {@code resource} record, for
 * ingest by web archives (pywb, OpenWayback, warcio, jwarc), after one {@code warcinfo} record. Each record is a
 * gzip member of its own, as WARC readers expect. The file is deterministic: record ids are name-based UUIDs of
 * what the record holds, dates come from the versions (and the build's git version for the warcinfo record), and
 * gzip writes no time or file name.
 */
public final class WarcExport {
    /** The file's path in the site. */
    public static final String PATH = "data/archive.warc.gz";
    /** The media type of a WARC file. */
    public static final String MEDIA_TYPE = "application/warc";

    private WarcExport() {}

    /** Reads the bytes of one version of a text (verified against its checksum by the caller). */
    public interface Texts {
        /** Returns the bytes of a version's text. */
        byte[] bytes(TextVersions.Version version) throws IOException;
    }

    /**
     * A resource record of the file, as a CDXJ index lists it: where it starts and how long it is (its gzip
     * member), its URI, date, checksum and the version it holds.
     */
    public record Resource(String uri, String isoDate, String sha256, long offset, long length, TextVersions.Version version,
                           String title) {}

    /** The WARC file's bytes and its resource records. */
    public record Warc(byte[] bytes, java.util.List<Resource> resources) {}

    /**
     * Returns the WARC file: a {@code warcinfo} record dated {@code date} (the build's version), then a
     * {@code resource} record per version of each text, at the version's URL and dated when it became the
     * archived text.
     */
    public static byte[] warc(Iterable<TextVersions> sources, String baseUrl, String title, Instant date, Texts texts) throws IOException {
        return write(sources, baseUrl, title, date, texts).bytes();
    }

    /** Returns the WARC file with the place of each resource record in it (for a WACZ's index). */
    public static Warc write(Iterable<TextVersions> sources, String baseUrl, String title, Instant date, Texts texts) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        java.util.List<Resource> resources = new java.util.ArrayList<>();
        String info = "software: Evidence Archive (org.evidencearchive)\r\n"
                + "format: WARC File Format 1.1\r\n"
                + "conformsTo: https://iipc.github.io/warc-specifications/specifications/warc-format/warc-1.1/\r\n"
                + "isPartOf: " + oneLine(title) + "\r\n"
                + "description: Every version of every archived text of " + baseUrl + "/, each at its own stable URL\r\n";
        byte[] infoBlock = info.getBytes(StandardCharsets.UTF_8);
        String infoId = recordId("warcinfo", baseUrl, ContentParser.sha256(infoBlock));
        Map<String, String> h = new LinkedHashMap<>();
        h.put("WARC-Type", "warcinfo");
        h.put("WARC-Record-ID", infoId);
        h.put("WARC-Date", iso(date));
        h.put("WARC-Filename", PATH.substring(PATH.lastIndexOf('/') + 1));
        h.put("Content-Type", "application/warc-fields");
        out.write(record(h, infoBlock));
        for (TextVersions v : sources) {
            for (TextVersions.Version version : v.versions()) {
                byte[] block = texts.bytes(version);
                String uri = baseUrl + version.url();
                Map<String, String> r = new LinkedHashMap<>();
                r.put("WARC-Type", "resource");
                r.put("WARC-Record-ID", recordId("resource", uri, version.sha256()));
                r.put("WARC-Warcinfo-ID", infoId);
                r.put("WARC-Target-URI", uri);
                r.put("WARC-Date", version.isoDate());
                r.put("WARC-Block-Digest", "sha256:" + version.sha256());
                r.put("WARC-Payload-Digest", "sha256:" + version.sha256());
                r.put("Content-Type", "text/plain; charset=utf-8");
                byte[] member = record(r, block);
                resources.add(new Resource(uri, version.isoDate(), version.sha256(), out.size(), member.length, version, v.source().title()));
                out.write(member);
            }
        }
        return new Warc(out.toByteArray(), java.util.List.copyOf(resources));
    }

    /** One record, as a gzip member of its own: the version line, the named fields, the length, the block, two CRLFs. */
    private static byte[] record(Map<String, String> fields, byte[] block) throws IOException {
        StringBuilder head = new StringBuilder("WARC/1.1\r\n");
        fields.forEach((k, v) -> head.append(k).append(": ").append(v).append("\r\n"));
        head.append("Content-Length: ").append(block.length).append("\r\n\r\n");
        ByteArrayOutputStream gz = new ByteArrayOutputStream();
        try (GZIPOutputStream z = new GZIPOutputStream(gz)) { // the JDK writes no time and no name in the header
            z.write(head.toString().getBytes(StandardCharsets.UTF_8));
            z.write(block);
            z.write("\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        }
        return gz.toByteArray();
    }

    /** A record id derived from what the record holds (a name-based UUID), so that a build repeats it exactly. */
    private static String recordId(String type, String uri, String sha256) {
        return "<urn:uuid:" + UUID.nameUUIDFromBytes((type + " " + uri + " " + sha256).getBytes(StandardCharsets.UTF_8)) + ">";
    }

    private static String iso(Instant date) {
        return DateTimeFormatter.ISO_INSTANT.format(date.truncatedTo(java.time.temporal.ChronoUnit.SECONDS));
    }

    private static String oneLine(String s) {
        return s.replaceAll("[\\r\\n]+", " ");
    }
}
