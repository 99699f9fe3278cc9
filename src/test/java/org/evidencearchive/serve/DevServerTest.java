package org.evidencearchive.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;

import org.evidencearchive.pipeline.Builder;
import org.evidencearchive.pipeline.Project;
import org.evidencearchive.testing.TempArchive;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DevServerTest {
    @TempDir
    Path dir;
    private final HttpClient client = HttpClient.newHttpClient();

    private HttpResponse<String> get(int port, String path) throws IOException, InterruptedException {
        return client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** Polls until the page satisfies the condition (rebuilds are asynchronous); fails after a generous wait. */
    private HttpResponse<String> await(int port, String path, Predicate<HttpResponse<String>> ok) throws Exception {
        HttpResponse<String> last = null;
        for (int i = 0; i < 300; i++) {
            last = get(port, path);
            if (ok.test(last)) return last;
            Thread.sleep(100);
        }
        throw new AssertionError("page never changed as expected: " + path + " → " + last.statusCode() + "\n" + last.body());
    }

    @Test
    void rebuildsOnEditDeleteAndErrorAndRecovers() throws Exception {
        TempArchive a = TempArchive.fromFixture(dir, "mini");
        try (DevServer server = new DevServer(Project.at(a.root()), "127.0.0.1", 0, s -> { })) {
            int port = server.port();
            HttpResponse<String> page = get(port, "/topics/policy/");
            assertEquals(200, page.statusCode());
            assertTrue(page.body().contains("/__archive/livereload.js"), "pages get the live-reload script");
            assertEquals(200, get(port, "/__archive/livereload.js").statusCode());

            a.write("topics/policy.md", "---\nid: policy\ntitle: Policy and law\nsummary: Positions.\n---\n");
            await(port, "/topics/policy/", r -> r.body().contains("Policy and law"));

            Files.delete(a.content().resolve("claims/alpha-doe.md"));
            Files.writeString(a.content().resolve("claims/alpha-deaths.md"),
                    Files.readString(a.content().resolve("claims/alpha-deaths.md")).replace("relations:\n  - contrasts: alpha-doe\n", ""));
            await(port, "/claims/alpha-doe/", r -> r.statusCode() == 404);

            a.write("topics/policy.md", "---\nid: policy\ntitle: Policy\nsumary: typo\n---\n");
            HttpResponse<String> broken = await(port, "/topics/deaths/", r -> r.statusCode() == 500);
            assertTrue(broken.body().contains("unknown field &#39;sumary&#39;") || broken.body().contains("unknown field 'sumary'"),
                    broken.body());

            a.write("topics/policy.md", "---\nid: policy\ntitle: Policy\nsummary: Fixed.\n---\n");
            await(port, "/topics/policy/", r -> r.statusCode() == 200 && r.body().contains("Fixed."));
        }
    }

    @Test
    void errorPageShowsABadQuoteBesideTheYamlErrorOfItsFileAfterLaterEditsToo() throws Exception {
        TempArchive a = TempArchive.fromFixture(dir, "mini");
        try (DevServer server = new DevServer(Project.at(a.root()), "127.0.0.1", 0, s -> { })) {
            int port = server.port();
            a.write("topics/policy.md", "---\nid: policy\ntitle: [unclosed\nsummary: s\n---\nIntro.\n\n"
                    + "As reported [@alpha \"a figure of 171 deaths\"].\n");
            String text = Jsoup.parse(await(port, "/topics/deaths/", r -> r.statusCode() == 500).body()).select("ol.diagnostics").text();
            assertTrue(text.contains("topics/policy.md:4:8") && text.contains("malformed YAML front matter"), text);
            assertTrue(text.contains("topics/policy.md:8:13") && text.contains("quote not found in source 'alpha'"), text);

            // An edit elsewhere re-reads only that folder: the broken file's quote is still reported.
            String person = Files.readString(a.content().resolve("people/jane-doe.md"));
            a.write("people/jane-doe.md", person.replaceFirst("\n---\n", "\ncolour: red\n---\n"));
            text = Jsoup.parse(await(port, "/topics/deaths/", r -> r.body().contains("colour")).body()).select("ol.diagnostics").text();
            assertTrue(text.contains("topics/policy.md:8:13") && text.contains("quote not found in source 'alpha'"), text);
        }
    }

    /** Sends a raw HTTP/1.1 request and returns the status line (the client of HttpClient cannot set Host). */
    private static String rawStatus(int port, String request) throws IOException {
        try (Socket s = new Socket("127.0.0.1", port)) {
            s.setSoTimeout(10_000);
            s.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
            s.getOutputStream().flush();
            String head = new String(s.getInputStream().readNBytes(12), StandardCharsets.ISO_8859_1);
            return head;
        }
    }

    /** The header lines of the published {@code _headers} file for every path ({@code /*}), as name → value. */
    private static Map<String, String> publishedHeaders(Path site) throws IOException {
        Map<String, String> headers = new LinkedHashMap<>();
        List<String> lines = Files.readAllLines(site.resolve("_headers"));
        assertEquals("/*", lines.get(0), "the headers of every path come first");
        for (String line : lines.subList(1, lines.size())) {
            if (!line.startsWith("  ")) break; // the rules of some paths follow (caching, Memento links)
            int colon = line.indexOf(':');
            headers.put(line.substring(0, colon).strip(), line.substring(colon + 1).strip());
        }
        return headers;
    }

    @Test
    void sendsThePublishedSecurityHeadersOnEveryResponse() throws Exception {
        TempArchive a = TempArchive.fromFixture(dir, "mini");
        try (DevServer server = new DevServer(Project.at(a.root()), "127.0.0.1", 0, s -> { })) {
            int port = server.port();
            Map<String, String> expected = publishedHeaders(a.root().resolve("target/site"));
            assertTrue(expected.containsKey("Content-Security-Policy") && expected.containsKey("X-Content-Type-Options"),
                    expected.toString());
            for (String path : List.of("/", "/topics/policy/", "/css/site.css", "/no/such/page/", "/__archive/livereload.js")) {
                HttpResponse<String> r = get(port, path);
                for (var e : expected.entrySet()) {
                    assertEquals(e.getValue(), r.headers().firstValue(e.getKey()).orElse(null), path + ": " + e.getKey());
                }
            }
        }
    }

    @Test
    void answersOnlyGetAndHead() throws Exception {
        TempArchive a = TempArchive.fromFixture(dir, "mini");
        try (DevServer server = new DevServer(Project.at(a.root()), "127.0.0.1", 0, s -> { })) {
            int port = server.port();
            URI uri = URI.create("http://127.0.0.1:" + port + "/topics/policy/");
            for (String method : List.of("POST", "PUT", "DELETE", "PATCH", "OPTIONS")) {
                HttpResponse<String> r = client.send(HttpRequest.newBuilder(uri)
                        .method(method, HttpRequest.BodyPublishers.ofString("x")).build(), HttpResponse.BodyHandlers.ofString());
                assertEquals(405, r.statusCode(), method);
                assertEquals("GET, HEAD", r.headers().firstValue("Allow").orElse(""), method);
            }
            HttpResponse<String> full = get(port, "/topics/policy/");
            HttpResponse<String> head = client.send(HttpRequest.newBuilder(uri)
                    .method("HEAD", HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(200, head.statusCode());
            assertEquals("", head.body());
            assertEquals(String.valueOf(full.body().getBytes(StandardCharsets.UTF_8).length),
                    head.headers().firstValue("Content-Length").orElse(""));
        }
    }

    @Test
    void refusesHostsOtherThanLoopbackOnItsPort() throws Exception {
        TempArchive a = TempArchive.fromFixture(dir, "mini");
        try (DevServer server = new DevServer(Project.at(a.root()), "127.0.0.1", 0, s -> { })) {
            int port = server.port();
            for (String host : List.of("localhost:" + port, "127.0.0.1:" + port, "[::1]:" + port, "LocalHost:" + port)) {
                assertEquals("HTTP/1.1 200", rawStatus(port, "GET / HTTP/1.1\r\nHost: " + host + "\r\nConnection: close\r\n\r\n"),
                        host);
            }
            for (String host : List.of("evil.example:" + port, "localhost.evil.example:" + port, "127.0.0.1.nip.io:" + port,
                    "localhost:" + (port == 1 ? 2 : 1), "localhost", "192.0.2.7:" + port)) {
                assertEquals("HTTP/1.1 403", rawStatus(port, "GET / HTTP/1.1\r\nHost: " + host + "\r\nConnection: close\r\n\r\n"),
                        host);
            }
            assertEquals("HTTP/1.1 403", rawStatus(port, "GET / HTTP/1.0\r\n\r\n"), "no Host at all");
        }
    }

    @Test
    void warnsWhenReachableFromTheNetwork() throws Exception {
        TempArchive a = TempArchive.fromFixture(dir, "mini");
        List<String> loopbackLog = new CopyOnWriteArrayList<>();
        try (DevServer server = new DevServer(Project.at(a.root()), "127.0.0.1", 0, loopbackLog::add)) {
            assertTrue(server.port() > 0);
        }
        assertFalse(String.join("\n", loopbackLog).contains("network"), loopbackLog.toString());
        List<String> wildcardLog = new CopyOnWriteArrayList<>();
        try (DevServer server = new DevServer(Project.at(a.root()), "0.0.0.0", 0, wildcardLog::add)) {
            List<String> warnings = wildcardLog.stream().filter(l -> l.contains("reachable from the network")).toList();
            assertEquals(1, warnings.size(), wildcardLog.toString());
            assertTrue(warnings.getFirst().contains("0.0.0.0") && !warnings.getFirst().contains("\n"), warnings.getFirst());
            // This machine can still use it through loopback.
            assertEquals(200, get(server.port(), "/topics/policy/").statusCode());
        }
    }

    @Test
    void slowAndIdleSocketsTakeBoundedThreadsAndAreCut() throws Exception {
        TempArchive a = TempArchive.fromFixture(dir, "mini");
        try (DevServer server = new DevServer(Project.at(a.root()), "127.0.0.1", 0, s -> { })) {
            int port = server.port();
            assertEquals(200, get(port, "/").statusCode());
            var threads = ManagementFactory.getThreadMXBean();
            int before = threads.getThreadCount();
            List<Socket> sockets = new ArrayList<>();
            try {
                for (int i = 0; i < 150; i++) {
                    Socket s = new Socket();
                    s.connect(new InetSocketAddress("127.0.0.1", port), 5_000);
                    if (i % 3 != 0) { // two in three start a request and never finish it; the rest say nothing
                        s.getOutputStream().write(("GET / HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
                        s.getOutputStream().flush();
                    }
                    sockets.add(s);
                }
                Thread.sleep(500); // let the server take up every slow request
                long t0 = System.nanoTime();
                HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + port + "/topics/policy/")).timeout(Duration.ofSeconds(20)).build(),
                        HttpResponse.BodyHandlers.ofString());
                long ms = (System.nanoTime() - t0) / 1_000_000;
                assertEquals(200, r.statusCode());
                assertTrue(ms < DevServer.REQUEST_SECONDS * 1000L + 3000, "a normal request waited " + ms + " ms");
                int grown = threads.getThreadCount() - before;
                assertTrue(grown <= DevServer.REQUEST_THREADS + 4, "150 slow sockets took " + grown + " more threads");
                // Every slow or idle socket is closed by the server within the request time (and the timer's tick).
                long deadline = System.nanoTime() + (DevServer.REQUEST_SECONDS + 15) * 1_000_000_000L;
                for (Socket s : sockets) {
                    long left = Math.max(1, (deadline - System.nanoTime()) / 1_000_000);
                    s.setSoTimeout((int) Math.min(left, Integer.MAX_VALUE));
                    boolean closed;
                    try (InputStream in = s.getInputStream()) {
                        byte[] buf = new byte[4096];
                        int n;
                        while ((n = in.read(buf)) > 0) {
                            // an answer (408 or 400) is also fine; wait for the end
                        }
                        closed = n < 0;
                    } catch (SocketTimeoutException e) {
                        closed = false;
                    } catch (SocketException e) {
                        closed = true; // reset by the server
                    }
                    assertTrue(closed, "a slow socket was still open after " + (DevServer.REQUEST_SECONDS + 15) + " s");
                }
            } finally {
                for (Socket s : sockets) s.close();
            }
        }
    }

    @Test
    void errorPageIsStyledListsEveryErrorAndLeavesAssetsServed() throws Exception {
        TempArchive a = TempArchive.fromFixture(dir, "mini");
        try (DevServer server = new DevServer(Project.at(a.root()), "127.0.0.1", 0, s -> { })) {
            int port = server.port();
            String css = get(port, "/css/site.css").body();
            a.write("topics/policy.md", "---\nid: policy\ntitle: Policy\nsumary: typo\n\"<script>x</script>\": 1\n---\n");
            a.write("topics/deaths.md", "---\nid: deaths\ntitle: Deaths\nsummary: ok\ncolour: red\n---\n");
            HttpResponse<String> page = await(port, "/topics/policy/", r -> r.statusCode() == 500);
            assertTrue(page.headers().firstValue("Content-Type").orElse("").startsWith("text/html"));
            Document doc = Jsoup.parse(page.body());
            List<String> sheets = doc.select("link[rel=stylesheet]").eachAttr("href");
            assertTrue(sheets.contains("/css/site.css"), sheets.toString());
            for (String sheet : sheets) assertEquals(200, get(port, sheet).statusCode(), sheet);
            assertTrue(doc.select("[style]").isEmpty() && doc.select("style").isEmpty(), "no inline styles (the CSP forbids them)");
            List<Element> items = doc.select("ol.diagnostics > li");
            long errors = new Builder(Project.at(a.root())).check().diagnostics().errorCount();
            assertTrue(errors >= 3, "three errors at least");
            assertEquals(errors, items.size(), page.body());
            String text = doc.select("ol.diagnostics").text();
            assertTrue(text.contains("topics/policy.md:4:1") && text.contains("unknown field 'sumary'")
                    && text.contains("did you mean 'summary'?"), text);
            assertTrue(text.contains("unknown field '<script>x</script>'"), text);
            assertTrue(text.contains("topics/deaths.md:5:1") && text.contains("unknown field 'colour'"), text);
            assertEquals(List.of("/__archive/livereload.js"), doc.select("script").eachAttr("src"), "only the reload script");
            // Everything that is not a page is still served from the last good build.
            HttpResponse<String> cssNow = get(port, "/css/site.css");
            assertEquals(200, cssNow.statusCode());
            assertEquals(css, cssNow.body());
            assertEquals(200, get(port, "/js/search.js").statusCode());
            assertEquals(200, get(port, "/_headers").statusCode());
            assertEquals(500, get(port, "/").statusCode());
        }
    }

    @Test
    void aFolderLinkedOutsideContentIsNotWatched() throws Exception {
        TempArchive a = TempArchive.fromFixture(dir, "mini");
        Path away = Files.createDirectories(dir.resolve("outside/more"));
        Files.createSymbolicLink(a.content().resolve("sources/more"), away);
        try (DevServer server = new DevServer(Project.at(a.root()), "127.0.0.1", 0, s -> { })) {
            long before = server.generation();
            Files.writeString(away.resolve("note.md"), "written outside content/\n");
            Thread.sleep(1500); // a watched change rebuilds within a few milliseconds
            assertEquals(before, server.generation(), "a change outside content/ started a rebuild: the link was followed");
            a.write("topics/policy.md", "---\nid: policy\ntitle: Policy\nsummary: Watched.\n---\n");
            for (int i = 0; i < 300 && server.generation() == before; i++) Thread.sleep(100);
            assertTrue(server.generation() > before, "a change inside content/ is still seen");
        }
    }
}
