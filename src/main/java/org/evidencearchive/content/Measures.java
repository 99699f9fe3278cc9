package org.evidencearchive.content;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import org.evidencearchive.check.Diagnostics;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;

/**
 * The archive's measure vocabulary, {@code content/measures.yaml}: what each figure counts, where, in what unit
 * and how the sources define it. A figure names its measure by id, so that two figures are comparable exactly
 * when they have the same id.
 */
public record Measures(Map<String, Measure> byId) {
    /** The vocabulary's file name, directly in the content folder. */
    public static final String FILE = "measures.yaml";

    /**
     * One measure, as the sources give it.
     *
     * @param name       the label shown on pages and charts ("drug-related deaths in Glasgow")
     * @param counted    what is counted
     * @param area       where, or null when the sources do not say
     * @param unit       the unit every figure of this measure is given in
     * @param definition how the sources define it, or null
     */
    public record Measure(String id, String name, String counted, String area, String unit, String definition,
                          Origin origin) {}

    /** No measures (an archive without the file). */
    public static final Measures NONE = new Measures(Map.of());

    /**
     * No measures, because the file cannot be read (its error is reported at it): figures' measures are not then
     * reported unknown, one by one, as well.
     */
    public static final Measures UNREADABLE = new Measures(Map.of());

    /** Whether the file could not be read (the figures' measures are then not checked). */
    public boolean unreadable() {
        return this == UNREADABLE;
    }

    /** Returns the measure with this id. */
    public Optional<Measure> get(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    /** Returns every measure, in the file's order. */
    public Collection<Measure> all() {
        return byId.values();
    }

    /** Returns the label of a measure id: its name, or the id itself when it is not in the vocabulary. */
    public String label(String id) {
        Measure m = byId.get(id);
        return m == null ? id : m.name();
    }

    /** Reads {@code measures.yaml} in the content folder (absent: no measures), reporting each problem at its line. */
    static Measures read(ContentTree tree, Path root, String display, Diagnostics d) {
        Path file = root.resolve(FILE);
        if (!Files.exists(file)) return NONE;
        Node node;
        try {
            String text = new String(tree.read(file), StandardCharsets.UTF_8);
            LoaderOptions options = new LoaderOptions();
            options.setMaxAliasesForCollections(10);
            node = new Yaml(options).compose(new java.io.StringReader(text));
        } catch (MarkedYAMLException e) {
            var mark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
            d.error(display, mark == null ? 1 : mark.getLine() + 1, mark == null ? 0 : mark.getColumn() + 1,
                    "malformed YAML: " + e.getProblem(), "check indentation and quoting");
            return UNREADABLE;
        } catch (ContentTree.OutsideException e) {
            d.error(display, 1, "symbolic link leads outside the content folder", "replace the link with a copy of the file");
            return UNREADABLE;
        } catch (IOException | YAMLException e) {
            d.error(display, 1, "cannot read the measures: " + e.getMessage(), null);
            return UNREADABLE;
        }
        if (node == null) return NONE;
        if (!(node instanceof MappingNode top)) {
            d.error(display, 1, "measures must be 'measure-id:' entries, each with name, counted, unit",
                    "see content/README.md, 'Measures'");
            return UNREADABLE;
        }
        Map<String, Measure> out = new LinkedHashMap<>();
        for (NodeTuple t : top.getValue()) {
            int line = t.getKeyNode().getStartMark().getLine() + 1;
            int col = t.getKeyNode().getStartMark().getColumn() + 1;
            String id = t.getKeyNode() instanceof ScalarNode s ? s.getValue() : null;
            if (id == null || !Fields.ID.matcher(id).matches() || id.length() > Fields.MAX_ID_LENGTH) {
                d.error(display, line, col, "measure id '" + (id == null ? "?" : id) + "' is not an id",
                        "lowercase letters, digits and single hyphens, e.g. drug-deaths-scotland");
                continue;
            }
            if (out.containsKey(id)) {
                d.error(display, line, col, "measure '" + id + "' is defined twice", "keep one of the two entries");
                continue;
            }
            if (!(t.getValueNode() instanceof MappingNode m)) {
                d.error(display, line, col, "measure '" + id + "' must have fields: name, counted, unit (area, definition)", null);
                continue;
            }
            Fields f = new Fields(display, 0, m, d);
            String name = f.text("name", true, "the label shown with its figures, e.g. drug-related deaths in Glasgow");
            String counted = f.text("counted", true, "what is counted, in the sources' words, e.g. drug-related deaths");
            String area = f.text("area", false, "where, as the sources give it; leave out when they do not say");
            String unit = f.text("unit", true, "the unit of its figures, e.g. deaths");
            String definition = f.text("definition", false, "how the sources define it");
            f.finish();
            if (name != null && counted != null && unit != null) {
                out.put(id, new Measure(id, name, counted, area, unit, definition, new Origin(display, line)));
            }
        }
        return new Measures(java.util.Collections.unmodifiableMap(out));
    }
}
