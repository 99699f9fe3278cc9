package org.evidencearchive.pipeline;

import java.nio.file.Path;
import java.util.List;

import org.evidencearchive.publish.SiteWriter;

/**
 * Where an archive's parts are: content, templates, assets, site settings, and the output folder.
 *
 * @param root the folder paths are shown relative to, and where git is asked for versions
 */
public record Project(Path root, Path content, Path templates, Path assets, Path siteConfig, Path out) {
    /** Returns the standard layout of an archive rooted at {@code root}. */
    public static Project at(Path root) {
        Path r = root.toAbsolutePath().normalize();
        return new Project(r, r.resolve("content"), r.resolve("templates"), r.resolve("assets"),
                r.resolve("site-config"), r.resolve("target/site"));
    }

    /** Returns the same project with another content folder. */
    public Project withContent(Path dir) {
        return new Project(root, dir.toAbsolutePath().normalize(), templates, assets, siteConfig, out);
    }

    /** Returns the same project with another output folder. */
    public Project withOut(Path dir) {
        return new Project(root, content, templates, assets, siteConfig, dir.toAbsolutePath().normalize());
    }

    /**
     * Refuses an output folder that a build must not replace: the project's folder or one that holds it, a
     * folder of its sources (content, templates, assets, settings) or one inside them, and any existing folder
     * that is neither empty nor a site built before ({@link SiteWriter#checkReplaceable}).
     */
    public void checkOut() throws SiteWriter.NotASiteException {
        if (root.startsWith(out)) {
            throw new SiteWriter.NotASiteException(display(out) + " holds the project itself; a build replaces everything in its output folder");
        }
        for (Path source : List.of(content, templates, assets, siteConfig)) {
            if (source.startsWith(out) || out.startsWith(source)) {
                throw new SiteWriter.NotASiteException(display(out) + " overlaps the project's " + display(source)
                        + " folder; a build replaces everything in its output folder");
            }
        }
        SiteWriter.checkReplaceable(out);
    }

    /** The files and folders a check and a build read: content, site settings and ledgers, templates, assets, the data schema. */
    public List<Path> inputs() {
        return List.of(content, siteConfig, templates, assets);
    }

    /** Returns a path as shown to the user: relative to the working directory when inside it. */
    public static String display(Path p) {
        Path cwd = Path.of("").toAbsolutePath();
        Path abs = p.toAbsolutePath().normalize();
        return abs.startsWith(cwd) && !abs.equals(cwd) ? cwd.relativize(abs).toString() : abs.toString();
    }
}
