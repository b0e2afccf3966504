package dev.aicostadvisor.pricing;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.aicostadvisor.model.Flowchart;
import dev.aicostadvisor.scenario.InvalidScenarioException;
import dev.aicostadvisor.scenario.MapReader;
import dev.aicostadvisor.scenario.Node;
import dev.aicostadvisor.scenario.TreeParser;

/**
 * The expected savings of each technique the advisor can recommend, the extra cost of the performance choices,
 * and the capacity mix of each workload pattern: the flowchart's own figures, kept in {@code rules/savings.yaml}
 * so that analysts can change them without recompiling.
 *
 * <p>Every saving's high end must stay below 1 (100%), so that savings combined by multiplying what each
 * leaves can never reach 100%.
 */
public final class SavingsTable {

    /** What a saving or extra cost applies to. */
    public enum CostBase {
        /** The monthly spend on tokens. */
        TOKENS,
        /** The monthly cost of the organisation's own GPU fleet. */
        GPU
    }

    /**
     * A low-high range for one flowchart node.
     *
     * @param node  the node whose outcome brings it, such as {@code Routing}
     * @param base  what it applies to
     * @param low   the low end, as a share: 0.40 is 40%
     * @param high  the high end, at least {@code low}
     * @param basis the flowchart's words it comes from, for reports
     */
    public record Range(String node, CostBase base, BigDecimal low, BigDecimal high, String basis) {
    }

    /**
     * How a workload pattern splits GPU hours across capacity types; the shares sum to 1.
     *
     * @param node     the workload pattern's node: Constant, Peak or Variable
     * @param reserved share on reserved capacity
     * @param spot     share on spot capacity
     * @param onDemand share on on-demand capacity
     * @param basis    the flowchart's words it comes from
     */
    public record CapacityMix(String node, BigDecimal reserved, BigDecimal spot, BigDecimal onDemand, String basis) {
    }

    private static final TreeParser.DocumentKind SAVINGS = new TreeParser.DocumentKind(
            "the savings file is empty; it needs techniques, extraCosts and capacityMixes", "'techniques:'");
    private static final BigDecimal HIGHEST_SAVING = new BigDecimal("0.99");
    private static final String[] RANGE_FIELDS = {"node", "appliesTo", "low", "high", "basis"};
    private static final String[] MIX_FIELDS = {"node", "reserved", "spot", "onDemand", "basis"};
    private static final List<String> WORKLOAD_PATTERNS = List.of("Constant", "Peak", "Variable");

    private final String description;
    private final Map<String, Range> savings;
    private final Map<String, Range> extraCosts;
    private final Map<String, CapacityMix> capacityMixes;

    public SavingsTable(String description, List<Range> savings, List<Range> extraCosts, List<CapacityMix> capacityMixes) {
        this.description = description;
        this.savings = byNode(savings);
        this.extraCosts = byNode(extraCosts);
        Map<String, CapacityMix> mixes = new LinkedHashMap<>();
        capacityMixes.forEach(mix -> mixes.put(mix.node(), mix));
        this.capacityMixes = mixes;
    }

    public String description() {
        return description;
    }

    /** Returns the saving that an outcome node brings, if it brings one. */
    public Optional<Range> saving(String node) {
        return Optional.ofNullable(savings.get(node));
    }

    /** Returns the extra cost that an outcome node brings, if it brings one. */
    public Optional<Range> extraCost(String node) {
        return Optional.ofNullable(extraCosts.get(node));
    }

    public Optional<CapacityMix> capacityMix(String workloadPatternNode) {
        return Optional.ofNullable(capacityMixes.get(workloadPatternNode));
    }

    public List<Range> savings() {
        return List.copyOf(savings.values());
    }

