package org.evidencearchive.export;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * {@code /data/archive.wacz}: the WARC export packaged as WACZ 1.1.1 (Webrecorder's Web Archive Collection Zipped,
 * which ReplayWeb.page and pywb open): {@code archive/archive.warc.gz} (stored, so that it can be read by byte
 * range), a CDXJ index {@code indexes/index.cdx}, {@code pages/pages.jsonl} (each version of each text),
 * {@code datapackage.json} (every file with its SHA-256 and size) and {@code datapackage-digest.json}.
 * Deterministic: every entry is dated by the build's version, in a fixed order.
 */
public final class WaczExport {
    /** The file's path in the site. */
    public static final String PATH = "data/archive.wacz";
    /** The WARC's name inside the WACZ (as the CDXJ index's {@code filename} names it). */
    static final String WARC_NAME = "archive.warc.gz";

    private WaczExport() {}

    /** Returns the WACZ file of a WARC export; {@code date} (the build's version) dates the package and its entries. */
    public static byte[] wacz(WarcExport.Warc warc, String title, Instant date) throws IOException {
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put("archive/" + WARC_NAME, warc.bytes());
        files.put("indexes/index.cdx", cdxj(warc).getBytes(StandardCharsets.UTF_8));
        files.put("pages/pages.jsonl", pages(warc).getBytes(StandardCharsets.UTF_8));
        List<Object> resources = new ArrayList<>();
        for (var e : files.entrySet()) {
            String name = e.getKey().substring(e.getKey().lastIndexOf('/') + 1);
            resources.add(Json.ordered("name", name, "path", e.getKey(), "hash", "sha256:" + org.evidencearchive.content.ContentParser.sha256(e.getValue()),
                    "bytes", e.getValue().length));
        }
        String created = java.time.format.DateTimeFormatter.ISO_INSTANT.format(date.truncatedTo(java.time.temporal.ChronoUnit.SECONDS));
        byte[] datapackage = Json.bytes(Json.ordered("profile", "data-package", "wacz_version", "1.1.1", "title", title,
                "software", "Evidence Archive (org.evidencearchive)", "created", created, "resources", resources));
        files.put("datapackage.json", datapackage);
        files.put("datapackage-digest.json", Json.bytes(Json.ordered("path", "datapackage.json",
                "hash", "sha256:" + org.evidencearchive.content.ContentParser.sha256(datapackage))));
        return zip(files, LocalDateTime.ofInstant(date, ZoneOffset.UTC));
    }

    /** The CDXJ index: a line per resource record, sorted by SURT key and timestamp, as pywb and jwarc write it. */
    static String cdxj(WarcExport.Warc warc) {
        TreeMap<String, String> lines = new TreeMap<>();
        for (WarcExport.Resource r : warc.resources()) {
            String ts = r.isoDate().replaceAll("[^0-9]", "");
            String json = "{\"url\": " + Json.compact(r.uri()) + ", \"mime\": \"text/plain\", \"digest\": \"sha256:" + r.sha256()
                    + "\", \"length\": \"" + r.length() + "\", \"offset\": \"" + r.offset() + "\", \"filename\": \"" + WARC_NAME + "\"}";
            lines.put(surt(r.uri()) + " " + ts + " " + json, "");
        }
        StringBuilder out = new StringBuilder();
        lines.keySet().forEach(l -> out.append(l).append('\n'));
        return out.toString();
    }

    /** The pages list: its header line, then each version of each text with its date and a title. */
    static String pages(WarcExport.Warc warc) {
        StringBuilder out = new StringBuilder("{\"format\": \"json-pages-1.0\", \"id\": \"pages\", \"title\": \"All Pages\"}\n");
        for (WarcExport.Resource r : warc.resources()) {
            TextVersions.Version v = r.version();
            out.append(Json.compact(Json.ordered("id", r.sha256().substring(0, 32), "url", r.uri(), "ts", r.isoDate(),
                    "title", r.title() + " (archived text, version " + v.number() + ", " + v.day() + ")"))).append('\n');
        }
        return out.toString();
    }

    /**
     * The Sort-friendly URI Reordering Transform of a URL, as CDX indexes key records: the host's labels reversed
     * and joined by commas (without "www."), a port other than the scheme's, then ")" and the path, lower case.
     */
    static String surt(String url) {
        java.net.URI u = java.net.URI.create(url);
        List<String> labels = new ArrayList<>(List.of(u.getHost().toLowerCase(java.util.Locale.ROOT).split("\\.")));
        if (labels.size() > 2 && labels.getFirst().equals("www")) labels.removeFirst();
        java.util.Collections.reverse(labels);
        int port = u.getPort();
        boolean usual = port < 0 || port == 80 && "http".equals(u.getScheme()) || port == 443 && "https".equals(u.getScheme());
        String path = u.getRawPath() == null || u.getRawPath().isEmpty() ? "/" : u.getRawPath();
        return String.join(",", labels) + (usual ? "" : ":" + port) + ")" + path.toLowerCase(java.util.Locale.ROOT)
                + (u.getRawQuery() == null ? "" : "?" + u.getRawQuery().toLowerCase(java.util.Locale.ROOT));
    }

    /** A zip of the files in order: the WARC stored (readable by range), the rest deflated, every entry dated {@code time}. */
    private static byte[] zip(Map<String, byte[]> files, LocalDateTime time) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            for (var e : files.entrySet()) {
                ZipEntry entry = new ZipEntry(e.getKey());
                entry.setTimeLocal(time.getYear() < 1980 ? LocalDateTime.of(1980, 1, 1, 0, 0) : time);
                if (e.getKey().endsWith(".warc.gz")) {
                    CRC32 crc = new CRC32();
                    crc.update(e.getValue());
                    entry.setMethod(ZipEntry.STORED);
                    entry.setSize(e.getValue().length);
                    entry.setCompressedSize(e.getValue().length);
                    entry.setCrc(crc.getValue());
                }
                zip.putNextEntry(entry);
                zip.write(e.getValue());
                zip.closeEntry();
            }
        }
        return out.toByteArray();
    }
}
