package org.evidencearchive.content;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import org.evidencearchive.check.Diagnostics;
import org.evidencearchive.check.Suggestions;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Typed, line-aware access to one YAML mapping of front matter. Every accessor reports a wrong type at the
 * value's line; {@link #finish()} reports every field nobody asked for as unknown, with a suggestion.
 */
public final class Fields {
    /** Ids: lowercase letters, digits and single hyphens, starting with a letter or digit. */
    public static final Pattern ID = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");
    /** The longest id: an id is a folder name of the site (at most 255 bytes on common file systems) and part of URLs. */
    public static final int MAX_ID_LENGTH = 100;

    private final String file;
    private final int lineOffset;
    private final Node node;
    private final Diagnostics diagnostics;
    private final Map<String, NodeTuple> entries = new LinkedHashMap<>();
    private final Set<String> asked = new LinkedHashSet<>();

    /** Wraps a mapping node; {@code lineOffset} is the file line of the YAML's first line minus one. */
    public Fields(String file, int lineOffset, MappingNode node, Diagnostics diagnostics) {
        this.file = file;
        this.lineOffset = lineOffset;
        this.node = node;
        this.diagnostics = diagnostics;
        for (NodeTuple t : node.getValue()) {
            if (!(t.getKeyNode() instanceof ScalarNode key)) {
                error(t.getKeyNode(), "a field name must be plain text", "write 'name: value'");
                continue;
            }
            if (entries.containsKey(key.getValue())) {
                error(key, "field '" + key.getValue() + "' is given twice", "keep one of the two lines");
                continue;
            }
            entries.put(key.getValue(), t);
        }
    }

    /** Returns the file line of a YAML node. */
    public int line(Node n) {
        return n.getStartMark().getLine() + 1 + lineOffset;
    }

    /** Returns the file column (1-based) of a YAML node: where its value starts. */
    public int column(Node n) {
        return n.getStartMark().getColumn() + 1;
    }

    /** Returns where a YAML node starts: its file line and column. */
    private Origin origin(Node n) {
        return new Origin(file, line(n), column(n));
    }

    /** Returns the origin of this mapping. */
    public Origin origin() {
        return origin(node);
    }

    /** Returns the origin of a field's value, or of this mapping when the field is absent. */
    public Origin origin(String key) {
        NodeTuple t = entries.get(key);
        return t == null ? origin() : origin(t.getValueNode());
    }

    private void error(Node n, String message, String hint) {
        diagnostics.error(file, line(n), n.getStartMark().getColumn() + 1, message, hint);
    }

    /** Reports an error at a field's value. */
    public void error(String key, String message, String hint) {
        NodeTuple t = entries.get(key);
        if (t == null) {
            diagnostics.error(file, line(node), node.getStartMark().getColumn() + 1, message, hint);
        } else {
            error(t.getValueNode(), message, hint);
        }
    }

    /** Returns whether the field is present (and not null). */
    public boolean has(String key) {
        asked.add(key);
        NodeTuple t = entries.get(key);
        return t != null && !isNull(t.getValueNode());
    }

    private static boolean isNull(Node n) {
        return n instanceof ScalarNode s && s.getTag().getValue().endsWith(":null");
    }

    private Node value(String key, boolean required, String hint) {
        asked.add(key);
        NodeTuple t = entries.get(key);
        if (t == null || isNull(t.getValueNode())) {
            if (required) {
                diagnostics.error(file, line(node), node.getStartMark().getColumn() + 1,
                        "missing required field '" + key + "'", hint);
            }
            return null;
        }
        return t.getValueNode();
    }

    /** Returns a text field, or null (reported when required) when missing or not text. */
    public String text(String key, boolean required, String hint) {
        Node v = value(key, required, hint);
        if (v == null) return null;
        if (!(v instanceof ScalarNode s)) {
            error(v, "field '" + key + "' must be text, not a " + shape(v), hint);
            return null;
        }
        String text = s.getValue().strip();
        if (text.isEmpty()) {
            error(v, "field '" + key + "' is empty", hint);
            return null;
        }
        return noControl(s, key, text) && noPlaceholder(s, key, text) ? text : null;
    }