    /** Parses the savings file. */
    public static SavingsTable parse(String yaml, String location) {
        try {
            Node.MapNode root = TreeParser.parse(yaml, TreeParser.Syntax.YAML, location, 1, SAVINGS);
            MapReader top = new MapReader(location, "", root, List.of("techniques", "extraCosts", "capacityMixes"));
            List<Range> savings = ranges(top.mapList("techniques", RANGE_FIELDS), HIGHEST_SAVING);
            List<Range> extraCosts = ranges(top.mapList("extraCosts", RANGE_FIELDS), BigDecimal.TEN);
            List<CapacityMix> mixes = new ArrayList<>();
            for (MapReader entry : top.mapList("capacityMixes", MIX_FIELDS)) {
                mixes.add(capacityMix(entry));
            }
            return new SavingsTable(location, savings, extraCosts, mixes);
        } catch (InvalidScenarioException e) {
            throw new InvalidPricingException(e.getMessage(), e);
        }
    }

    private static List<Range> ranges(List<MapReader> entries, BigDecimal highest) {
        List<Range> ranges = new ArrayList<>();
        Map<String, Boolean> seen = new LinkedHashMap<>();
        for (MapReader entry : entries) {
            String node = entry.text("node", true, 40);
            if (Flowchart.findNode(node).isEmpty()) {
                String suggestion = MapReader.nearest(node, Flowchart.nodes().stream().map(n -> n.id()).toList());
                throw entry.invalid("node", "'" + node + "' is not a flowchart node"
                        + (suggestion == null ? "" : "; did you mean '" + suggestion + "'?"));
            }
            if (seen.put(node, true) != null) {
                throw entry.invalid("node", "'" + node + "' is listed twice; give each node one range");
            }
            BigDecimal low = entry.decimal("low", true, BigDecimal.ZERO, false, highest, "0.20");
            BigDecimal high = entry.decimal("high", true, BigDecimal.ZERO, false, highest, "0.40");
            if (high.compareTo(low) < 0) {
                throw entry.invalid("high", "'" + high.toPlainString() + "' is below low, " + low.toPlainString()
                        + "; expected high >= low");
            }
            String base = entry.text("appliesTo", true, 10);
            CostBase costBase = switch (base) {
                case "tokens" -> CostBase.TOKENS;
                case "gpu" -> CostBase.GPU;
                default -> throw entry.invalid("appliesTo", "'" + base + "' is not allowed; expected tokens or gpu");
            };
            ranges.add(new Range(node, costBase, low, high, entry.text("basis", true, 300)));
        }
        return ranges;
    }

    private static CapacityMix capacityMix(MapReader entry) {
        String node = entry.text("node", true, 40);
        if (!WORKLOAD_PATTERNS.contains(node)) {
            throw entry.invalid("node", "'" + node + "' is not a workload pattern; expected Constant, Peak or Variable");
        }
        BigDecimal reserved = entry.decimal("reserved", true, BigDecimal.ZERO, false, BigDecimal.ONE, "0.75");
        BigDecimal spot = entry.decimal("spot", true, BigDecimal.ZERO, false, BigDecimal.ONE, "0");
        BigDecimal onDemand = entry.decimal("onDemand", true, BigDecimal.ZERO, false, BigDecimal.ONE, "0.25");
        BigDecimal sum = reserved.add(spot).add(onDemand);
        if (sum.compareTo(BigDecimal.ONE) != 0) {
            throw entry.invalid("onDemand", "the shares sum to " + sum.toPlainString() + "; expected reserved + spot + onDemand = 1");
        }
        return new CapacityMix(node, reserved, spot, onDemand, entry.text("basis", true, 300));
    }

    private static Map<String, Range> byNode(List<Range> ranges) {
        Map<String, Range> map = new LinkedHashMap<>();
        ranges.forEach(range -> map.put(range.node(), range));
        return map;
    }

    /** Groups savings by what they apply to, for callers that combine them. */
    public Map<CostBase, List<Range>> savingsByBase(List<String> nodes) {
        Map<CostBase, List<Range>> grouped = new EnumMap<>(CostBase.class);
        for (String node : nodes) {
            Range range = savings.get(node);
            if (range != null) {
                grouped.computeIfAbsent(range.base(), base -> new ArrayList<>()).add(range);
            }
        }
        return grouped;
    }
}
