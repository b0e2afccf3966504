package dev.aicostadvisor;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.aicostadvisor.model.Budget;
import dev.aicostadvisor.model.Org;
import dev.aicostadvisor.model.Scenario;
import dev.aicostadvisor.rules.CompiledRules;
import dev.aicostadvisor.rules.RuleCompiler;
import dev.aicostadvisor.rules.RuleFile;
import dev.aicostadvisor.rules.RuleSource;

/**
 * A copy of the project's rules with three rules that misbehave on purpose: one that loops, one that is
 * slow and one that throws. Each misbehaves only for its own trigger value, so the copy gives the shipped
 * results for every other scenario, and one compiled copy serves every test that needs a failing rule.
 * The extra files are valid phase packages, so they compile like an analyst's edit.
 */
public final class FaultyRules {

    /** The organisation name that starts {@link #LOOPING_RULE}. */
    public static final String LOOP_TRIGGER = "Test trigger: loop";
    /** The organisation name that starts {@link #SLOW_RULE}. */
    public static final String SLOW_TRIGGER = "Test trigger: sleep";
    /** The monthly budget above which {@link #THROWING_RULE} throws. */
    public static final BigDecimal THROWING_ABOVE_USD = new BigDecimal("1000000");

    /** The rule that modifies its own fact again and again, because it has no {@code no-loop}. */
    public static final String LOOPING_RULE = "Test counter: increments without no-loop";
    /** The rule that sleeps 20 ms in its consequence and fires again after each firing. */
    public static final String SLOW_RULE = "Test counter: sleeps, then increments";
    /** The rule that throws for budgets above {@link #THROWING_ABOVE_USD}. */
    public static final String THROWING_RULE = "Test budget check: fails above one million";

    /** Phase 2 rules that keep modifying a counter they match: one fast, one slow. */
    static final String COUNTERS = """
            package phase2;

            import dev.aicostadvisor.model.Org;

            // A counter that the rules below increment.
            declare TestCounter
                value : int
            end

            // Starts a counter for an organisation named by a test trigger.
            rule "Test counter: start"
                ruleflow-group "phase2"
            when
                Org(name == "Test trigger: loop" || name == "Test trigger: sleep")
            then
                insert(new TestCounter());
            end

            // Increments the counter. The pattern reads the value, so a change to it makes the rule match
            // again, and without no-loop it fires again.
            rule "Test counter: increments without no-loop"
                ruleflow-group "phase2"
            when
                Org(name == "Test trigger: loop")
                $counter : TestCounter($value : value)
            then
                modify($counter) { setValue($value + 1) }
            end

            // Sleeps 20 ms, then increments the counter, which makes the rule match again.
            rule "Test counter: sleeps, then increments"
                ruleflow-group "phase2"
            when
                Org(name == "Test trigger: sleep")
                $counter : TestCounter($value : value)
            then
                Thread.sleep(20);
                modify($counter) { setValue($value + 1) }
            end
            """;

    /** A phase 1 rule that throws for a monthly budget above 1,000,000 USD and does nothing otherwise. */
    static final String THROWING = """
            package phase1;

            import dev.aicostadvisor.model.Budget;

            // Fails on large budgets, as a rule with a bug in its consequence would.
            rule "Test budget check: fails above one million"
                ruleflow-group "phase1"
            when
                Budget(monthlyUsd > 1000000)
            then
                throw new IllegalStateException("this test rule fails on purpose");
            end
            """;

    /** The extra rule files, by their path in the rules folder. */
    static final Map<String, String> FILES = Map.of("phase2/test_counters.drl", COUNTERS, "phase1/test_throwing.drl", THROWING);

    private static CompiledRules compiled;

    private FaultyRules() {
    }

    /** Returns the project's rules with the faulty rules added, compiled once per test run. */
    public static synchronized CompiledRules compiled() {
        if (compiled == null) {
            List<RuleFile> files = new ArrayList<>(RuleSource.directory(TestRules.RULES).files());
            FILES.forEach((path, content) -> files.add(new RuleFile(path, "rules/" + path, content)));
            compiled = RuleCompiler.compile(RuleSource.of("project rules with faulty test rules", files));
        }
        return compiled;
    }

    /** Copies the project's rules into a folder and adds the faulty rules, for command-line tests. */
    public static Path copyInto(Path folder) {
        Path rules = TestRules.copyRules(folder);
        try {
            for (Map.Entry<String, String> file : FILES.entrySet()) {
                Files.writeString(rules.resolve(file.getKey()), file.getValue());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return rules;
    }

    /** Returns a copy of a scenario whose organisation has a trigger name. */
    public static Scenario triggering(Scenario scenario, String trigger) {
        Org org = scenario.getOrg();
        return scenario.toBuilder().name(trigger).org(new Org(trigger, org.getAiMaturityMonths(), org.getAiEngineers())).build();
    }

    /** Returns a copy of a scenario with a budget that makes {@link #THROWING_RULE} throw. */
    public static Scenario throwing(Scenario scenario) {
        return scenario.toBuilder().name("Large budget").budget(new Budget(new BigDecimal("2000000"), null)).build();
    }
}
