package org.evidencearchive.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.Callable;

import org.evidencearchive.check.Diagnostics;
import org.evidencearchive.content.ContentFile;
import org.evidencearchive.content.ContentParser;
import org.evidencearchive.content.Fields;
import org.evidencearchive.content.Kind;
import org.evidencearchive.content.Scaffold;
import org.evidencearchive.pipeline.Project;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code archive new KIND ID [--text FILE]}: writes a new item with every field explained. */
@Command(name = "new", mixinStandardHelpOptions = true,
        description = "Write a new item with valid front matter and a comment on every field.")
final class NewCommand implements Callable<Integer> {
    @CommandLine.Mixin
    Main.Common common = new Main.Common();
    @Parameters(index = "0", description = "source, commentary, claim, topic or person")
    String kind;
    @Parameters(index = "1", description = "the new item's id (lowercase letters, digits, hyphens)")
    String id;
    @Option(names = "--text", paramLabel = "FILE",
            description = "a source's archived text: copied byte for byte to content/sources/ID.txt, its SHA-256 filled in")
    Path text;

    @Override
    public Integer call() throws IOException {
        Kind k = Kind.of(kind).orElse(null);
        if (k == null) {
            System.err.println("archive new: unknown kind '" + kind + "'; use one of " + String.join(", ", Kind.WORDS));
            return Main.USAGE;
        }
        if (!Fields.ID.matcher(id).matches()) {
            System.err.println("archive new: invalid id '" + id + "': use lowercase letters, digits and single hyphens, e.g. '"
                    + Fields.suggestId(id) + "'");
            return Main.USAGE;
        }
        if (id.length() > Fields.MAX_ID_LENGTH) {
            System.err.println("archive new: id is too long: " + id.length() + " characters, at most " + Fields.MAX_ID_LENGTH);
            return Main.USAGE;
        }
        if (text != null && k != Kind.SOURCE) {
            System.err.println("archive new: --text is for a source's archived text, not for a " + k.word());
            return Main.USAGE;
        }
        Path file = common.project().content().resolve(k.section()).resolve(id + ".md");
        if (Files.exists(file)) {
            System.err.println("archive new: " + Project.display(file) + " already exists; nothing was written");
            return Main.CONTENT_ERRORS;
        }
        Files.createDirectories(file.getParent());
        if (text == null) {
            Files.writeString(file, Scaffold.file(k, id), StandardOpenOption.CREATE_NEW);
            System.err.println("wrote " + Project.display(file));
            return 0;
        }
        return withText(file);
    }

    /** Copies the archived text beside the new source (unless it is already there) and writes the source with its checksum. */
    private int withText(Path file) throws IOException {
        if (!Files.isRegularFile(text)) {
            System.err.println("archive new: --text " + text + ": no such file");
            return Main.USAGE;
        }
        byte[] bytes = Files.readAllBytes(text);
        Diagnostics d = new Diagnostics();
        if (ContentFile.decode(bytes, text.toString(), d).isEmpty()) {
            d.sorted().forEach(x -> System.err.println(x.format()));
            System.err.println("archive new: an archived text is kept as UTF-8; nothing was written");
            return Main.USAGE;
        }
        Path copy = file.resolveSibling(id + ".txt");
        boolean inPlace = Files.exists(copy) && Files.isSameFile(copy, text);
        if (Files.exists(copy) && !inPlace) {
            System.err.println("archive new: " + Project.display(copy) + " already exists; nothing was written");
            return Main.CONTENT_ERRORS;
        }
        if (!inPlace) {
            Files.write(copy, bytes, StandardOpenOption.CREATE_NEW);
            System.err.println("wrote " + Project.display(copy) + " (a byte-for-byte copy of " + text + ")");
        }
        Files.writeString(file, Scaffold.source(id, ContentParser.sha256(bytes)), StandardOpenOption.CREATE_NEW);
        System.err.println("wrote " + Project.display(file) + " (sha256 of " + Project.display(copy) + " filled in)");
        return 0;
    }
}
