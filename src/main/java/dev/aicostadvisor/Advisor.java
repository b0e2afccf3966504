package dev.aicostadvisor;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;

import org.kie.api.event.rule.AgendaEventListener;

import dev.aicostadvisor.engine.SessionRunner;
import dev.aicostadvisor.model.Scenario;
import dev.aicostadvisor.rules.CompiledRules;
import dev.aicostadvisor.rules.InvalidRulesException;
import dev.aicostadvisor.rules.RuleCache;
import dev.aicostadvisor.rules.RuleLoader;
import dev.aicostadvisor.rules.RuleSource;

/**
 * The advisor: a compiled rule base that evaluates scenarios against the decision flowchart.
 *
 * <p>Build one advisor and share it. It is safe to call {@link #evaluate} from many threads at once: the
 * KieBase is shared, and every evaluation opens its own session and disposes of it before returning.
 *
 * <pre>{@code
 * Advisor advisor = Advisor.load(Path.of("rules"));
 * Evaluation evaluation = advisor.evaluate(scenario);
 * evaluation.nodes();   // [Prod_Track, MedBudget, ModerateTech, Vendor2, ...]
 * }</pre>
 */
public final class Advisor implements AutoCloseable {

    /** The default limit on rule firings per evaluation; the shipped rules take under 100. */
    public static final int DEFAULT_MAX_FIRINGS = 10_000;
    /** The default limit on the time one evaluation may fire rules. */
    public static final Duration DEFAULT_TIME_LIMIT = Duration.ofSeconds(10);

    private final AtomicReference<CompiledRules> rules;
    private final SessionRunner runner;

    private Advisor(CompiledRules rules, SessionRunner runner) {
        this.rules = new AtomicReference<>(rules);
        this.runner = runner;
    }

    /**
     * Compiles the rules of a rules folder.
     *
     * @throws InvalidRulesException when the folder is missing or a rule file does not compile
     */
    public static Advisor load(Path rulesDirectory) {
        return builder().rules(RuleSource.directory(rulesDirectory)).build();
    }

    /** Compiles the rules bundled in the jar. */
    public static Advisor bundled() {
        return builder().rules(RuleSource.bundled()).build();
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * Evaluates one scenario through the four phases and the success check.
     *
     * @throws EvaluationException when a rule throws or the firing limits are reached
     */
    public Evaluation evaluate(Scenario scenario) {
        return evaluate(scenario, null);
    }

    /**
     * Evaluates one scenario with an extra agenda listener on its session, for example one that records
     * each rule firing. The listener sees this evaluation only; normal evaluations pass none and pay nothing.
     *
     * @param listener the listener, or {@code null} for none
     * @throws EvaluationException when a rule throws or the firing limits are reached
     */
    public Evaluation evaluate(Scenario scenario, AgendaEventListener listener) {
        Objects.requireNonNull(scenario, "scenario");
        return runner.run(rules.get().kieBase(), scenario, List.of(), listener);
    }

    /** Returns the rules in use now. */
    public CompiledRules rules() {
        return rules.get();
    }

    @Override
    public void close() {
        // Nothing to release: the pooled sessions hold only memory, which is reclaimed with the advisor.
    }

    /** Configures an advisor: where its rules come from and the limits on each evaluation. */
    public static final class Builder {
        private RuleSource source;
        private CompiledRules compiled;
        private RuleCache cache;
        private int maxFirings = DEFAULT_MAX_FIRINGS;
        private Duration timeLimit = DEFAULT_TIME_LIMIT;

        private Builder() {
        }

        /** Compiles the rules of this source when the advisor is built. */
        public Builder rules(RuleSource value) {
            this.source = Objects.requireNonNull(value, "rule source");
            this.compiled = null;
            return this;
        }

        /** Uses rules compiled earlier, such as those of another advisor. */
        public Builder rules(CompiledRules value) {
            this.compiled = Objects.requireNonNull(value, "compiled rules");
            this.source = null;
            return this;
        }

        /**
         * Sets where compiled rules are cached between runs; default {@link RuleCache#defaultCache()}, and
         * {@link RuleCache#disabled()} compiles every time.
         */
        public Builder cache(RuleCache value) {
            this.cache = Objects.requireNonNull(value, "rule cache");
            return this;
        }

        /** Sets the most rule firings one evaluation may take before it fails; default 10,000. */
        public Builder maxFirings(int value) {
            if (value < 1) {
                throw new IllegalArgumentException("maxFirings must be at least 1, was " + value);
            }
            this.maxFirings = value;
            return this;
        }

        /** Sets the longest one evaluation may fire rules before it fails; default 10 seconds. */
        public Builder timeLimit(Duration value) {
            if (value == null || value.isNegative() || value.isZero()) {
                throw new IllegalArgumentException("the time limit must be positive, was " + value);
            }
            this.timeLimit = value;
            return this;
        }

        /**
         * Builds the advisor, compiling its rules.
         *
         * @throws InvalidRulesException when the rules do not compile
         */
        public Advisor build() {
            CompiledRules rules = compiled;
            if (rules == null) {
                RuleSource ruleSource = source != null ? source : RuleSource.resolve(null);
                rules = RuleLoader.load(ruleSource, cache != null ? cache : RuleCache.defaultCache());
            }
            return new Advisor(rules, new SessionRunner(maxFirings, timeLimit.toNanos()));
        }
    }
}
