package org.evidencearchive.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The stock-JBake baseline bakes what it writes: N posts in, N pages out, with their text and links. */
class JBakeBaselineTest {
    @TempDir
    Path dir;

    @Test
    void stockJBakeBakesEveryWrittenPost() throws Exception {
        Generator words = new Generator(List.of("drug", "policy", "glasgow", "heroin", "treatment", "room"), 7);
        JBakeBaseline.write(dir, 5, words);
        String post = Files.readString(dir.resolve("content/blog/post-000003.html"));
        assertTrue(post.contains("status=published") && post.contains("~~~~~~"), post);
        JBakeBaseline.Result r = JBakeBaseline.bake(dir);
        assertEquals(5, r.pages());
        String html = Files.readString(dir.resolve("output/blog/post-000003.html"));
        assertTrue(html.contains("<h1>Post 3</h1>"), html);
        assertTrue(html.contains("Previous") || html.contains("Next"), "JBake linked the neighbours");
    }
}
