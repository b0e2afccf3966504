package dev.aicostadvisor;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;

import org.kie.api.KieBase;
import org.kie.api.event.rule.AgendaEventListener;

import dev.aicostadvisor.engine.IterateLoop;
import dev.aicostadvisor.engine.SessionRunner;
import dev.aicostadvisor.forecast.Forecast;
import dev.aicostadvisor.forecast.Forecaster;
import dev.aicostadvisor.forecast.SavingsEstimate;
import dev.aicostadvisor.forecast.SavingsEstimator;
import dev.aicostadvisor.model.Phase;
import dev.aicostadvisor.pricing.PricingCatalogue;
import dev.aicostadvisor.pricing.PricingFiles;
import dev.aicostadvisor.pricing.SavingsTable;
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
 *
 * <p>An advisor built with {@link Builder#hotReload(boolean) hotReload(true)} watches its rules folder and
 * reloads the rules after each change, swapping them in only when they compile. {@link #close()} stops the
 * watching.
 */
public final class Advisor implements AutoCloseable {

    /** The default limit on rule firings per evaluation; the shipped rules take under 100. */
    public static final int DEFAULT_MAX_FIRINGS = 10_000;
    /** The default limit on the time one evaluation may fire rules. */
    public static final Duration DEFAULT_TIME_LIMIT = Duration.ofSeconds(10);
    /** How long the rules folder must be free of changes before hot reload compiles it, by default. */
    public static final Duration DEFAULT_RELOAD_QUIET_PERIOD = Duration.ofMillis(300);

    /** The default number of iterate-loop cycles after an evaluation that reaches an Optimize outcome. */
    public static final int DEFAULT_MAX_CYCLES = 3;

    private final AtomicReference<CompiledRules> rules;
    private final SessionRunner runner;
    private final RuleReloader reloader;
    private final PricingCatalogue explicitPricing;
    private final SavingsTable explicitSavings;
    private final int maxCycles;
    private volatile Forecasting forecasting;

    /**
     * The forecast's parts for one set of compiled rules. The pricing and savings files sit next to the rules,
     * so a reload that changes them needs new parts.
     */
    private record Forecasting(CompiledRules rules, Forecaster forecaster, SavingsEstimator estimator, IterateLoop iterateLoop) {
    }

    private Advisor(CompiledRules rules, SessionRunner runner, ReloadListener listener, PricingCatalogue pricing,
                    SavingsTable savings, int maxCycles) {
        this.rules = new AtomicReference<>(rules);
        this.runner = runner;
        this.reloader = new RuleReloader(this.rules, listener);
        this.explicitPricing = pricing;
        this.explicitSavings = savings;
        this.maxCycles = maxCycles;
        this.forecasting = forecastingFor(rules);
    }

    /** Returns the forecast's parts for the given rules, building them when the rules changed since last time. */
    private Forecasting forecastingFor(CompiledRules compiled) {
        Forecasting current = forecasting;
        if (current != null && current.rules() == compiled) {
            return current;
        }
        PricingCatalogue catalogue = explicitPricing != null ? explicitPricing : PricingFiles.catalogueFor(compiled.source());
        SavingsTable table = explicitSavings != null ? explicitSavings : PricingFiles.savingsFor(compiled.source());
        Forecaster forecaster = new Forecaster(catalogue);
        SavingsEstimator estimator = new SavingsEstimator(table, catalogue);
        Forecasting next = new Forecasting(compiled, forecaster, estimator, new IterateLoop(runner, forecaster, estimator, table, maxCycles));
        forecasting = next;
        return next;
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
        CompiledRules compiled = rules.get();
        Forecasting parts = forecastingFor(compiled);
        KieBase kieBase = compiled.kieBase();
        Forecast forecast = parts.forecaster().forecast(scenario);
        SavingsEstimate[] beforePhase4 = new SavingsEstimate[1];
        Set<String> reachedBeforePhase4 = new HashSet<>();
        SessionRunner.PhaseHook savingsBeforePhase4 = (phase, nodes) -> {
            if (phase != Phase.PHASE_4) {
                return List.of();
            }
            reachedBeforePhase4.addAll(nodes);
            beforePhase4[0] = parts.estimator().estimate(scenario, forecast, nodes);
            return List.of(beforePhase4[0]);
        };
        Evaluation evaluation = runner.run(kieBase, scenario, List.of(Phase.values()), List.of(forecast), savingsBeforePhase4, listener);
        // The estimate made before Phase 4 stands unless a later outcome, such as Optimize2, brings a range of its own.
        boolean changed = beforePhase4[0] == null || evaluation.nodes().stream()
                .anyMatch(node -> !reachedBeforePhase4.contains(node) && parts.estimator().hasRange(node));
        SavingsEstimate savings = changed ? parts.estimator().estimate(scenario, forecast, evaluation.nodes()) : beforePhase4[0];
        return evaluation.withForecast(forecast, savings, parts.iterateLoop().iterate(kieBase, evaluation, forecast));
    }

    /** Returns the pricing catalogue the forecast uses now. */
    public PricingCatalogue pricing() {
        return forecastingFor(rules.get()).forecaster().catalogue();
    }

    /** Returns the rules in use now. */
    public CompiledRules rules() {
        return rules.get();
    }

    /**
     * Reads the rules folder again and, when its files changed, compiles them and uses them for the
     * evaluations that start from now on. Evaluations already running finish on the rules they started with.
     *
     * @return {@code true} when new rules replaced the old, {@code false} when no rule or data file had changed
     * @throws InvalidRulesException when the changed rules do not compile; the advisor keeps the rules it has
     * @throws IllegalStateException when the rules did not come from a folder on disk
     */
    public boolean reload() {
        return reloader.reload();
    }

    /** Returns how many reloads have replaced the rules since the advisor was built: 0 before the first. */
    public long rulesVersion() {
        return reloader.version();
    }

    /** Stops watching the rules folder, waiting for a reload in progress to end. Evaluations still work afterwards. */
    @Override
    public void close() {
        reloader.close();
        runner.shutdown();
    }

    /** Configures an advisor: where its rules come from and the limits on each evaluation. */
    public static final class Builder {
        private RuleSource source;
        private CompiledRules compiled;
        private RuleCache cache;
        private int maxFirings = DEFAULT_MAX_FIRINGS;
        private Duration timeLimit = DEFAULT_TIME_LIMIT;
        private PricingCatalogue pricing;
        private SavingsTable savings;
        private int maxCycles = DEFAULT_MAX_CYCLES;
        private boolean hotReload;
        private Duration reloadQuietPeriod = DEFAULT_RELOAD_QUIET_PERIOD;
        private ReloadListener reloadListener;

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

        /** Sets the pricing catalogue; default: {@code pricing.yaml} next to the rules, or the bundled one. */
        public Builder pricing(PricingCatalogue value) {
            this.pricing = Objects.requireNonNull(value, "pricing");
            return this;
        }

        /** Sets the savings table; default: {@code savings.yaml} next to the rules, or the bundled one. */
        public Builder savings(SavingsTable value) {
            this.savings = Objects.requireNonNull(value, "savings");
            return this;
        }

        /** Sets the most iterate-loop cycles after an evaluation; 0 switches the loop off. Default 3. */
        public Builder maxCycles(int value) {
            if (value < 0 || value > 20) {
                throw new IllegalArgumentException("maxCycles must be from 0 to 20, was " + value);
            }
            this.maxCycles = value;
            return this;
        }

        /**
         * Turns hot reload on or off; default off. With it on, the advisor watches its rules folder and its
         * sub-folders. After a change, once the folder has been quiet for {@link #reloadQuietPeriod}, it
         * compiles the rules into a new KieBase, which replaces the old one only when the rules compile. A
         * broken edit is logged with each problem's file and line, and the last good rules stay in use.
         * Close the advisor to stop watching.
         */
        public Builder hotReload(boolean value) {
            this.hotReload = value;
            return this;
        }

        /** Sets how long the rules folder must be free of changes before hot reload compiles it; default 300 ms. */
        public Builder reloadQuietPeriod(Duration value) {
            if (value == null || value.isNegative() || value.isZero()) {
                throw new IllegalArgumentException("the reload quiet period must be positive, was " + value);
            }
            this.reloadQuietPeriod = value;
            return this;
        }

        /** Sets a listener that hears about each reload, good or failed; default none. */
        public Builder reloadListener(ReloadListener value) {
            this.reloadListener = value;
            return this;
        }

        /**
         * Builds the advisor, compiling its rules.
         *
         * @throws InvalidRulesException when the rules do not compile
         * @throws IllegalStateException when hot reload is on but the rules do not come from a folder on disk
         */
        public Advisor build() {
            CompiledRules rules = compiled;
            if (rules == null) {
                RuleSource ruleSource = source != null ? source : RuleSource.resolve(null);
                rules = RuleLoader.load(ruleSource, cache != null ? cache : RuleCache.defaultCache());
            }
            Advisor advisor = new Advisor(rules, new SessionRunner(maxFirings, timeLimit.toNanos()), reloadListener,
                    pricing, savings, maxCycles);
            if (hotReload) {
                advisor.reloader.watch(reloadQuietPeriod);
            }
            return advisor;
        }
    }
}