    /** Reports a value that is still a placeholder written by {@code archive new}; true when it is not one. */
    private boolean noPlaceholder(ScalarNode n, String key, String text) {
        String replace = Scaffold.placeholderHint(text);
        if (replace == null) return true;
        error(n, "field '" + key + "' still holds the placeholder '" + text + "'", replace);
        return false;
    }

    /**
     * Reports a value holding a control character (written with a YAML escape such as "\e" or "\0": the file
     * itself has none, {@link Screen} saw to that); true when there is none.
     */
    private boolean noControl(ScalarNode n, String key, String text) {
        int at = Screen.firstControl(text);
        if (at < 0) return true;
        error(n, "field '" + key + "' contains the control character " + Screen.name(text.charAt(at)),
                "remove the escape sequence; control characters are never published");
        return false;
    }

    /**
     * Names the first character of an id that only looks allowed (a non-breaking hyphen, an en dash, a letter of
     * another script, a space of another kind), since the message shows it as it looks: "" when there is none.
     */
    static String lookalike(String id) {
        java.util.OptionalInt first = id.codePoints().filter(c -> c > 127).findFirst();
        if (first.isEmpty()) return "";
        int c = first.getAsInt();
        String name = Character.getName(c);
        return String.format(" (it has %s, U+%04X, which looks like an allowed character but is not one)",
                name == null ? "a character" : name.toLowerCase(java.util.Locale.ROOT), c);
    }

    /** Returns an id field, or null (reported) when missing or not a valid id. */
    public String id(String key, boolean required) {
        String id = text(key, required, "an id is lowercase letters, digits and hyphens, e.g. 'glasgow-drug-deaths'");
        if (id != null && !ID.matcher(id).matches()) {
            error(key, "invalid id '" + id + "': use lowercase letters, digits and single hyphens only" + lookalike(id),
                    "e.g. '" + suggestId(id) + "'");
            return null;
        }
        if (id != null && id.length() > MAX_ID_LENGTH) {
            error(key, "id is too long: " + id.length() + " characters, at most " + MAX_ID_LENGTH,
                    "an id is a folder name of the site and part of its URLs: shorten it, e.g. '" + id.substring(0, 40).replaceAll("-+$", "") + "'");
            return null;
        }
        return id;
    }

    /** Returns an id made valid, for hints. */
    public static String suggestId(String text) {
        String s = java.text.Normalizer.normalize(text, java.text.Normalizer.Form.NFKD)
                .replaceAll("\\p{M}", "").toLowerCase(java.util.Locale.ROOT)
                .replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
        return s.isEmpty() ? "my-item" : s;
    }

    /** Returns a whole number field, or null when missing or not a whole number. */
    public Integer integer(String key, int min, int max) {
        String text = text(key, false, null);
        if (text == null) return null;
        try {
            int n = Integer.parseInt(text);
            if (n < min || n > max) throw new NumberFormatException();
            return n;
        } catch (NumberFormatException e) {
            error(key, "field '" + key + "' must be a whole number from " + min + " to " + max + ", not '" + text + "'",
                    null);
            return null;
        }
    }

    /** Returns a number field from -{@code limit} to {@code limit}, or null when missing, not a number or out of range. */
    public BigDecimal number(String key, boolean required, BigDecimal limit, String rangeHint) {
        String text = text(key, required, "a number such as 160 or 27.5");
        if (text == null) return null;
        BigDecimal n;
        try {
            n = new BigDecimal(text.replace("_", ""));
        } catch (NumberFormatException e) {
            error(key, "field '" + key + "' must be a number, not '" + text + "'", "write digits only, e.g. 13600");
            return null;
        }
        if (n.abs().compareTo(limit) > 0) {
            error(key, "field '" + key + "' is out of range: " + text + " (the limit is " + limit.toPlainString()
                    + " either way)", rangeHint);
            return null;
        }
        return n;
    }

    /** Returns a date field (YYYY, YYYY-MM or YYYY-MM-DD), or null when missing or invalid. */
    public PartialDate date(String key, boolean required) {
        String text = text(key, required, "a date as YYYY, YYYY-MM or YYYY-MM-DD");
        if (text == null) return null;
        return PartialDate.parse(text).orElseGet(() -> {
            error(key, "bad date '" + text + "' in field '" + key + "'",
                    "write YYYY, YYYY-MM or YYYY-MM-DD with a real month and day, e.g. \"2019-07-16\"");
            return null;
        });
    }

