package org.evidencearchive.content;

import org.evidencearchive.check.Suggestions;

/** Reads the fields a claim's {@code figure} adds to the basic ones (kept apart from the parser). */
final class FigureFields {
    private FigureFields() {}

    /** Returns {@code figure.qualifier} ({@link Qualifier#EXACT} when absent), or null when it is not a known one. */
    static Qualifier qualifier(Fields fig) {
        String id = fig.text("qualifier", false, String.join(" | ", Qualifier.ids()));
        if (id == null) return fig.has("qualifier") ? null : Qualifier.EXACT;
        return Qualifier.of(id).orElseGet(() -> {
            fig.error("qualifier", "unknown figure qualifier '" + id + "'",
                    Suggestions.didYouMean(id, Qualifier.ids(), "qualifiers"));
            return null;
        });
    }
}
