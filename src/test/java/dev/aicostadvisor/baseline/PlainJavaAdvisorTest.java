package dev.aicostadvisor.baseline;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import dev.aicostadvisor.Advisor;
import dev.aicostadvisor.Evaluation;
import dev.aicostadvisor.TestRules;
import dev.aicostadvisor.model.Budget;
import dev.aicostadvisor.model.BusinessDriver;
import dev.aicostadvisor.model.BusinessImpact;
import dev.aicostadvisor.model.DataSensitivity;
import dev.aicostadvisor.model.GpuFleet;
import dev.aicostadvisor.model.Metrics;
import dev.aicostadvisor.model.Org;
import dev.aicostadvisor.model.QueryMix;
import dev.aicostadvisor.model.Recommendation;
import dev.aicostadvisor.model.Scenario;
import dev.aicostadvisor.model.Workload;
import dev.aicostadvisor.model.WorkloadPattern;
import dev.aicostadvisor.scenario.ScenarioReader;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The plain-Java baseline of the benchmarks reaches what the shipped rules reach: the same nodes, and the
 * same rationales, rule names and notes, on every fixture and on generated scenarios around every band edge.
 */
class PlainJavaAdvisorTest {

    private static final Advisor RULES = TestRules.advisor();
    private static final PlainJavaAdvisor PLAIN = new PlainJavaAdvisor();

    @TestFactory
    Stream<DynamicTest> agreesWithRulesOnEveryFixture() {
        return ScenarioReader.listScenarioFiles(TestRules.SCENARIOS).stream()
                .map(file -> DynamicTest.dynamicTest(file.toString(), () -> assertAgrees(ScenarioReader.read(file), file)));
    }

    @Property(tries = 300)
    void agreesWithRulesOnGeneratedScenarios(@ForAll("scenarios") Scenario scenario) {
        assertAgrees(scenario, Path.of("generated"));
    }

    private static void assertAgrees(Scenario scenario, Path origin) {
        Evaluation expected = RULES.evaluate(scenario);
        Evaluation actual = PLAIN.evaluate(scenario);

        assertThat(actual.nodes()).as("nodes of %s (%s)", scenario, origin).containsExactlyElementsOf(expected.nodes());
        assertThat(actual.recommendations()).extracting(Recommendation::getRule).as("rules of %s (%s)", scenario, origin)
                .containsExactlyElementsOf(expected.recommendations().stream().map(Recommendation::getRule).toList());
        assertThat(actual.recommendations()).extracting(PlainJavaAdvisorTest::sentences).as("rationales of %s (%s)", scenario, origin)
                .containsExactlyElementsOf(expected.recommendations().stream().map(PlainJavaAdvisorTest::sentences).toList());
        assertThat(actual.notes()).as("notes of %s (%s)", scenario, origin).containsExactlyElementsOf(expected.notes());
    }

    /**
     * Splits a rationale into its sentences, sorted. When one rule matches two self-hosted deployments (DIY
     * and Deploy8, say), the engine's order of the two firings differs between rules, so the merged
     * rationale is compared as a set of sentences.
     */
    private static List<String> sentences(Recommendation recommendation) {
        return Stream.of(recommendation.getRationale().split("(?<=\\.) ")).sorted().toList();
    }

    @Provide
    Arbitrary<Scenario> scenarios() {
        Arbitrary<Org> org = Combinators.combine(
                decimals("0", "2.99", "3", "12", "12.5", "36"),
                Arbitraries.of(0, 1, 2, 5, 6, 25)).as((months, engineers) -> new Org(null, months, engineers));
        Arbitrary<Budget> budget = Combinators.combine(
                decimals("0", "9999.99", "10000", "45000", "100000", "100000.01", "400000"),
                decimals("1000", "50000", "100001").injectNull(0.3)).as(Budget::new);
        Arbitrary<QueryMix> mix = Arbitraries.of(
                new QueryMix(new BigDecimal("0.2"), new BigDecimal("0.6"), new BigDecimal("0.2")),
                new QueryMix(BigDecimal.ZERO, BigDecimal.ONE, BigDecimal.ZERO),
                new QueryMix(new BigDecimal("0.5"), BigDecimal.ZERO, new BigDecimal("0.5"))).injectNull(0.3);
        Arbitrary<Workload> workload = Combinators.combine(
                Arbitraries.of(DataSensitivity.class), Arbitraries.of(BusinessDriver.class),
                decimals("1", "499.9", "500", "2000", "2000.1", "5000"), Arbitraries.of(BusinessImpact.class),
                Arbitraries.of(0L, 9_999_999L, 10_000_000L, 100_000_000L, 100_000_001L), Arbitraries.of(WorkloadPattern.class), mix)
                .as(Workload::new);
        Arbitrary<GpuFleet> fleet = Combinators.combine(Arbitraries.of(1, 16, 64), decimals("0", "49.99", "50", "80", "80.01", "89.99", "90", "100"),
                decimals("2.50")).as(GpuFleet::new).injectNull(0.4);
        Arbitrary<Metrics> metrics = Combinators.combine(
                decimals("0.4", "1.5", "2.0").injectNull(0.3), decimals("1.5").injectNull(0.3), decimals("300", "600", "5000").injectNull(0.3),
                decimals("2.9", "3", "4.5").injectNull(0.3), decimals("0.3").injectNull(0.5)).as(Metrics::new);
        return Combinators.combine(org, budget, workload, fleet, metrics).as((o, b, w, f, m) ->
                Scenario.builder("generated").org(o).budget(b).workload(w).gpuFleet(f).metrics(m).build());
    }

    private static Arbitrary<BigDecimal> decimals(String... values) {
        return Arbitraries.of(Stream.of(values).map(BigDecimal::new).toList());
    }
}
