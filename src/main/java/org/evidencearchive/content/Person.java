package org.evidencearchive.content;

import java.util.List;

/** A person or organisation named in the sources. */
public record Person(String id, Origin origin, String name, PersonKind personKind, List<Role> roles,
                     List<String> mentions, Body body, List<Alias> aliases) implements Item {

    /** A person or an organisation. */
    public enum PersonKind implements Worded {
        PERSON("person"), ORGANISATION("organisation");

        private final String word;

        PersonKind(String word) {
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

    /** A role as a source states it, with the passage that says so; {@code origin} is the role's line. */
    public record Role(String role, CitationRef citation, Origin origin) {}

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
        return Kind.PERSON;
    }

    @Override
    public String title() {
        return name;
    }
}
