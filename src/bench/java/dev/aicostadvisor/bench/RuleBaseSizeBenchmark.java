package dev.aicostadvisor.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import dev.aicostadvisor.Advisor;
import dev.aicostadvisor.Evaluation;
import dev.aicostadvisor.model.Phase;
import dev.aicostadvisor.model.Scenario;
import dev.aicostadvisor.rules.RuleCompiler;
import dev.aicostadvisor.rules.RuleFile;
import dev.aicostadvisor.rules.RuleSource;

/**
 * The cost of one evaluation through {@link Advisor#evaluate} as the rule base grows: the shipped rules
 * plus {@code extraRules} generated rules that never match, spread over the five agenda groups. A
 * quarter of them test each of Budget, Workload, Org and Recommendation facts, so every fact inserted
 * passes through their constraints.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 8, time = 3)
@Measurement(iterations = 5, time = 5)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
public class RuleBaseSizeBenchmark {

    @Param({"0", "250", "1000"})
    public int extraRules;

    @Param("scenarios")
    public String scenarios;

    private List<Scenario> fixtures;
    private Advisor advisor;

    @State(Scope.Thread)
    public static class Cursor {
        int next;
    }

    @Setup(Level.Trial)
    public void setUp() {
        fixtures = Fixtures.read(scenarios);
        RuleSource shipped = RuleSource.resolve(null);
        List<RuleFile> files = new ArrayList<>(shipped.files());
        Phase[] phases = Phase.values();
        for (Phase phase : phases) {
            StringBuilder drl = new StringBuilder("package " + phase.group() + ";\n\n"
                    + "import dev.aicostadvisor.model.Budget;\nimport dev.aicostadvisor.model.Org;\n"
                    + "import dev.aicostadvisor.model.Recommendation;\nimport dev.aicostadvisor.model.Workload;\n");
            for (int i = phase.ordinal(); i < extraRules; i += phases.length) {
                drl.append(extraRule(i, phase.group()));
            }
            files.add(new RuleFile(phase.group() + "/generated_extra.drl", "generated/" + phase.group() + "/generated_extra.drl", drl.toString()));
        }
        advisor = Advisor.builder().rules(RuleCompiler.compile(RuleSource.of("shipped rules and " + extraRules + " extra", files))).maxCycles(0).build();
        Advisor plainRules = Advisor.builder().rules(RuleCompiler.compile(shipped)).maxCycles(0).build();
        for (Scenario scenario : fixtures) {
            if (!advisor.evaluate(scenario).recommendations().equals(plainRules.evaluate(scenario).recommendations())) {
                throw new IllegalStateException("an extra rule changed the outcomes of '" + scenario.getName() + "'");
            }
        }
    }

    /** Generates a rule that never matches: no amount, count or engineer number is negative, and no node has that id. */
    private static String extraRule(int number, String group) {
        String condition = switch (number % 4) {
            case 0 -> "Budget(monthlyUsd < -" + (number + 1) + ")";
            case 1 -> "Workload(tokensPerMonth < -" + (number + 1) + "L)";
            case 2 -> "Org(aiEngineers < -" + (number + 1) + ")";
            default -> "Recommendation(node == \"NoSuchNode" + number + "\")";
        };
        return "\nrule \"Extra " + number + ": never matches\"\n    ruleflow-group \"" + group + "\"\nwhen\n    " + condition
                + "\nthen\n    insert(new Recommendation(\"Monitor\", \"generated\"));\nend\n";
    }

    @Benchmark
    public Evaluation advisor(Cursor cursor) {
        Scenario scenario = fixtures.get(cursor.next);
        cursor.next = cursor.next + 1 == fixtures.size() ? 0 : cursor.next + 1;
        return advisor.evaluate(scenario);
    }
}
