package dev.aicostadvisor.analysis;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.kie.api.definition.type.FactField;
import org.kie.api.definition.type.FactType;

import dev.aicostadvisor.Advisor;
import dev.aicostadvisor.EvaluationException;
import dev.aicostadvisor.model.Budget;
import dev.aicostadvisor.model.BusinessDriver;
import dev.aicostadvisor.model.BusinessImpact;
import dev.aicostadvisor.model.DataSensitivity;
import dev.aicostadvisor.model.Decision;
import dev.aicostadvisor.model.DecisionKind;
import dev.aicostadvisor.model.Flowchart;
import dev.aicostadvisor.model.GpuFleet;
import dev.aicostadvisor.model.Limits;
import dev.aicostadvisor.model.Org;
import dev.aicostadvisor.model.Recommendation;
import dev.aicostadvisor.model.Scenario;
import dev.aicostadvisor.model.Workload;
import dev.aicostadvisor.model.WorkloadPattern;
import dev.aicostadvisor.rules.CompiledRules;
import dev.aicostadvisor.rules.DrlOutline;
import dev.aicostadvisor.rules.RuleFile;
import dev.aicostadvisor.rules.RuleInfo;
import dev.aicostadvisor.rules.RuleProblem;

/**
 * Checks that every value of a decision's input reaches exactly one of its outcomes, by evaluating a base
 * scenario with that input set to many values.
 *
 * <p>For a banded decision (Q1, Q2, Q3, TB2, Q5, GPU1) the values are a grid over the input's range, every
 * band edge (the numeric fields of the types declared in the decision's rule files, at their default
 * values), every number written in those files, and the values one step either side of each edge and
 * number. The steps are 1 for whole numbers, and both 0.01 and 0.000000001 (the finest a scenario can
 * give) for decimals. Neighbouring values with the same problem are reported together, as a range.
 *
 * <p>A single-choice decision that reads one enum input (Q4, TB1, TB3, WL1) is checked for each constant.
 * The two syntheses are checked for every pair of their inputs' outcomes: DeploymentRec over the outcomes
 * of Q2 and Q3, and FinalDeploy over those of Q4 and TB1.
 *
 * <p>The base scenario reaches every decision: a mid-band organisation with a GPU fleet. When an edit
 * leaves the base value of an input without a single outcome, the later decisions are checked with a
 * value of that input that has one.
 *
 * <p>NOTE: one input varies at a time (two for the syntheses) while the others keep their base values, so
 * a band rule that also reads another input is checked only at that input's base value.
 */
public final class DecisionSweep {

    /** The syntheses and the decisions whose outcomes they combine. */
    private static final Map<String, List<String>> SYNTHESES = Map.of(
            "DeploymentRec", List.of("Q2", "Q3"),
            "FinalDeploy", List.of("Q4", "TB1"));

    private static final int LINEAR_STEPS = 32;
    private static final BigDecimal CENT = new BigDecimal("0.01");
    private static final BigDecimal FINEST = BigDecimal.ONE.movePointLeft(Limits.MAX_SCALE);
    private static final Pattern DECLARE = Pattern.compile("^\\s*declare\\s+(\\w+)", Pattern.MULTILINE);
    private static final Pattern NUMBER = Pattern.compile("(?<![\\w.$])(\\d+(?:\\.\\d+)?)[lLdDfF]?(?![\\w.])");
    private static final Pattern LINE_COMMENT = Pattern.compile("//[^\\n]*");
    private static final Pattern BLOCK_COMMENT = Pattern.compile("(?s)/\\*.*?\\*/");

    /**
     * One outcome that a value reached.
     *
     * @param node the outcome node, such as {@code MedBudget}
     * @param rule the rule that reached it; several rules are joined with "; "
     */
    public record Reached(String node, String rule) {
    }

    /**
     * A value, or a range of neighbouring values, that reaches no outcome of a decision or more than one.
     *
     * @param decision the decision id, such as {@code Q2}
     * @param values   the value, such as {@code budget.monthlyUsd = 10000}, or the range of values
     * @param from     the first value of the range, as a scenario writes it
     * @param to       the last value of the range; the same as {@code from} for a single value
     * @param reached  the outcomes that these values reach, empty for a gap
     * @param problem  the problem as {@code validate} prints it, with the rule file and line
     */
    public record Finding(String decision, String values, String from, String to, List<Reached> reached, RuleProblem problem) {
    }

