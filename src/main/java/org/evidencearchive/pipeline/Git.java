package org.evidencearchive.pipeline;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/** Runs git for the pre-commit hook and the staged check: its output, or git's own reason in one line. */
public final class Git {
    private Git() {
    }

    /** A git command that could not run or failed; the message says why in one line. */
    public static final class Failure extends Exception {
        /** Creates a failure with a one-line reason. */
        public Failure(String message) {
            super(message);
        }
    }

    /**
     * Runs {@code git ARGS} in {@code dir} (with the environment git gave the hook, so the index being committed
     * is the one read), feeding it {@code input} (or nothing), and returns what it wrote to its standard output.
     */
    static byte[] run(Path dir, byte[] input, String... args) throws Failure {
        List<String> command = new ArrayList<>(List.of("git"));
        command.addAll(List.of(args));
        Process p;
        try {
            p = new ProcessBuilder(command).directory(dir.toFile()).start();
        } catch (IOException e) {
            throw new Failure("cannot run git: " + e.getMessage());
        }
        CompletableFuture<byte[]> err = CompletableFuture.supplyAsync(() -> readAll(p.getErrorStream()));
        try {
            try (OutputStream in = p.getOutputStream()) {
                if (input != null) in.write(input);
            }
            byte[] out = readAll(p.getInputStream());
            int code = p.waitFor();
            if (code != 0) {
                String reason = new String(err.join(), StandardCharsets.UTF_8).strip().lines().findFirst().orElse("");
                throw new Failure("git " + args[0] + " failed" + (reason.isEmpty() ? " (exit " + code + ")" : ": " + reason));
            }
            return out;
        } catch (IOException | UncheckedIOException e) {
            throw new Failure("git " + args[0] + " failed: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            p.destroy();
            throw new Failure("git " + args[0] + " was interrupted");
        }
    }

    /**
     * Runs {@code git rev-parse --show-prefix ARGS} in an archive's root and returns the lines answering ARGS;
     * fails unless the root is the top folder of a git checkout or worktree, where git runs hooks.
     */
    static List<String> revParseAtTop(Path root, String... args) throws Failure {
        List<String> command = new ArrayList<>(List.of("rev-parse", "--show-prefix"));
        command.addAll(List.of(args));
        List<String> out = lines(root, command.toArray(String[]::new));
        if (out.isEmpty()) throw new Failure("git rev-parse gave no answer in " + Project.display(root));
        if (!out.get(0).isEmpty()) {
            throw new Failure(Project.display(root) + " is not the top folder of its git checkout (it is " + out.get(0)
                    + " in it); keep the archive at the top, where git runs hooks");
        }
        return out.subList(1, out.size());
    }

    /** Runs git and returns its output's lines. */
    static List<String> lines(Path dir, String... args) throws Failure {
        return new String(run(dir, null, args), StandardCharsets.UTF_8).lines().toList();
    }

    private static byte[] readAll(InputStream in) {
        try (in) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
