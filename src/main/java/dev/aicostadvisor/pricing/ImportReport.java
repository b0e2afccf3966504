package dev.aicostadvisor.pricing;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What an import of a foreign price catalogue took and what it skipped, with the reasons.
 *
 * @param file     the file imported
 * @param imported how many models were taken
 * @param skipped  how many entries were skipped, by reason
 */
public record ImportReport(String file, int imported, Map<String, Integer> skipped) {

    public ImportReport {
        skipped = new TreeMap<>(skipped);
    }

    public int skippedTotal() {
        return skipped.values().stream().mapToInt(Integer::intValue).sum();
    }

    /** Describes the import in one sentence, such as "Imported 1,874 models from x.json and skipped 1,111: ...". */
    public String summary() {
        return String.format("Imported %,d %s from %s and ", imported, imported == 1 ? "model" : "models", file) + skippedDescription() + ".";
    }

    /** Describes the skipped entries by reason, most frequent first: "skipped 3: 2 of mode embedding, 1 without a mode". */
    public String skippedDescription() {
        List<String> reasons = new ArrayList<>();
        skipped.entrySet().stream()
                .sorted(Map.Entry.<String, Integer>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .forEach(entry -> reasons.add(String.format("%,d %s", entry.getValue(), entry.getKey())));
        if (reasons.isEmpty()) {
            return "skipped none";
        }
        return String.format("skipped %,d: ", skippedTotal()) + String.join(", ", reasons);
    }
}