    /**
     * The sweep's findings for one decision.
     *
     * @param decision      the decision
     * @param inputs        the inputs that were varied, as paths in a scenario file
     * @param valuesChecked how many values, or pairs of values, were evaluated
     * @param checked       what was checked, such as "budget.monthlyUsd, 111 values from 0 to 10000000000"
     * @param findings      the problems, in the order of the values
     */
    public record Result(Decision decision, List<String> inputs, int valuesChecked, String checked, List<Finding> findings) {

        public boolean clean() {
            return findings.isEmpty();
        }
    }

    private record Sample(Object value, List<Reached> reached, String error) {

        boolean problem() {
            return error != null || reached.size() != 1;
        }

        boolean sameProblem(Sample other) {
            return Objects.equals(error, other.error) && reached.equals(other.reached);
        }
    }

    private final CompiledRules rules;
    private final Advisor advisor;
    private final Map<String, DrlOutline> outlines = new LinkedHashMap<>();
    /** For each decision checked so far, one value of its input for each outcome it reached alone. */
    private final Map<String, Map<String, Object>> representatives = new LinkedHashMap<>();
    private Scenario base = baseScenario();

    private DecisionSweep(CompiledRules rules) {
        this.rules = rules;
        this.advisor = Advisor.builder().rules(rules).build();
        for (RuleFile file : rules.source().files()) {
            outlines.put(file.location(), DrlOutline.of(file));
        }
    }

    /** Sweeps every banded and single-choice decision of the rules, in flowchart order. */
    public static List<Result> run(CompiledRules rules) {
        return new DecisionSweep(rules).sweepAll();
    }

    /** Returns the scenario whose inputs the sweep varies one or two at a time. */
    static Scenario baseScenario() {
        return Scenario.builder("Decision sweep base scenario")
                .org(new Org(null, new BigDecimal("8"), 3))
                .budget(new Budget(new BigDecimal("45000"), null))
                .workload(new Workload(DataSensitivity.MODERATE, BusinessDriver.COST, new BigDecimal("1200"),
                        BusinessImpact.PRODUCTIVITY, 40_000_000L, WorkloadPattern.PEAKS, null))
                .gpuFleet(new GpuFleet(8, new BigDecimal("65"), new BigDecimal("2.50")))
                .build();
    }

    private List<Result> sweepAll() {
        List<Result> results = new ArrayList<>();
        for (Decision decision : Flowchart.decisions()) {
            Optional<SweepInput> input = decision.input() == null ? Optional.empty() : SweepInput.of(decision.input());
            if (decision.kind() == DecisionKind.BANDS && input.isPresent() && input.get().kind() != SweepInput.Kind.CHOICE) {
                results.add(sweepNumbers(decision, input.get()));
            } else if (decision.kind() == DecisionKind.SINGLE_CHOICE && input.isPresent()
                    && input.get().kind() == SweepInput.Kind.CHOICE) {
                results.add(sweepChoices(decision, input.get()));
            } else if (SYNTHESES.containsKey(decision.id())) {
                results.add(sweepCombinations(decision, SYNTHESES.get(decision.id())));
            }
        }
        return results;
    }

    // ---- banded decisions

    private Result sweepNumbers(Decision decision, SweepInput input) {
        List<DrlOutline> files = filesOf(decision);
        List<BigDecimal> candidates = candidates(input, files);
        List<Sample> samples = new ArrayList<>();
        for (BigDecimal value : candidates) {
            samples.add(sample(decision, input.apply(base, value), value));
        }
        remember(decision, samples);
        keepBaseOnOneOutcome(decision, input);

        List<Finding> findings = new ArrayList<>();
        int start = 0;
        while (start < samples.size()) {
            Sample first = samples.get(start);
            if (!first.problem()) {
                start++;
                continue;
            }
            int end = start;
            while (end + 1 < samples.size() && samples.get(end + 1).sameProblem(first)) {
                end++;
            }
            Sample below = start > 0 ? samples.get(start - 1) : null;
            Sample above = end + 1 < samples.size() ? samples.get(end + 1) : null;
            findings.add(rangeFinding(decision, input, samples.subList(start, end + 1), below, above, files));
            start = end + 1;
        }
        String checked = input.path() + ", " + samples.size() + " values from " + plain(candidates.get(0)) + " to "
                + plain(candidates.get(candidates.size() - 1));
        return new Result(decision, List.of(input.path()), samples.size(), checked, findings);
    }

