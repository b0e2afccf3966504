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
        List<String> reasons = new ArrayList<>();
        skipped.entrySet().stream()
                .sorted(Map.Entry.<String, Integer>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .forEach(entry -> reasons.add(String.format("%,d %s", entry.getValue(), entry.getKey())));
        String text = String.format("Imported %,d models from %s", imported, file);
        if (reasons.isEmpty()) {
            return text + " and skipped none.";
        }
        return text + String.format(" and skipped %,d: ", skippedTotal()) + String.join(", ", reasons) + ".";
    }
}
