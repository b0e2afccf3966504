package dev.aicostadvisor.bench;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;

import org.kie.api.KieBase;
import org.kie.api.runtime.KieSessionsPool;
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
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import dev.aicostadvisor.Advisor;
import dev.aicostadvisor.Evaluation;
import dev.aicostadvisor.baseline.PlainJavaAdvisor;
import dev.aicostadvisor.model.Scenario;
import dev.aicostadvisor.rules.CompiledRules;
import dev.aicostadvisor.rules.RuleLoader;
import dev.aicostadvisor.rules.RuleSource;

/**
 * The cost of one full evaluation (all four phases and the success check) of the project's fixtures, in
 * turn, through each path:
 *
 * <ul>
 *   <li>{@code advisor}: the Java API, {@link Advisor#evaluate}, with its pooled sessions, listeners, result
 *       collection, cost forecast and savings estimate, built with {@code maxCycles(0)} so that it does the
 *       same work as the baseline;</li>
 *   <li>{@code advisorWithIterate}: the same with the default iterate loop, which reruns Phases 2 to 4 up to
 *       three times for the fixtures that reach an Optimize outcome;</li>
 *   <li>{@code plainJava}: the same decisions as plain Java, {@link PlainJavaAdvisor}, with the same forecast
 *       and savings estimate: the baseline;</li>
 *   <li>{@code statefulNewSession}, {@code statefulPooled} and {@code stateless}: bare Drools sessions on
 *       the same KieBase, with no listeners, returning only the node ids.</li>
 * </ul>
 *
 * <p>Setup checks that every path reaches the same nodes on every fixture, so no path is fast because it
 * skips work.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 8, time = 3)
@Measurement(iterations = 5, time = 5)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
public class EvaluationBenchmark {

    /** The folder of scenarios to evaluate, relative to where the benchmark runs. */
    @Param("scenarios")
    public String scenarios;

    private List<Scenario> fixtures;
    private Advisor advisor;
    private Advisor advisorWithIterate;
    private PlainJavaAdvisor plain;
    private KieBase kieBase;
    private KieSessionsPool pool;

    /** Each benchmark thread's position in the fixture list. */
    @State(Scope.Thread)
    public static class Cursor {
        int next;

        Scenario next(List<Scenario> fixtures) {
            Scenario scenario = fixtures.get(next);
            next = next + 1 == fixtures.size() ? 0 : next + 1;
            return scenario;
        }
    }

    @Setup(Level.Trial)
    public void setUp() {
        fixtures = Fixtures.read(scenarios);
        CompiledRules rules = RuleLoader.load(RuleSource.resolve(null));
        advisor = Advisor.builder().rules(rules).maxCycles(0).build();
        advisorWithIterate = Advisor.builder().rules(rules).build();
        plain = new PlainJavaAdvisor();
        kieBase = rules.kieBase();
        pool = kieBase.newKieSessionsPool(2);
        for (Scenario scenario : fixtures) {
            Set<String> expected = new TreeSet<>(advisor.evaluate(scenario).nodes());
            check(scenario, "plainJava", expected, new TreeSet<>(plain.evaluate(scenario).nodes()));
            check(scenario, "statefulNewSession", expected, Fixtures.runStateful(kieBase.newKieSession(), scenario));
            check(scenario, "statefulPooled", expected, Fixtures.runStateful(pool.newKieSession(), scenario));
            check(scenario, "stateless", expected, Fixtures.runStateless(kieBase, scenario));
        }
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        pool.shutdown();
    }

    private static void check(Scenario scenario, String path, Set<String> expected, Set<String> actual) {
        if (!expected.equals(actual)) {
            throw new IllegalStateException(path + " reached " + actual + " on '" + scenario.getName() + "', the advisor " + expected);
        }
    }

    @Benchmark
    public Evaluation advisor(Cursor cursor) {
        return advisor.evaluate(cursor.next(fixtures));
    }

    @Benchmark
    public Evaluation advisorWithIterate(Cursor cursor) {
        return advisorWithIterate.evaluate(cursor.next(fixtures));
    }

    @Benchmark
    public Evaluation plainJava(Cursor cursor) {
        return plain.evaluate(cursor.next(fixtures));
    }

    @Benchmark
    public Set<String> statefulNewSession(Cursor cursor) {
        return Fixtures.runStateful(kieBase.newKieSession(), cursor.next(fixtures));
    }

    @Benchmark
    public Set<String> statefulPooled(Cursor cursor) {
        return Fixtures.runStateful(pool.newKieSession(), cursor.next(fixtures));
    }

    @Benchmark
    public Set<String> stateless(Cursor cursor) {
        return Fixtures.runStateless(kieBase, cursor.next(fixtures));
    }
}
