package org.evidencearchive.export;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.CharacterEscapes;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

/** JSON as the site publishes it: indented, keys in the order built, UTF-8, ending with a newline. */
public final class Json {
    private static final ObjectMapper PRETTY = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final ObjectMapper COMPACT = new ObjectMapper();
    private static final ObjectMapper IN_HTML = new ObjectMapper();

    static {
        IN_HTML.getFactory().setCharacterEscapes(new HtmlSafe());
    }

    /** Escapes {@code <}, {@code >} and {@code &} as {@code \u003c} etc., so no text can end or change a script element. */
    private static final class HtmlSafe extends CharacterEscapes {
        private final int[] ascii = standardAsciiEscapesForJSON();

        HtmlSafe() {
            ascii['<'] = ESCAPE_STANDARD;
            ascii['>'] = ESCAPE_STANDARD;
            ascii['&'] = ESCAPE_STANDARD;
        }

        @Override
        public int[] getEscapeCodesForAscii() {
            return ascii;
        }

        @Override
        public SerializableString getEscapeSequence(int ch) {
            return null;
        }
    }

    private Json() {}

    /** Returns a tree (maps, lists, values) as indented JSON bytes. */
    public static byte[] bytes(Object tree) {
        try {
            return (PRETTY.writeValueAsString(tree) + "\n").getBytes(StandardCharsets.UTF_8);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Returns a tree as compact JSON text. */
    public static String compact(Object tree) {
        try {
            return COMPACT.writeValueAsString(tree);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Returns a tree as compact JSON text to put inside an HTML element ({@code <script type="application/ld+json">}):
     * {@code <}, {@code >} and {@code &} are escaped, so that no value can close the element or open a comment.
     */
    public static String inHtml(Object tree) {
        try {
            return IN_HTML.writeValueAsString(tree);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Returns a map with the given key/value pairs in order (Map.of's iteration order changes between runs). */
    public static Map<String, Object> ordered(Object... pairs) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) m.put((String) pairs[i], pairs[i + 1]);
        return m;
    }
}
