package org.evidencearchive.pipeline;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.evidencearchive.check.Diagnostic;
import org.evidencearchive.check.Diagnostics;
import org.evidencearchive.publish.SiteWriter;

/**
 * What {@code git commit} would record of the files {@code check} reads: the index (staged content), exported
 * into a temporary folder, so that untracked drafts and unstaged edits neither block nor pass a commit. The
 * folder is removed on {@link #close()}, or when the JVM is stopped (Ctrl-C) before that.
 */
public final class StagedTree implements AutoCloseable {
    private final Path root;
    private final Path folder;
    private final Project project;
    private final Thread cleanup;

    private StagedTree(Path root, Path folder, Project project) {
        this.root = root;
        this.folder = folder;
        this.project = project;
        this.cleanup = new Thread(this::delete, "remove staged tree");
        Runtime.getRuntime().addShutdownHook(cleanup);
    }

    /**
     * Exports the staged version of {@code project}'s checked files ({@link Project#inputs}) into a new
     * temporary folder. The project's root must be the top folder of a git checkout (or worktree).
     */
    public static StagedTree export(Project project) throws Git.Failure, IOException {
        Path root = project.root();
        Git.revParseAtTop(root);
        List<String> paths = new ArrayList<>(List.of("ls-files", "-z", "--"));
        for (Path p : project.inputs()) {
            if (!p.startsWith(root) || p.equals(root)) {
                throw new Git.Failure(Project.display(p) + " is not a folder inside the archive's root "
                        + Project.display(root) + ", so a commit of the archive does not hold it");
            }
            paths.add(root.relativize(p).toString());
        }
        byte[] staged = Git.run(root, null, paths.toArray(String[]::new));
        Path folder = Files.createTempDirectory("archive-staged-").toRealPath();
        Project copy = new Project(folder, folder.resolve(root.relativize(project.content())),
                folder.resolve(root.relativize(project.templates())), folder.resolve(root.relativize(project.assets())),
                folder.resolve(root.relativize(project.siteConfig())), folder.resolve("target/site"));
        StagedTree tree = new StagedTree(root, folder, copy);
        try {
            if (staged.length > 0) {
                Git.run(root, staged, "checkout-index", "-z", "--stdin", "--prefix=" + folder + File.separator);
            }
            return tree;
        } catch (Git.Failure e) {
            tree.close();
            throw e;
        }
    }

    /** The archive as staged: the same layout, rooted in the temporary folder. */
    public Project project() {
        return project;
    }

    /** Returns the diagnostics with every path in the temporary folder shown as the editor knows it (content/...). */
    public Diagnostics asInWorkingTree(Diagnostics diagnostics) {
        Diagnostics out = new Diagnostics();
        for (Diagnostic d : diagnostics.sorted()) {
            out.add(new Diagnostic(d.severity(), shown(d.file()), d.line(), d.column(), shown(d.message()), shown(d.hint())));
        }
        return out;
    }

    private String shown(String text) {
        boolean atRoot = root.equals(Path.of("").toAbsolutePath().normalize());
        return text.replace(folder + File.separator, atRoot ? "" : Project.display(root) + File.separator)
                .replace(folder.toString(), Project.display(root));
    }

    @Override
    public void close() {
        delete();
        try {
            Runtime.getRuntime().removeShutdownHook(cleanup);
        } catch (IllegalStateException shuttingDown) {
            // the hook is running or has run: it removes the folder itself
        }
    }

    private void delete() {
        try {
            SiteWriter.delete(folder);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot remove " + folder, e);
        }
    }
}
