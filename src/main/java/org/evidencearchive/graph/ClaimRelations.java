package org.evidencearchive.graph;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.evidencearchive.content.Claim;

/**
 * Relations between claims (same figure, disputes, responds to, ...), seen from both ends: each claim's list
 * holds the relations it declares and those declared towards it, labelled for its side.
 */
final class ClaimRelations {
    private ClaimRelations() {}


    /**
     * Computes the related claims of some claims (null: of every claim), both directions, in the order a pass over every claim (in id
     * order, each claim's relations in order) gives. The claims relating to one are those its list had in the
     * base link, and the claims linked again.
     */
    static void relate(Archive a, java.util.Collection<String> ids, List<Claim> relinked) {
        if (ids == null) { // every claim, in one pass
            for (Claim c : a.claims.values()) {
                for (Claim.Relation r : c.relations()) {
                    Claim other = a.claims.get(r.claim().id());
                    if (other == null || other == c) continue;
                    a.relatedClaims.computeIfAbsent(c.id(), k -> new ArrayList<>()).add(new Archive.Related(label(r.type(), true), other));
                    a.relatedClaims.computeIfAbsent(other.id(), k -> new ArrayList<>()).add(new Archive.Related(label(r.type(), false), c));
                }
            }
            return;
        }
        Map<String, List<Archive.Related>> now = new HashMap<>();
        for (String id : ids) {
            Claim self = a.claims.get(id);
            if (self == null) continue;
            java.util.TreeMap<String, Claim> relating = new java.util.TreeMap<>();
            relating.put(id, self);
            for (Archive.Related r : a.relatedClaims.getOrDefault(id, List.of())) {
                Claim c = a.claims.get(r.claim().id());
                if (c != null) relating.put(c.id(), c);
            }
            for (Claim c : relinked) relating.put(c.id(), c);
            List<Archive.Related> list = new ArrayList<>();
            for (Claim c : relating.values()) {
                for (Claim.Relation r : c.relations()) {
                    Claim other = a.claims.get(r.claim().id());
                    if (other == null || other == c) continue;
                    if (c == self) list.add(new Archive.Related(label(r.type(), true), other));
                    else if (other == self) list.add(new Archive.Related(label(r.type(), false), c));
                }
            }
            now.put(id, list);
        }
        for (String id : ids) {
            List<Archive.Related> list = now.get(id);
            if (list == null || list.isEmpty()) a.relatedClaims.remove(id);
            else a.relatedClaims.put(id, list);
        }
    }

    static String label(Claim.RelationType type, boolean forward) {
        return switch (type) {
            case SAME_FIGURE -> "Same figure reported differently";
            case SAME_MEASURE -> "Same measure, another period or place";
            case CONTRASTS -> "Stands in contrast to";
            case DISPUTES -> forward ? "Disputes" : "Disputed by";
            case RESPONDS_TO -> forward ? "Responds to" : "Answered by";
        };
    }
}
