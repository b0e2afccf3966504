package dev.aicostadvisor.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.aicostadvisor.Advisor;
import dev.aicostadvisor.Evaluation;
import dev.aicostadvisor.TestRules;
import dev.aicostadvisor.model.Flowchart;
import dev.aicostadvisor.scenario.ScenarioReader;

/** The chains that {@code explain} prints, from an outcome back to the scenario's inputs. */
class ExplanationTest {

    private static final Advisor ADVISOR = TestRules.advisor();

    static Explanation explain(String file, FiringTrace trace, Evaluation[] evaluation) {
        evaluation[0] = ADVISOR.evaluate(ScenarioReader.read(Path.of(file)), trace);
        return Explanation.of(TestRules.shipped(), evaluation[0], trace);
    }

    @Test
    void deploymentChainReachesInputs() {
        FiringTrace trace = new FiringTrace();
        Explanation explanation = explain("scenarios/clinic-network-patient-notes.yaml", trace, new Evaluation[1]);

        assertThat(explanation.render(List.of("Deploy7"))).isEqualTo("""
                Deploy7: SageMaker or Vertex AI: reserved GPU capacity
                  reason     Private data and speed first: self-hosted models on reserved GPU capacity.
                  rule       "FinalDeploy Deploy7: private data, speed first" (rules/phase2/final_deployment.drl:62)
                  when       Recommendation(node == "Private")
                             Recommendation(node == "SpeedFirst")
                  matched    Private, SpeedFirst
                    Private: Private deployment
                      reason     Data sensitivity is HIGH: strict compliance needs a private deployment with full data control.
                      rule       "Q4 Private: highly sensitive data" (rules/phase2/data_privacy.drl:33)
                      when       exists Recommendation(decision == "DeploymentRec")
                                 Workload(dataSensitivity == DataSensitivity.HIGH)
                      input      workload.dataSensitivity = HIGH
                      after      Vendor1 (exists Recommendation(decision == "DeploymentRec"))
                        Vendor1: Third-party closed source recommended
                          reason     Budget band MedBudget and capability band LimitedTech: the lower rank is 1, so a third-party closed-source service fits best.
                          rule       "DeploymentRec Vendor1: small budget or limited capability" (rules/phase1/deployment_model.drl:9)
                          when       Recommendation(decision == "Q2", $budget : node)
                                     Recommendation(decision == "Q3", $tech : node)
                                     exists Recommendation(node == "SmallBudget" || node == "LimitedTech")
                          values     $budget = MedBudget, $tech = LimitedTech
                          matched    MedBudget, LimitedTech
                          after      LimitedTech (exists Recommendation(node == "SmallBudget" || node == "LimitedTech"))
                            MedBudget: Medium budget: flexibility level
                              reason     Monthly budget 25,000 USD is from 10,000 USD to 100,000 USD.
                              rule       "Q2 MedBudget: budget within the medium band" (rules/phase1/budget.drl:37)
                              when       exists Recommendation(decision == "Q1")
                                         BudgetBands($small : smallBelowUsd, $large : largeAboveUsd)
                                         Budget($usd : monthlyUsd >= $small, monthlyUsd <= $large)
                              values     $small = 10000, $large = 100000, $usd = 25000
                              threshold  BudgetBands.smallBelowUsd = 10000, largeAboveUsd = 100000, inserted by rule "Q2 budget bands" (rules/phase1/budget.drl:17)
                              input      budget.monthlyUsd = 25000
                              after      Prod_Track (exists Recommendation(decision == "Q1"))
                                Prod_Track: Production track
                                  reason     AI work so far is 6 months, from 3 months to 12 months.
                                  rule       "Q1 Prod_Track: maturity within the production band" (rules/phase1/maturity.drl:36)
                                  when       MaturityBands($poc : pocBelowMonths, $scale : scaleAboveMonths)
                                             Org($months : aiMaturityMonths >= $poc, aiMaturityMonths <= $scale)
                                  values     $poc = 3, $scale = 12, $months = 6
                                  threshold  MaturityBands.pocBelowMonths = 3, scaleAboveMonths = 12, inserted by rule "Q1 maturity bands" (rules/phase1/maturity.drl:17)
                                  input      org.aiMaturityMonths = 6
                            LimitedTech: Limited technical capability
                              reason     1 AI engineer, fewer than 2.
                              rule       "Q3 LimitedTech: fewer engineers than the limited threshold" (rules/phase1/expertise.drl:23)
                              when       exists Recommendation(decision == "Q1")
                                         ExpertiseBands($limited : limitedBelowEngineers)
                                         Org($engineers : aiEngineers < $limited)
                              values     $limited = 2, $engineers = 1
                              threshold  ExpertiseBands.limitedBelowEngineers = 2, inserted by rule "Q3 expertise bands" (rules/phase1/expertise.drl:15)
                              input      org.aiEngineers = 1
                              after      Prod_Track (exists Recommendation(decision == "Q1"))
                                Prod_Track: explained above
                    SpeedFirst: Performance priority
                      reason     The primary business driver is SPEED: time to market outweighs cost.
                      rule       "TB1 SpeedFirst: speed to market" (rules/phase2/business_driver.drl:10)
                      when       exists Recommendation(decision == "DeploymentRec")
                                 Workload(businessDriver == BusinessDriver.SPEED)
                      input      workload.businessDriver = SPEED
                      after      Vendor1 (exists Recommendation(decision == "DeploymentRec"))
                        Vendor1: explained above
                """);
    }

