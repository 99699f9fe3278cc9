package org.evidencearchive.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import org.evidencearchive.pipeline.Project;
import org.evidencearchive.content.Fields;
import org.evidencearchive.content.Scaffold;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code archive new KIND ID}: writes a new item with every field explained. */
@Command(name = "new", mixinStandardHelpOptions = true,
        description = "Write a new item with valid front matter and a comment on every field.")
final class NewCommand implements Callable<Integer> {
    @CommandLine.Mixin
    Main.Common common = new Main.Common();
    @Parameters(index = "0", description = "source, commentary, claim, topic or person")
    String kind;
    @Parameters(index = "1", description = "the new item's id (lowercase letters, digits, hyphens)")
    String id;

    @Override
    public Integer call() throws IOException {
        org.evidencearchive.content.Kind k = org.evidencearchive.content.Kind.of(kind).orElse(null);
        if (k == null) {
            System.err.println("archive new: unknown kind '" + kind + "'; use one of "
                    + String.join(", ", org.evidencearchive.content.Kind.WORDS));
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
        Path file = common.project().content().resolve(k.section()).resolve(id + ".md");
        if (Files.exists(file)) {
            System.err.println("archive new: " + Project.display(file) + " already exists; nothing was written");
            return Main.CONTENT_ERRORS;
        }
        Files.createDirectories(file.getParent());
        Files.writeString(file, Scaffold.file(k, id));
        System.err.println("wrote " + Project.display(file));
        return 0;
    }
}