    /** Lists the values to check: a grid, every band edge and number in the files, and their neighbours. */
    private List<BigDecimal> candidates(SweepInput input, List<DrlOutline> files) {
        BigDecimal min = input.minimum();
        BigDecimal max = input.maximum();
        boolean whole = input.kind() == SweepInput.Kind.WHOLE;
        TreeSet<BigDecimal> values = new TreeSet<>();

        BigDecimal span = max.subtract(min);
        for (int i = 0; i <= LINEAR_STEPS; i++) {
            BigDecimal point = min.add(span.multiply(BigDecimal.valueOf(i)).divide(BigDecimal.valueOf(LINEAR_STEPS), 2, RoundingMode.HALF_UP));
            values.add(whole ? point.setScale(0, RoundingMode.DOWN) : point);
        }
        // Powers of ten times 1, 2 and 5 cover the small values of a range that spans many orders of magnitude.
        for (BigDecimal power = whole ? BigDecimal.ONE : CENT; power.compareTo(max) <= 0; power = power.movePointRight(1)) {
            for (int factor : new int[] {1, 2, 5}) {
                values.add(power.multiply(BigDecimal.valueOf(factor)));
            }
        }

        Set<BigDecimal> edges = new TreeSet<>();
        edges.add(min);
        edges.add(max);
        for (DrlOutline file : files) {
            edges.addAll(declaredNumbers(file));
            edges.addAll(writtenNumbers(file));
        }
        List<BigDecimal> steps = whole ? List.of(BigDecimal.ONE) : List.of(CENT, FINEST);
        for (BigDecimal edge : edges) {
            values.add(edge);
            for (BigDecimal step : steps) {
                values.add(edge.subtract(step));
                values.add(edge.add(step));
            }
        }

        List<BigDecimal> allowed = new ArrayList<>();
        for (BigDecimal value : values) {
            if (input.allows(value)) {
                allowed.add(value.stripTrailingZeros());
            }
        }
        return allowed;
    }

    /** Reads the numeric fields of the types that a file declares, at their default values. */
    private List<BigDecimal> declaredNumbers(DrlOutline file) {
        List<BigDecimal> numbers = new ArrayList<>();
        Matcher declare = DECLARE.matcher(withoutComments(file.file().content()));
        while (declare.find()) {
            FactType type = rules.kieBase().getFactType(file.packageName(), declare.group(1));
            if (type == null) {
                continue;
            }
            Object instance;
            try {
                instance = type.newInstance();
            } catch (ReflectiveOperationException e) {
                continue;
            }
            for (FactField field : type.getFields()) {
                toDecimal(field.get(instance)).ifPresent(numbers::add);
            }
        }
        return numbers;
    }

    /** Reads every number written in a file outside comments, such as the 10000 of {@code new BigDecimal("10000")}. */
    private static List<BigDecimal> writtenNumbers(DrlOutline file) {
        List<BigDecimal> numbers = new ArrayList<>();
        Matcher number = NUMBER.matcher(withoutComments(file.file().content()));
        while (number.find()) {
            numbers.add(new BigDecimal(number.group(1)));
        }
        return numbers;
    }

    private Finding rangeFinding(Decision decision, SweepInput input, List<Sample> run, Sample below, Sample above,
                                 List<DrlOutline> files) {
        Sample first = run.get(0);
        String from = plain((BigDecimal) first.value());
        String to = plain((BigDecimal) run.get(run.size() - 1).value());
        String values = run.size() == 1
                ? input.path() + " = " + from
                : input.path() + " from " + from + " to " + to + " (" + run.size() + " values checked)";
        if (first.error() != null) {
            RuleProblem problem = problemAt(decisionFile(files), decision.id() + ": " + values
                    + ": the evaluation failed: " + first.error());
            return new Finding(decision.id(), values, from, to, List.of(), problem);
        }
        if (first.reached().isEmpty()) {
            Sample neighbour = below != null && !below.problem() ? below : above != null && !above.problem() ? above : null;
            Place place = neighbour == null ? decisionFile(files) : placeOf(neighbour.reached().get(0).rule(), files);
            StringBuilder message = new StringBuilder(decision.id() + ": " + values + " reaches none of "
                    + String.join(", ", decision.outcomes()));
            List<String> around = new ArrayList<>();
            for (Sample side : new Sample[] {below, above}) {
                if (side != null && !side.problem()) {
                    around.add(plain((BigDecimal) side.value()) + " reaches " + describe(side.reached(), place));
                }
            }
            if (!around.isEmpty()) {
                message.append("; ").append(String.join(", and ", around));
            } else if (below == null && above == null) {
                message.append(", so no value reaches an outcome: check that the rules reach the decisions it waits for");
            }
            return new Finding(decision.id(), values, from, to, List.of(), problemAt(place, message.toString()));
        }
        Place place = firstPlace(first.reached(), files);
        String message = decision.id() + ": " + values + " reaches " + first.reached().size() + " outcomes, "
                + describe(first.reached(), place) + "; each value must reach exactly one of "
                + String.join(", ", decision.outcomes());
        return new Finding(decision.id(), values, from, to, first.reached(), problemAt(place, message));
    }

