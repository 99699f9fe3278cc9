package org.evidencearchive.graph;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.evidencearchive.content.Person;
import org.evidencearchive.content.Source;

/**
 * Finds the people and organisations a source's text names, by their listed mentions: one pass over the text,
 * looking up each position's first two characters. Scans are kept in the {@link LinkMemo} until the dictionary of
 * mentions changes.
 */
final class MentionScanner {
    private final Map<String, Person> people;
    private final LinkMemo memo;
    /** The mentions of every person, by their first two characters; made when a text must first be scanned. */
    private Map<Integer, List<Map.Entry<String, Person>>> starts;
    private boolean[] firsts;

    MentionScanner(Map<String, Person> people, LinkMemo memo) {
        this.people = people;
        this.memo = memo;
    }

    /** What decides every scan: each person's id and mentions, in id order (equal dictionaries scan alike). */
    static List<Object> dictionary(Map<String, Person> people) {
        List<Object> dictionary = new ArrayList<>();
        for (Person p : people.values()) dictionary.add(List.of(p.id(), p.mentions()));
        return dictionary;
    }

    /**
     * Scans every source's text, in parallel, after noting the dictionary of mentions with the memo (a new one
     * forgets earlier scans). A patch scans only the texts it links, one by one, as it links them.
     */
    void scanAll(Collection<Source> sources) {
        memo.mentionDictionary(dictionary(people));
        index();
        List<Source> all = List.copyOf(sources);
        all.parallelStream().forEach(this::mentioned);
        memo.keepMentions(all);
    }

    private void index() {
        if (starts != null) return;
        starts = new HashMap<>();
        firsts = new boolean[Character.MAX_VALUE + 1];
        for (Person p : people.values()) {
            for (String m : p.mentions()) {
                if (m.length() < 2) continue;
                starts.computeIfAbsent(m.charAt(0) << 16 | m.charAt(1), k -> new ArrayList<>()).add(Map.entry(m, p));
                firsts[m.charAt(0)] = true;
            }
        }
    }

    /** The people a source's text names (by one of their mentions), in id order. */
    List<Person> mentioned(Source s) {
        List<String> known = memo.mentions(s);
        if (known != null) return known.stream().map(people::get).toList();
        index(); // made before a whole link's parallel scan: only a patch, on one thread, makes it here
        String raw = s.text().raw();
        java.util.Set<Person> found = new java.util.HashSet<>();
        for (int i = 0; i + 1 < raw.length(); i++) {
            if (!firsts[raw.charAt(i)]) continue;
            var candidates = starts.get(raw.charAt(i) << 16 | raw.charAt(i + 1));
            if (candidates == null) continue;
            for (var c : candidates) if (raw.startsWith(c.getKey(), i)) found.add(c.getValue());
        }
        List<Person> sorted = found.stream().sorted(java.util.Comparator.comparing(Person::id)).toList();
        memo.mentioned(s, sorted.stream().map(Person::id).toList());
        return sorted;
    }
}
