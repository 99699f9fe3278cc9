package org.evidencearchive.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Predicate;

import org.evidencearchive.build.Project;
import org.evidencearchive.testing.TempArchive;
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
                    Files.readString(a.content().resolve("claims/alpha-deaths.md")).replace("relations:\n  - same-figure: alpha-doe\n", ""));
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