    // ---- single-choice decisions and syntheses

    private Result sweepChoices(Decision decision, SweepInput input) {
        List<DrlOutline> files = filesOf(decision);
        List<Sample> samples = new ArrayList<>();
        for (Object choice : input.choices()) {
            samples.add(sample(decision, input.apply(base, choice), choice));
        }
        remember(decision, samples);
        keepBaseOnOneOutcome(decision, input);
        List<Finding> findings = new ArrayList<>();
        for (Sample sample : samples) {
            if (sample.problem()) {
                findings.add(choiceFinding(decision, input.path() + " = " + sample.value(), sample, files));
            }
        }
        List<String> names = input.choices().stream().map(String::valueOf).toList();
        String checked = input.path() + ", " + samples.size() + " values (" + String.join(", ", names) + ")";
        return new Result(decision, List.of(input.path()), samples.size(), checked, findings);
    }

    private Result sweepCombinations(Decision decision, List<String> upstream) {
        List<DrlOutline> files = filesOf(decision);
        String first = upstream.get(0);
        String second = upstream.get(1);
        SweepInput firstInput = SweepInput.of(Flowchart.findDecision(first).orElseThrow().input()).orElseThrow();
        SweepInput secondInput = SweepInput.of(Flowchart.findDecision(second).orElseThrow().input()).orElseThrow();
        Map<String, Object> firstValues = representatives.getOrDefault(first, Map.of());
        Map<String, Object> secondValues = representatives.getOrDefault(second, Map.of());

        List<Finding> findings = new ArrayList<>();
        int checked = 0;
        for (Map.Entry<String, Object> a : firstValues.entrySet()) {
            for (Map.Entry<String, Object> b : secondValues.entrySet()) {
                Scenario scenario = firstInput.apply(secondInput.apply(base, b.getValue()), a.getValue());
                Sample sample = sample(decision, scenario, a.getKey() + " and " + b.getKey());
                checked++;
                if (sample.problem()) {
                    String values = firstInput.path() + " = " + show(a.getValue()) + " (" + a.getKey() + ") with "
                            + secondInput.path() + " = " + show(b.getValue()) + " (" + b.getKey() + ")";
                    findings.add(choiceFinding(decision, values, sample, files));
                }
            }
        }
        String description = firstInput.path() + " with " + secondInput.path() + ", " + checked + " pairs of outcomes of "
                + first + " and " + second;
        if (checked == 0) {
            RuleProblem problem = problemAt(decisionFile(files), decision.id() + ": not checked, because no value of "
                    + firstInput.path() + " or " + secondInput.path() + " reaches a single outcome of " + first + " or " + second);
            findings.add(new Finding(decision.id(), description, "", "", List.of(), problem));
        }
        return new Result(decision, List.of(firstInput.path(), secondInput.path()), checked, description, findings);
    }

    private Finding choiceFinding(Decision decision, String values, Sample sample, List<DrlOutline> files) {
        String label = show(sample.value());
        if (sample.error() != null) {
            return new Finding(decision.id(), values, label, label, List.of(), problemAt(decisionFile(files),
                    decision.id() + ": " + values + ": the evaluation failed: " + sample.error()));
        }
        if (sample.reached().isEmpty()) {
            return new Finding(decision.id(), values, label, label, List.of(), problemAt(decisionFile(files),
                    decision.id() + ": " + values + " reaches none of " + String.join(", ", decision.outcomes())));
        }
        Place place = firstPlace(sample.reached(), files);
        return new Finding(decision.id(), values, label, label, sample.reached(), problemAt(place,
                decision.id() + ": " + values + " reaches " + sample.reached().size() + " outcomes, "
                        + describe(sample.reached(), place) + "; each value must reach exactly one of "
                        + String.join(", ", decision.outcomes())));
    }

    // ---- evaluation

    private Sample sample(Decision decision, Scenario scenario, Object value) {
        try {
            List<Reached> reached = new ArrayList<>();
            for (Recommendation recommendation : advisor.evaluate(scenario).ofDecision(decision.id())) {
                reached.add(new Reached(recommendation.getNode(), recommendation.getRule()));
            }
            return new Sample(value, List.copyOf(reached), null);
        } catch (EvaluationException e) {
            return new Sample(value, List.of(), e.getMessage());
        }
    }

