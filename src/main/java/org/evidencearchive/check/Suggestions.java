package org.evidencearchive.check;

import java.util.Collection;
import java.util.Optional;

/** "Did you mean …?" suggestions by edit distance, or an id with a word left out. */
public final class Suggestions {
    private Suggestions() {}

    /** Returns the candidate closest to {@code wrong}, if one is close enough to be a likely typo. */
    public static Optional<String> closest(String wrong, Collection<String> candidates) {
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String c : candidates) {
            int d = distance(wrong, c);
            if (d < bestDistance || (d == bestDistance && best != null && c.compareTo(best) < 0)) {
                best = c;
                bestDistance = d;
            }
        }
        int allowed = Math.max(2, wrong.length() / 3);
        if (best != null && bestDistance <= allowed) return Optional.of(best);
        return withAllWords(wrong, candidates);
    }

    /**
     * An id with a word left out ("drug-deaths-glasgow" for drug-related-deaths-glasgow): the shortest candidate
     * that has every word of a two-word-or-longer id, in its order.
     */
    private static Optional<String> withAllWords(String wrong, Collection<String> candidates) {
        java.util.List<String> words = java.util.List.of(wrong.split("[-_ ]+"));
        if (words.size() < 2) return Optional.empty();
        String best = null;
        for (String c : candidates) {
            java.util.List<String> has = java.util.List.of(c.split("[-_ ]+"));
            int at = 0;
            for (String w : has) if (at < words.size() && w.equals(words.get(at))) at++;
            if (at == words.size() && (best == null || c.length() < best.length() || (c.length() == best.length() && c.compareTo(best) < 0))) {
                best = c;
            }
        }
        return Optional.ofNullable(best);
    }

    /** Returns a hint sentence: "did you mean 'x'?" or a list of what is allowed. */
    public static String didYouMean(String wrong, Collection<String> candidates, String what) {
        return closest(wrong, candidates)
                .map(c -> "did you mean '" + c + "'?")
                .orElse(candidates.isEmpty() ? "there are no " + what + " yet"
                        : "known " + what + ": " + String.join(", ", candidates.stream().sorted().limit(12).toList())
                          + (candidates.size() > 12 ? ", …" : ""));
    }

    /** Returns the Levenshtein distance between two strings. */
    public static int distance(CharSequence a, CharSequence b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) prev[j] = j;
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
            }
            int[] t = prev; prev = cur; cur = t;
        }
        return prev[b.length()];
    }
}
