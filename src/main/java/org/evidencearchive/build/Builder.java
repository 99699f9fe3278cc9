package org.evidencearchive.build;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import org.evidencearchive.check.Diagnostics;
import org.evidencearchive.config.SiteConfig;
import org.evidencearchive.content.ContentParser;
import org.evidencearchive.content.Corpus;
import org.evidencearchive.content.Source;
import org.evidencearchive.publish.GitVersion;
import org.evidencearchive.publish.LinkChecker;
import org.evidencearchive.publish.SiteWriter;
import org.evidencearchive.render.PageFactory;
import org.evidencearchive.render.PageSpec;
import org.evidencearchive.render.TemplateRenderer;
import org.evidencearchive.site.Archive;
import org.evidencearchive.site.Urls;

/**
 * The build pipeline: read and parse → link (resolve references and citations) → check bodies → render →
 * verify links → publish atomically. Each stage reports into one {@link Diagnostics}; nothing is written
 * unless every stage succeeded.
 */
public final class Builder {
    private final Project project;

    /** Creates a builder for a project. */
    public Builder(Project project) {
        this.project = project;
    }

    /** What a check or build found: the diagnostics, and the graph when parsing got that far. */
    public record Result(Diagnostics diagnostics, Archive archive, int pagesWritten) {
        /** Returns whether the run had no errors. */
        public boolean ok() {
            return !diagnostics.hasErrors();
        }
    }

    /** Validates the whole archive without writing anything. */
    public Result check() {
        Diagnostics d = new Diagnostics();
        SiteConfig site = siteConfig(d);
        Archive archive = link(d);
        new PageFactory(archive, site, GitVersion.UNVERSIONED.label(), GitVersion.UNVERSIONED.feedDate()).checkBodies(d);
        return new Result(d, archive, 0);
    }

    private SiteConfig siteConfig(Diagnostics d) {
        Path f = project.siteConfig().resolve("site.yaml");
        return SiteConfig.read(f, Project.display(f), d);
    }

    private Archive link(Diagnostics d) {
        Corpus corpus = new ContentParser(project.content(), Path.of("").toAbsolutePath(), d).parse();
        return Archive.link(corpus, d);
    }

    /** Builds the site into the output folder; on any error the previous output is left untouched. */
    public Result build() {
        Diagnostics d = new Diagnostics();
        SiteConfig site = siteConfig(d);
        Archive archive = link(d);
        GitVersion version = GitVersion.of(project.root(), project.content());
        PageFactory factory = new PageFactory(archive, site, version.label(), version.feedDate());
        factory.checkBodies(d);
        if (d.hasErrors()) return new Result(d, archive, 0);

        Path staged = null;
        try {
            staged = SiteWriter.stage(project.out());
            TemplateRenderer renderer = new TemplateRenderer(project.root(), project.templates(),
                    project.siteConfig().resolve("jbake.properties"), staged, Project.display(project.templates()));
            List<PageSpec> pages = factory.pages();
            Map<String, byte[]> files = new TreeMap<>(renderer.render(pages, d));
            if (d.hasErrors()) return new Result(d, archive, 0);
            files.putAll(assets());
            files.putAll(org.evidencearchive.cite.CitationExport.files(archive, site.baseUrl()));
            for (Source s : archive.sources()) {
                files.put(Urls.of(s).substring(1) + "text.txt", Files.readAllBytes(s.textFile()));
            }
            LinkChecker.check(files, Project.display(project.out()), d);
            if (d.hasErrors()) return new Result(d, archive, 0);
            SiteWriter.write(staged, files);
            SiteWriter.swap(staged, project.out());
            staged = null;
            return new Result(d, archive, pages.size());
        } catch (IOException | UncheckedIOException e) {
            d.error(Project.display(project.out()), 0, "cannot write the site: " + e.getMessage(),
                    "check that the output folder is writable; the previous site is unchanged");
            return new Result(d, archive, 0);
        } finally {
            if (staged != null) {
                try {
                    SiteWriter.delete(staged);
                } catch (IOException ignored) {
                    // A leftover staging folder is harmless; the next build makes a new one.
                }
            }
        }
    }

    private Map<String, byte[]> assets() throws IOException {
        Map<String, byte[]> out = new TreeMap<>();
        if (!Files.isDirectory(project.assets())) return out;
        try (Stream<Path> s = Files.walk(project.assets())) {
            for (Path p : s.filter(Files::isRegularFile).sorted().toList()) {
                String rel = project.assets().relativize(p).toString().replace('\\', '/');
                if (!rel.startsWith(".")) out.put(rel, Files.readAllBytes(p));
            }
        }
        return out;
    }
}