    /** Keeps, for each outcome of the decision, the middle one of the values that reach it alone. */
    private void remember(Decision decision, List<Sample> samples) {
        Map<String, List<Object>> byNode = new LinkedHashMap<>();
        for (String node : decision.outcomes()) {
            byNode.put(node, new ArrayList<>());
        }
        for (Sample sample : samples) {
            if (!sample.problem()) {
                byNode.computeIfAbsent(sample.reached().get(0).node(), node -> new ArrayList<>()).add(sample.value());
            }
        }
        Map<String, Object> chosen = new LinkedHashMap<>();
        byNode.forEach((node, values) -> {
            if (!values.isEmpty()) {
                chosen.put(node, values.get(values.size() / 2));
            }
        });
        representatives.put(decision.id(), chosen);
    }

    /** Moves the base scenario's value of the input to one with a single outcome, if it has none or several. */
    private void keepBaseOnOneOutcome(Decision decision, SweepInput input) {
        if (!sample(decision, base, "base").problem()) {
            return;
        }
        Map<String, Object> chosen = representatives.get(decision.id());
        if (!chosen.isEmpty()) {
            base = input.apply(base, chosen.values().iterator().next());
        }
    }

    // ---- where a finding points

    private record Place(String location, int line) {
    }

    private List<DrlOutline> filesOf(Decision decision) {
        List<DrlOutline> files = new ArrayList<>();
        for (DrlOutline outline : outlines.values()) {
            String content = outline.file().content();
            if (decision.outcomes().stream().anyMatch(node -> content.contains("new Recommendation(\"" + node + "\""))) {
                files.add(outline);
            }
        }
        return files;
    }

    private Place decisionFile(List<DrlOutline> files) {
        return files.isEmpty() ? new Place(rules.source().description(), 0) : new Place(files.get(0).file().location(), 0);
    }

    private Place placeOf(String ruleNames, List<DrlOutline> files) {
        for (String name : splitRules(ruleNames)) {
            Optional<RuleInfo> info = rules.rule(name);
            if (info.isPresent()) {
                return new Place(info.get().location(), info.get().line());
            }
        }
        return decisionFile(files);
    }

    private Place firstPlace(List<Reached> reached, List<DrlOutline> files) {
        return reached.stream()
                .flatMap(r -> splitRules(r.rule()).stream())
                .map(rules::rule)
                .flatMap(Optional::stream)
                .min(Comparator.comparing(RuleInfo::location).thenComparingInt(RuleInfo::line))
                .map(info -> new Place(info.location(), info.line()))
                .orElse(decisionFile(files));
    }

    /** Describes outcomes with their rules, giving a rule's line alone when it is in the file of the finding. */
    private String describe(List<Reached> reached, Place place) {
        List<String> parts = new ArrayList<>();
        for (Reached outcome : reached) {
            List<String> ruleTexts = new ArrayList<>();
            for (String name : splitRules(outcome.rule())) {
                Optional<RuleInfo> info = rules.rule(name);
                String where = info.map(i -> i.location().equals(place.location()) && i.line() > 0 ? "line " + i.line() : i.place())
                        .orElse("place unknown");
                ruleTexts.add("rule \"" + name + "\" (" + where + ")");
            }
            parts.add(outcome.node() + " by " + String.join(" and ", ruleTexts));
        }
        return String.join(" and ", parts);
    }

    private static RuleProblem problemAt(Place place, String message) {
        return new RuleProblem(place.location(), place.line(), place.line() > 0 ? 1 : 0, message);
    }

    private static List<String> splitRules(String ruleNames) {
        if (ruleNames == null) {
            return List.of();
        }
        return List.copyOf(new LinkedHashSet<>(List.of(ruleNames.split("; "))));
    }

    // ---- values

    private static Optional<BigDecimal> toDecimal(Object value) {
        if (value instanceof BigDecimal decimal) {
            return Optional.of(decimal);
        }
        if (value instanceof Integer || value instanceof Long || value instanceof Short || value instanceof Byte) {
            return Optional.of(BigDecimal.valueOf(((Number) value).longValue()));
        }
        if (value instanceof Double || value instanceof Float) {
            double number = ((Number) value).doubleValue();
            return Double.isFinite(number) ? Optional.of(new BigDecimal(Double.toString(number))) : Optional.empty();
        }
        if (value instanceof java.math.BigInteger integer) {
            return Optional.of(new BigDecimal(integer));
        }
        return Optional.empty();
    }

    private static String withoutComments(String text) {
        return LINE_COMMENT.matcher(BLOCK_COMMENT.matcher(text).replaceAll(" ")).replaceAll("");
    }

    static String plain(BigDecimal value) {
        return value.stripTrailingZeros().toPlainString();
    }

    private static String show(Object value) {
        return value instanceof BigDecimal decimal ? plain(decimal) : String.valueOf(value);
    }
}