    @Test
    void accumulateFollowsEveryCollectedOutcome() {
        FiringTrace trace = new FiringTrace();
        String text = explain("scenarios/saas-support-assistant.yaml", trace, new Evaluation[1]).render(List.of("Iterate"));

        assertThat(text).startsWith("""
                Iterate: Iterate and reassess
                  reason     Apply Optimize1, Optimize3, then reassess from Phase 2.
                  rule       "Iterate: after an Optimize outcome" (rules/success/iterate.drl:9)
                """);
        assertThat(text).contains("  after      Optimize1, Optimize3 (collected by accumulate(Recommendation(node == \"Optimize1\" "
                + "|| node == \"Optimize2\" || node == \"Optimize3\" || node == \"Optimize4\", $node : node)))\n"
                + "    Optimize1: Cost above target: review the deployment model\n");
        assertThat(text).contains("""
                      input      metrics.costPerMillionTokensUsd = 2.0
                      input      metrics.targetCostPerMillionTokensUsd = 1.5
                """);
    }

    @Test
    void depthLimitNamesDeeperOutcomes() {
        FiringTrace trace = new FiringTrace();
        String text = explain("scenarios/saas-support-assistant.yaml", trace, new Evaluation[1]).render(List.of("Optimize1"), 1);

        assertThat(text).contains("""
                    Collab1: Finance, engineering and business together
                      reason     Every organisation needs finance, engineering and the business looking at the same spend figures.
                      rule       "Collab1: joint optimisation sessions" (rules/phase4/collaboration.drl:8)
                      when       exists Recommendation(decision == "WL1")
                      after      Peak (exists Recommendation(decision == "WL1"))
                        Peak: not followed, deeper than 1 level
                """);
        assertThat(text.lines().filter(line -> line.contains("reason"))).hasSize(2);
    }

    @Test
    void everyOutcomeIsExplainedOnce() {
        FiringTrace trace = new FiringTrace();
        Evaluation[] evaluation = new Evaluation[1];
        Explanation explanation = explain("scenarios/enterprise-gpu-fleet.yaml", trace, evaluation);

        String text = explanation.render(List.copyOf(evaluation[0].nodes()));

        List<String> headings = text.lines().map(String::trim).toList();
        for (String node : evaluation[0].nodes()) {
            String heading = node + ": " + Flowchart.node(node).title();
            assertThat(headings).as("full explanations of %s", node).containsOnlyOnce(heading);
        }
        assertThat(text).contains("""
                Adv1: Quantization
                  reason     The organisation serves models on 64 GPUs of its own, where lower precision saves memory. \
                The selected deployment Deploy8 serves models itself, where lower precision saves memory. \
                The selected deployment DIY serves models itself, where lower precision saves memory.
                  rule       "Adv1: quantization for a GPU fleet" (rules/phase4/advanced_techniques.drl:10)
                """);
        assertThat(text).contains("""
                  values     $target = 90, $used = 42
                  threshold  SuccessTargets.gpuUtilizationTargetPercent = 90, inserted by rule "Success targets" (rules/success/success_check.drl:29)
                  input      gpuFleet.utilizationPercent = 42
                """);
    }

    @Test
    void traceRecordsInputsAndProducers() {
        FiringTrace trace = new FiringTrace();
        Evaluation[] evaluation = new Evaluation[1];
        explain("scenarios/saas-support-assistant.yaml", trace, evaluation);

        assertThat(trace.inputs()).extracting(fact -> fact.getClass().getSimpleName())
                .containsExactlyInAnyOrder("Org", "Budget", "Workload", "Metrics", "Forecast");
        assertThat(trace.firings()).hasSize(evaluation[0].ruleFirings());
        FiringTrace.Firing bands = trace.firings().stream().filter(f -> f.rule().equals("Q2 budget bands")).findFirst().orElseThrow();
        assertThat(bands.inserted()).hasSize(1);
        assertThat(trace.producerOf(bands.inserted().get(0))).contains(bands);
    }
}
