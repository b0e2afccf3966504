package dev.aicostadvisor.sweep;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import dev.aicostadvisor.Evaluation;
import dev.aicostadvisor.model.Decision;
import dev.aicostadvisor.model.Flowchart;
import dev.aicostadvisor.model.Recommendation;

/**
 * Compact codes for what an evaluation reached, so that a sweep keeps one int per scenario instead of its
 * evaluation. Each decision's outcome is a bit mask over the decision's outcome nodes in flowchart order,
 * and each distinct combination of masks over all decisions (a signature) gets a small id. Safe for
 * concurrent use.
 */
final class OutcomeCodes {

    private final List<Decision> decisions = Flowchart.decisions();
    private final Map<String, int[]> positions = new HashMap<>();
    private final Map<Signature, Integer> ids = new ConcurrentHashMap<>();
    private final List<int[]> signatures = new CopyOnWriteArrayList<>();

    private record Signature(int[] masks) {
        @Override
        public boolean equals(Object other) {
            return other instanceof Signature that && Arrays.equals(masks, that.masks);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(masks);
        }
    }

    OutcomeCodes() {
        for (int d = 0; d < decisions.size(); d++) {
            List<String> outcomes = decisions.get(d).outcomes();
            for (int bit = 0; bit < outcomes.size(); bit++) {
                positions.put(outcomes.get(bit), new int[] {d, bit});
            }
        }
    }

    List<Decision> decisions() {
        return decisions;
    }

    /** Returns the id of the signature of an evaluation. */
    int encode(Evaluation evaluation) {
        int[] masks = new int[decisions.size()];
        for (Recommendation recommendation : evaluation.recommendations()) {
            int[] position = positions.get(recommendation.getNode());
            masks[position[0]] |= 1 << position[1];
        }
        return ids.computeIfAbsent(new Signature(masks), signature -> {
            synchronized (signatures) {
                signatures.add(signature.masks());
                return signatures.size() - 1;
            }
        });
    }

    /** Returns the mask of one decision in a signature. */
    int mask(int signature, int decision) {
        return signatures.get(signature)[decision];
    }

    /** Returns how many distinct signatures were seen so far. */
    int count() {
        return signatures.size();
    }

    /** Names the nodes of a decision's mask, joined by '+', or returns an empty string for none. */
    String nodes(int decision, int mask) {
        List<String> outcomes = decisions.get(decision).outcomes();
        List<String> names = new ArrayList<>();
        for (int bit = 0; bit < outcomes.size(); bit++) {
            if ((mask & (1 << bit)) != 0) {
                names.add(outcomes.get(bit));
            }
        }
        return String.join("+", names);
    }

    /** Names a decision's mask for a report: the nodes, or "(none)". */
    String label(int decision, int mask) {
        return mask == 0 ? "(none)" : nodes(decision, mask);
    }
}