    /** Returns a list of texts; a single text is accepted as a list of one. */
    public List<String> texts(String key, boolean required, String hint) {
        List<String> out = new ArrayList<>();
        for (var r : refsOf(key, required, hint, false)) out.add(r.id());
        return out;
    }

    /** Returns an optional list of texts, each with the line where it is written. */
    public List<Ref> textRefs(String key, String hint) {
        return refsOf(key, false, hint, false);
    }

    /** Returns a list of id references with their lines; invalid ids are reported. */
    public List<Ref> refs(String key, boolean required, String hint) {
        return refsOf(key, required, hint, true);
    }

    private List<Ref> refsOf(String key, boolean required, String hint, boolean ids) {
        Node v = value(key, required, hint);
        List<Ref> out = new ArrayList<>();
        if (v == null) return out;
        List<Node> items = v instanceof SequenceNode seq ? seq.getValue() : List.of(v);
        if (v instanceof MappingNode) {
            error(v, "field '" + key + "' must be a list, not a mapping", hint);
            return out;
        }
        for (Node item : items) {
            if (!(item instanceof ScalarNode s) || s.getValue().isBlank()) {
                error(item, "each entry of '" + key + "' must be text", hint);
                continue;
            }
            String text = s.getValue().strip();
            if (!noControl(s, key, text) || !noPlaceholder(s, key, text)) continue;
            if (ids && !ID.matcher(text).matches()) {
                error(item, "invalid id '" + text + "' in '" + key + "'" + lookalike(text), "ids are lowercase letters, digits and hyphens");
                continue;
            }
            out.add(new Ref(text, origin(item)));
        }
        if (required && v instanceof SequenceNode seq && seq.getValue().isEmpty()) { // a bad entry is reported itself
            error(v, "field '" + key + "' needs at least one entry", hint);
        }
        return out;
    }

    /** Returns a nested mapping, or null when missing or not a mapping. */
    public Fields map(String key, boolean required, String hint) {
        Node v = value(key, required, hint);
        if (v == null) return null;
        if (!(v instanceof MappingNode m)) {
            error(v, "field '" + key + "' must be a mapping of fields, not a " + shape(v), hint);
            return null;
        }
        return new Fields(file, lineOffset, m, diagnostics);
    }

    /** Returns a list of nested mappings. */
    public List<Fields> maps(String key, boolean required, String hint) {
        Node v = value(key, required, hint);
        List<Fields> out = new ArrayList<>();
        if (v == null) return out;
        if (!(v instanceof SequenceNode seq)) {
            error(v, "field '" + key + "' must be a list (lines starting with '- '), not a " + shape(v), hint);
            return out;
        }
        for (Node item : seq.getValue()) {
            if (item instanceof MappingNode m) {
                out.add(new Fields(file, lineOffset, m, diagnostics));
            } else {
                error(item, "each entry of '" + key + "' must be a mapping of fields", hint);
            }
        }
        if (required && out.isEmpty() && seq.getValue().isEmpty()) {
            error(v, "field '" + key + "' needs at least one entry", hint);
        }
        return out;
    }

    /** Returns the field names present, in order. */
    public Set<String> keys() {
        return entries.keySet();
    }

    private static String shape(Node n) {
        return n instanceof SequenceNode ? "list" : n instanceof MappingNode ? "mapping" : "text";
    }

    /** Reports every present field that no accessor asked for as unknown, with a "did you mean" hint. */
    public void finish() {
        for (var e : entries.entrySet()) {
            if (!asked.contains(e.getKey())) {
                error(e.getValue().getKeyNode(), "unknown field '" + e.getKey() + "'",
                        Suggestions.didYouMean(e.getKey(), asked, "fields"));
            }
        }
    }

    /**
     * A kind as written; a misspelt one is reported with the closest kind and read on as that kind, so that the
     * item's other problems are reported now too (null when none is close).
     */
    <E extends Worded> E kind(E[] values, String word, String message) {
        if (word == null) return null;
        java.util.Optional<E> k = Worded.of(values, word);
        if (k.isPresent()) return k.get();
        List<String> words = Worded.words(values);
        error("kind", message, org.evidencearchive.check.Suggestions.didYouMean(word, words, "kinds"));
        return org.evidencearchive.check.Suggestions.closest(word, words).flatMap(w -> Worded.of(values, w)).orElse(null);
    }
}
