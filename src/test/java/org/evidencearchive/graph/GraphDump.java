package org.evidencearchive.graph;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.evidencearchive.content.Body;
import org.evidencearchive.content.Claim;
import org.evidencearchive.content.Commentary;
import org.evidencearchive.content.Item;
import org.evidencearchive.content.Person;
import org.evidencearchive.content.Source;
import org.evidencearchive.content.Topic;

/** The whole graph written out, for tests that compare two links. */
final class GraphDump {
    private GraphDump() {}

    private static String key(Item i) {
        return Key.of(i).toString();
    }

    /** Every item and derived list, written out in a fixed order: two links of the same files give the same text. */
    static String describe(Archive a) {
        StringBuilder b = new StringBuilder();
        for (Item i : a.all()) {
            b.append(key(i)).append(" @").append(i.origin()).append('\n');
            for (Body body : List.of(Edges.body(i))) b.append("  body ").append(show(a.richTexts.get(body))).append('\n');
        }
        Map<String, Map<?, ?>> maps = new java.util.LinkedHashMap<>();
        maps.put("claimCitations", a.claimCitations);
        maps.put("roleCitations", a.roleCitations);
        maps.put("citedBy", a.citedBy);
        maps.put("citationsOfSource", a.citationsOfSource);
        maps.put("commentaryAbout", a.commentaryAbout);
        maps.put("claimsCiting", a.claimsCiting);
        maps.put("claimsBy", a.claimsBy);
        maps.put("sourcesMentioning", a.sourcesMentioning);
        maps.put("peopleMentioned", a.peopleMentioned);
        maps.put("sourcesIn", a.sourcesIn);
        maps.put("commentaryIn", a.commentaryIn);
        maps.put("claimsIn", a.claimsIn);
        maps.put("relatedClaims", a.relatedClaims);
        maps.put("relatedItems", a.relatedItems);
        maps.put("itemsByKey", a.itemsByKey);
        maps.forEach((name, m) -> {
            b.append(name).append('\n');
            new TreeMap<>(m).forEach((k, v) -> b.append("  ").append(k).append(" = ").append(show(v)).append('\n'));
        });
        return b.toString();
    }

    private static String show(Object v) {
        return switch (v) {
            case null -> "null";
            case Item i -> key(i);
            case Archive.Related r -> r.label() + " " + key(r.claim());
            case RichText r -> r.markdown() + " " + show(r.citations());
            case Map<?, ?> m -> new TreeMap<>(m).entrySet().stream().map(e -> e.getKey() + ": " + show(e.getValue())).toList().toString();
            case java.util.Collection<?> c -> c.stream().map(GraphDump::show).toList().toString();
            default -> String.valueOf(v);
        };
    }
}
