package dev.aicostadvisor;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import dev.aicostadvisor.model.Expectation;
import dev.aicostadvisor.model.Flowchart;
import dev.aicostadvisor.model.FlowchartNode;
import dev.aicostadvisor.model.Scenario;
import dev.aicostadvisor.scenario.ScenarioReader;

/** Runs every fixture in scenarios/ as its own test, and checks that the fixtures reach every outcome node. */
class FixtureSuiteTest {

    private static final Advisor ADVISOR = TestRules.advisor();

    @TestFactory
    Stream<DynamicTest> everyFixtureMeetsItsExpectation() {
        return ScenarioReader.listScenarioFiles(TestRules.SCENARIOS).stream()
                .map(file -> DynamicTest.dynamicTest(file.toString(), () -> checkFixture(file)));
    }

    private static void checkFixture(Path file) {
        Scenario scenario = ScenarioReader.read(file);
        Expectation expectation = scenario.getExpectation();
        assertThat(expectation).as("%s has an expect block", file).isNotNull();
        Set<String> reached = ADVISOR.evaluate(scenario).nodes();
        assertThat(reached).as("nodes that %s must reach", file).containsAll(expectation.present());
        assertThat(reached).as("nodes that %s must not reach", file).doesNotContainAnyElementsOf(expectation.absent());
    }

    @Test
    void fixturesReachEveryOutcomeNode() {
        Set<String> reached = new LinkedHashSet<>();
        for (Path file : ScenarioReader.listScenarioFiles(TestRules.SCENARIOS)) {
            reached.addAll(ADVISOR.evaluate(ScenarioReader.read(file)).nodes());
        }
        List<String> unreached = new ArrayList<>();
        for (FlowchartNode node : Flowchart.nodes()) {
            if (!reached.contains(node.id())) {
                unreached.add(node.id());
            }
        }
        assertThat(unreached).as("outcome nodes that no fixture reaches").isEmpty();
    }

    @Test
    void fixturesExpectEveryNodeTheyReach() {
        for (Path file : ScenarioReader.listScenarioFiles(TestRules.SCENARIOS)) {
            Scenario scenario = ScenarioReader.read(file);
            if (file.startsWith(TestRules.SCENARIOS.resolve("edges"))) {
                continue;
            }
            Set<String> reached = ADVISOR.evaluate(scenario).nodes();
            assertThat(scenario.getExpectation().present())
                    .as("%s lists its whole path in expect.present", file)
                    .containsExactlyInAnyOrderElementsOf(reached);
        }
    }
}
