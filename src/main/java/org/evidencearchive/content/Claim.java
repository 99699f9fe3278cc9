package org.evidencearchive.content;

import java.math.BigDecimal;
import java.util.List;

/** One statement in our words with the passages that support it ({@code statementOrigin}: the line of the statement). */
public record Claim(String id, Origin origin, String statement, ClaimKind claimKind, PartialDate date, List<Ref> topics,
                    List<Ref> by, Figure figure, List<CitationRef> citations, List<Relation> relations, Body body,
                    List<Alias> aliases, Origin statementOrigin)
        implements Item {

    /**
     * The number a statistic claim reports, and what exactly it measures.
     *
     * @param qualifier  what the source's wording says about the number ("more than"): {@link Qualifier#EXACT} when none
     * @param periodText the source's own words for the period ("2017-18", "last year", "over two years"), or null
     * @param measure    the id of the measure in the vocabulary ({@link Measures})
     * @param origin     the line of {@code value}; {@code qualifierOrigin}, {@code periodTextOrigin} (that of
     *                   {@code period} when there are no period words) and {@code measureOrigin} those of the other
     *                   fields (the value's line when absent)
     */
    public record Figure(BigDecimal value, Qualifier qualifier, String unit, String measure, PartialDate period,
                         String periodText, Origin origin, Origin qualifierOrigin, Origin periodTextOrigin,
                         Origin measureOrigin) {
        /** The largest size a figure's value may have (a million million million), either way from zero. */
        public static final BigDecimal MAX_VALUE = new BigDecimal("1e18");
    }

    /** A typed relation to another claim. */
    public record Relation(RelationType type, Ref claim) {}

    /** The kinds of claim: what a statement is (see the editor's guide, "Who said it"). */
    public enum ClaimKind implements Worded {
        STATISTIC("statistic"), POSITION("position"), REPORT("report"), EVENT("event"), FACT("fact");

        private final String word;

        ClaimKind(String word) {
            this.word = word;
        }

        @Override
        public String word() {
            return word;
        }

        @Override
        public String toString() {
            return word;
        }
    }

    /** The kinds of relation between claims (see the editor's guide, "Relations"). */
    public enum RelationType implements Worded {
        SAME_FIGURE("same-figure"), SAME_MEASURE("same-measure"), DISPUTES("disputes"), RESPONDS_TO("responds-to"),
        CONTRASTS("contrasts");

        private final String word;

        RelationType(String word) {
            this.word = word;
        }

        @Override
        public String word() {
            return word;
        }

        @Override
        public String toString() {
            return word;
        }
    }

    /** The kinds of claim, as editors write them. */
    public static final List<String> KINDS = Worded.words(ClaimKind.values());

    /** The kinds of relation between claims, as editors write them. */
    public static final List<String> RELATIONS = Worded.words(RelationType.values());

    /**
     * Hashes by id (unique within a kind), consistent with the record's value equality; the generated hash
     * would walk every field, an archived text's every paragraph included, on each map look-up.
     */
    @Override
    public int hashCode() {
        return id.hashCode();
    }

    @Override
    public Kind kind() {
        return Kind.CLAIM;
    }

    @Override
    public String title() {
        return statement;
    }
}
