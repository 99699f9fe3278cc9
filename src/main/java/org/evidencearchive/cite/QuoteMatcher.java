package org.evidencearchive.cite;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.evidencearchive.check.Diagnostics;
import org.evidencearchive.check.Suggestions;
import org.evidencearchive.content.CitationRef;
import org.evidencearchive.content.Origin;
import org.evidencearchive.content.Paragraph;
import org.evidencearchive.content.Source;

/** Finds an exact quote in an archived source, or explains (with the closest passage) why it cannot. */
public final class QuoteMatcher {
    private static final int CONTEXT = 32;

    private QuoteMatcher() {}

    /** Resolves a citation against its source; reports not-found, ambiguous and bad-pin errors and returns empty. */
    public static Optional<ResolvedCitation> resolve(CitationRef ref, Source source, Diagnostics diagnostics) {
        return resolve(ref, source, diagnostics, p -> QuoteNormalizer.map(p.text()));
    }

    /**
     * Resolves a citation as {@link #resolve(CitationRef, Source, Diagnostics)} does, taking each paragraph's
     * normalised text from {@code normalized} (so that a caller resolving many citations normalises once).
     */
    public static Optional<ResolvedCitation> resolve(CitationRef ref, Source source, Diagnostics diagnostics,
                                                     java.util.function.Function<Paragraph, QuoteNormalizer.Normalized> normalized) {
        String quote = QuoteNormalizer.normalize(ref.quote());
        String file = ref.origin().file();
        int line = ref.origin().line();
        int column = ref.origin().column();
        if (quote.isEmpty()) {
            diagnostics.error(file, line, column, "empty quote citing '" + source.id() + "'", "quote the exact words of the source");
            return Optional.empty();
        }
        List<Paragraph> candidates = source.text().paragraphs();
        if (ref.paragraph() != null) {
            Optional<Paragraph> pinned = source.text().paragraph(ref.paragraph());
            if (pinned.isEmpty()) {
                Origin at = ref.paragraphOrigin();
                diagnostics.error(at.file(), at.line(), at.column(), "source '" + source.id() + "' has no paragraph " + ref.paragraph(),
                        "it has p1 to p" + candidates.size());
                return Optional.empty();
            }
            candidates = List.of(pinned.get());
        }
        List<ResolvedCitation> found = new ArrayList<>();
        for (Paragraph p : candidates) {
            QuoteNormalizer.Normalized n = normalized.apply(p);
            int from = 0;
            while (true) {
                int at = n.text().indexOf(quote, from);
                if (at < 0) break;
                int start = p.offset() + n.originalStart(at);
                int end = p.offset() + n.originalStart(at + quote.length() - 1) + 1;
                found.add(resolved(ref, source, p, start, end));
                from = at + 1;
            }
        }
        if (found.size() == 1) return Optional.of(found.get(0));
        if (found.isEmpty()) {
            String where = ref.paragraph() == null ? "source '" + source.id() + "'"
                    : source.id() + "#" + ref.paragraph();
            // pinned to the wrong paragraph: the exact words are in another one
            List<String> elsewhere = new ArrayList<>();
            if (ref.paragraph() != null) {
                for (Paragraph p : source.text().paragraphs()) {
                    if (normalized.apply(p).text().contains(quote)) elsewhere.add(p.anchor());
                }
            }
            diagnostics.error(file, line, column, "quote not found in " + where + ": \"" + abbreviate(ref.quote()) + "\"",
                    !elsewhere.isEmpty() ? "the quote is in " + String.join(" and ", elsewhere) + ": pin it there (paragraph: "
                            + elsewhere.get(0) + ", or [@" + source.id() + "#" + elsewhere.get(0) + " \"…\"])"
                            : closest(quote, candidates).map(c -> "closest passage (" + c.anchor + "): \"" + c.text + "\"")
                            .orElse("quote the source's exact words"));
            return Optional.empty();
        }
        List<String> anchors = found.stream().map(ResolvedCitation::anchor).distinct().toList();
        diagnostics.error(file, line, column, "quote \"" + abbreviate(ref.quote()) + "\" occurs " + found.size()
                        + " times in '" + source.id() + "' (" + String.join(", ", anchors) + ")",
                anchors.size() > 1 ? "pin it to one paragraph: [@" + source.id() + "#" + anchors.get(0) + " \"…\"] or paragraph: "
                        + anchors.get(0) : "quote more words so that it occurs once");
        return Optional.empty();
    }

    private static ResolvedCitation resolved(CitationRef ref, Source source, Paragraph p, int start, int end) {
        String raw = source.text().raw();
        String prefix = raw.substring(Math.max(p.offset(), start - CONTEXT), start);
        String suffix = raw.substring(end, Math.min(p.offset() + p.text().length(), end + CONTEXT));
        return new ResolvedCitation(ref, p.anchor(), raw.substring(start, end), start, end, prefix, suffix);
    }

    private record Near(String anchor, String text, int distance) {}

    /** Returns the passage of the candidates closest to the quote, by edit distance over word windows. */
    static Optional<Near> closest(String quote, List<Paragraph> paragraphs) {
        int words = quote.split(" ").length;
        Near best = null;
        for (Paragraph p : paragraphs) {
            String[] tokens = QuoteNormalizer.normalize(p.text()).split(" ");
            for (int size = Math.max(1, words - 1); size <= words + 1; size++) {
                for (int i = 0; i + size <= tokens.length || (i == 0 && tokens.length < size); i++) {
                    String window = String.join(" ", java.util.Arrays.copyOfRange(tokens, i, Math.min(tokens.length, i + size)));
                    int d = Suggestions.distance(quote, window);
                    if (best == null || d < best.distance) best = new Near(p.anchor(), window, d);
                    if (tokens.length < size) break;
                }
            }
        }
        return Optional.ofNullable(best);
    }

    private static String abbreviate(String s) {
        String one = s.replaceAll("\\s+", " ").strip();
        return one.length() <= 80 ? one : one.substring(0, 77) + "…";
    }
}
