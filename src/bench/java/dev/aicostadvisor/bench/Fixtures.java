package dev.aicostadvisor.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.kie.api.KieBase;
import org.kie.api.KieServices;
import org.kie.api.command.Command;
import org.kie.api.command.KieCommands;
import org.kie.api.runtime.ClassObjectFilter;
import org.kie.api.runtime.ExecutionResults;
import org.kie.api.runtime.KieSession;
import org.kie.api.runtime.StatelessKieSession;

import dev.aicostadvisor.forecast.Forecaster;
import dev.aicostadvisor.model.Phase;
import dev.aicostadvisor.model.Recommendation;
import dev.aicostadvisor.model.Scenario;
import dev.aicostadvisor.pricing.PricingFiles;
import dev.aicostadvisor.scenario.ScenarioReader;

/** The scenarios the benchmarks evaluate, and the plain session loops they compare with the advisor's. */
final class Fixtures {

    private Fixtures() {
    }

    /** Reads every scenario of a folder, by default the project's fixtures; benchmarks run from the project root. */
    static List<Scenario> read(String folder) {
        Path path = Path.of(folder);
        if (!Files.isDirectory(path)) {
            throw new IllegalStateException("scenario folder not found: " + path.toAbsolutePath()
                    + "; run the benchmarks from the project root, or pass -p scenarios=DIR");
        }
        List<Scenario> scenarios = new ArrayList<>();
        for (Path file : ScenarioReader.listScenarioFiles(path)) {
            scenarios.add(ScenarioReader.read(file));
        }
        return scenarios;
    }

    private static final Forecaster FORECASTER = new Forecaster(PricingFiles.bundledCatalogue());

    /** Returns the facts the advisor inserts for a scenario, the cost forecast included. */
    static List<Object> facts(Scenario scenario) {
        List<Object> facts = new ArrayList<>(List.of(scenario.getOrg(), scenario.getBudget(), scenario.getWorkload(), scenario.getMetrics()));
        if (scenario.getGpuFleet() != null) {
            facts.add(scenario.getGpuFleet());
        }
        facts.add(FORECASTER.forecast(scenario));
        return facts;
    }

    /**
     * Evaluates on a stateful session without listeners: insert, then focus and fire each phase's agenda
     * group in order, as the advisor's runner does. Returns the node ids reached.
     */
    static Set<String> runStateful(KieSession session, Scenario scenario) {
        try {
            for (Object fact : facts(scenario)) {
                session.insert(fact);
            }
            for (Phase phase : Phase.values()) {
                session.getAgenda().getAgendaGroup(phase.group()).setFocus();
                session.fireAllRules();
            }
            return nodes(session.getObjects(new ClassObjectFilter(Recommendation.class)));
        } finally {
            session.dispose();
        }
    }

    /**
     * Evaluates on a stateless session with one batch of commands. The phases' agenda groups are pushed on
     * the focus stack in reverse, so Phase 1 fires first and each group hands over to the next when empty.
     */
    static Set<String> runStateless(KieBase kieBase, Scenario scenario) {
        KieCommands commands = KieServices.get().getCommands();
        List<Command<?>> batch = new ArrayList<>();
        batch.add(commands.newInsertElements(facts(scenario)));
        Phase[] phases = Phase.values();
        for (int i = phases.length - 1; i >= 0; i--) {
            batch.add(commands.newAgendaGroupSetFocus(phases[i].group()));
        }
        batch.add(commands.newFireAllRules());
        batch.add(commands.newGetObjects(new ClassObjectFilter(Recommendation.class), "recommendations"));
        StatelessKieSession session = kieBase.newStatelessKieSession();
        ExecutionResults results = session.execute(commands.newBatchExecution(batch));
        @SuppressWarnings("unchecked")
        Collection<Object> recommendations = (Collection<Object>) results.getValue("recommendations");
        return nodes(recommendations);
    }

    private static Set<String> nodes(Collection<?> facts) {
        Set<String> nodes = new TreeSet<>();
        for (Object fact : facts) {
            nodes.add(((Recommendation) fact).getNode());
        }
        return nodes;
    }
}
