package org.evidencearchive.bench;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import org.jbake.app.Oven;
import org.jbake.app.configuration.DefaultJBakeConfiguration;
import org.jbake.app.configuration.JBakeConfigurationFactory;

/**
 * The stock-JBake side of the benchmark: N plain posts (HTML bodies with JBake's header: no Markdown engine is
 * needed, and JBake's stock one wants flexmark's pegdown profile, which the tool does not ship), baked by JBake 2.7.0's
 * own {@link Oven} (its content store, crawler and document renderer), with a small Freemarker layout of the
 * same shape as ours (head, navigation, title, date, body, previous/next). Index only; feed, archive and tag
 * pages are off, so the time is that of rendering pages.
 */
public final class JBakeBaseline {
    private JBakeBaseline() {}

    /** What a bake did: pages written and milliseconds of wall time for the bake alone. */
    public record Result(int pages, long bakeMs) {
        /** Milliseconds per page. */
        public double msPerPage() {
            return pages == 0 ? 0 : (double) bakeMs / pages;
        }
    }

    /** Writes the posts, templates and jbake.properties of an N-page JBake site into {@code dir}. */
    public static void write(Path dir, int pages, Generator words) throws IOException {
        Path content = dir.resolve("content/blog");
        Files.createDirectories(content);
        Files.createDirectories(dir.resolve("templates"));
        Files.createDirectories(dir.resolve("assets"));
        for (int i = 0; i < pages; i++) {
            String body = "<p>" + words.paragraphs(300 + (i * 7919) % 1700).replace("\n\n", "</p>\n<p>") + "</p>";
            Files.writeString(content.resolve(String.format(Locale.ROOT, "post-%06d.html", i)),
                    "title=Post " + i + "\ndate=2019-" + String.format(Locale.ROOT, "%02d-%02d", 1 + i % 12, 1 + i % 28)
                            + "\ntype=post\ntags=topic-" + (i % 12) + "\nstatus=published\n~~~~~~\n\n" + body + "\n");
        }
        Files.writeString(dir.resolve("jbake.properties"), String.join("\n", List.of(
                "site.host=https://example.org", "render.index=true", "render.feed=false", "render.archive=false",
                "render.tags=false", "render.tagsindex=false", "render.sitemap=false", "render.error404=false",
                "db.store=memory", "index.paginate=true", "index.posts_per_page=10", "")));
        String layout = """
                <#macro page title>
                <!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>${title}</title>
                <meta name="viewport" content="width=device-width, initial-scale=1"><link rel="stylesheet" href="/css/site.css"></head>
                <body><a class="skip" href="#main">Skip to content</a><header><nav><a href="/">Home</a> <a href="/topics/">Topics</a>
                <a href="/sources/">Sources</a> <a href="/claims/">Claims</a></nav></header><main id="main"><#nested></main>
                <footer><p>Built with JBake</p></footer></body></html>
                </#macro>
                """;
        Files.writeString(dir.resolve("templates/layout.ftl"), layout);
        Files.writeString(dir.resolve("templates/post.ftl"), """
                <#import "layout.ftl" as l>
                <@l.page title=content.title><article><h1>${content.title}</h1><p>${content.date?string("yyyy-MM-dd")}</p>
                ${content.body}
                <#if content.previousContent??><a href="/${content.previousContent.uri}">Previous</a></#if>
                <#if content.nextContent??><a href="/${content.nextContent.uri}">Next</a></#if></article></@l.page>
                """);
        Files.writeString(dir.resolve("templates/page.ftl"), "<#import \"layout.ftl\" as l><@l.page title=content.title>${content.body}</@l.page>\n");
        Files.writeString(dir.resolve("templates/index.ftl"), """
                <#import "layout.ftl" as l>
                <@l.page title="Index"><ul><#list posts as p><li><a href="/${p.uri}">${p.title}</a></li></#list></ul></@l.page>
                """);
    }

    /** Bakes {@code dir} into {@code dir}/output with stock JBake; fails on any error JBake reports. */
    public static Result bake(Path dir) throws IOException {
        Path out = dir.resolve("output");
        File source = dir.toFile();
        DefaultJBakeConfiguration config = new JBakeConfigurationFactory().createDefaultJbakeConfiguration(source, out.toFile(), true);
        Oven oven = new Oven(config);
        long t0 = System.nanoTime();
        oven.bake();
        long ms = (System.nanoTime() - t0) / 1_000_000;
        if (!oven.getErrors().isEmpty()) throw new IOException("JBake reported errors: " + oven.getErrors());
        int pages;
        try (var s = Files.walk(out.resolve("blog"))) {
            pages = (int) s.filter(p -> p.toString().endsWith(".html")).count();
        }
        return new Result(pages, ms);
    }
}
