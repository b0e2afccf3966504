package dev.aicostadvisor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.aicostadvisor.FaultyRules;
import dev.aicostadvisor.sweep.SweepField;

/** {@code advisor sweep}: outcome tables, exact edges, the CSV grid, samples and invalid specifications. */
class SweepCommandTest {

    static final String SAAS = CliTest.SAAS;

    private static List<String> edgeLines(CliRun run) {
        String out = run.out();
        return out.substring(out.indexOf("Where outcomes change")).lines().skip(1).toList();
    }

    @Test
    void bisectsBudgetEdgesToTheCent() {
        CliRun run = CliRun.of("sweep", "-q", SAAS, "--vary", "budget.monthlyUsd=1000..101000:4");

        assertThat(run.exitCode()).isEqualTo(0);
        assertThat(run.err()).isEmpty();
        assertThat(run.out()).startsWith("Sweep of " + SAAS + ": 5 scenarios, every combination\n"
                + "  budget.monthlyUsd                    5 values: 1000, 26000, 51000, 76000, 101000\n");
        assertThat(edgeLines(run)).containsExactly(
                "  budget.monthlyUsd",
                "    Q2             SmallBudget -> MedBudget between 9999.99 and 10000  on 1 of 1 lines",
                "    Q2             MedBudget -> LargeBudget between 100000 and 100000.01  on 1 of 1 lines",
                "    DeploymentRec  Vendor1 -> Vendor2 between 9999.99 and 10000  on 1 of 1 lines");
    }

    @Test
    void singleScenarioIsCountedInSingular() {
        CliRun run = CliRun.of("sweep", "-q", SAAS, "--vary", "org.aiEngineers=3");

        assertThat(run.exitCode()).isEqualTo(0);
        assertThat(run.out()).startsWith("Sweep of " + SAAS + ": 1 scenario, every combination\n"
                + "  org.aiEngineers                      1 value: 3\n");
    }

    @Test
    void bisectsWholeAndDecimalInputs() {
        CliRun run = CliRun.of("sweep", "-q", SAAS, "--vary", "org.aiEngineers=0..10:2", "--vary", "workload.latencyTargetMs=100..3000:2");

        assertThat(run.exitCode()).isEqualTo(0);
        assertThat(edgeLines(run)).containsExactly(
                "  org.aiEngineers",
                "    Q3             LimitedTech -> ModerateTech between 1 and 2  on 3 of 3 lines",
                "    Q3             ModerateTech -> AdvancedTech between 5 and 6  on 3 of 3 lines",
                "    DeploymentRec  Vendor1 -> Vendor2 between 1 and 2  on 3 of 3 lines",
                "  workload.latencyTargetMs",
                "    TB2            RealTime -> Interactive between 499.99 and 500  on 3 of 3 lines",
                "    TB2            Interactive -> Batch between 2000 and 2000.01  on 3 of 3 lines",
                // The base scenario's p95 latency is 600 ms, so Optimize2 holds for targets below 600 ms.
                "    Success        Optimize1+Optimize2+Optimize3 -> Optimize1+Optimize3 between 599.99 and 600  on 3 of 3 lines");
        assertThat(run.out()).contains("""
                  Q3             LimitedTech                                          3    33.3%
                                 ModerateTech                                         3    33.3%
                                 AdvancedTech                                         3    33.3%
                """);
    }

    @Test
    void choiceInputReportsChangesBetweenValues() {
        CliRun run = CliRun.of("sweep", "-q", SAAS, "--vary", "workload.businessDriver=*");

        assertThat(run.exitCode()).isEqualTo(0);
        assertThat(edgeLines(run)).containsExactly(
                "  workload.businessDriver",
                "    TB1            SpeedFirst -> CostFirst between SPEED and COST  on 1 of 1 lines",
                "    TB1            CostFirst -> ValueFirst between COST and VALUE  on 1 of 1 lines",
                "    FinalDeploy    Deploy4 -> Deploy5 between SPEED and COST  on 1 of 1 lines",
                "    FinalDeploy    Deploy5 -> Deploy6 between COST and VALUE  on 1 of 1 lines");
    }

    @Test
    void csvHasOneRowPerScenario(@TempDir Path folder) throws IOException {
        Path csv = folder.resolve("grid.csv");

        CliRun run = CliRun.of("sweep", "-q", SAAS, "--vary", "budget.monthlyUsd=5000,50000", "--vary", "org.aiEngineers=1,3", "--csv", csv.toString());

        assertThat(run.exitCode()).isEqualTo(0);
        List<String> lines = Files.readAllLines(csv);
        assertThat(lines).hasSize(5);
        assertThat(lines.get(0)).isEqualTo("scenario,budget.monthlyUsd,org.aiEngineers,Q1,Q2,Q3,DeploymentRec,Q4,TB1,FinalDeploy,TB2,TB3,Q5,"
                + "MS1,INF1,GPU1,WL1,G_Budget,G_Metrics,G_Collab,G_Optimize,G_Advanced,Success,Loop,error");
        String tail = ",Moderate,CostFirst,Deploy5,Interactive,Productivity,Mixed,LargeModel+MediumModel+SmallModel,"
                + "RAG+Routing+Cache+TokenOpt,,Peak,Budget1+Budget2,Metrics1+Metrics3,Collab1+Collab2,Opt1+Opt2,Adv2+Adv3,"
                + "Optimize1+Optimize3,Iterate,";
        assertThat(lines.subList(1, 5)).containsExactly(
                "1,5000,1,Prod_Track,SmallBudget,LimitedTech,Vendor1" + tail,
                "2,5000,3,Prod_Track,SmallBudget,ModerateTech,Vendor1" + tail,
                "3,50000,1,Prod_Track,MedBudget,LimitedTech,Vendor1" + tail,
                "4,50000,3,Prod_Track,MedBudget,ModerateTech,Vendor2" + tail);
        try (var files = Files.list(folder)) {
            assertThat(files.map(file -> file.getFileName().toString()).toList()).containsExactly("grid.csv");
        }
    }

    @Test
    void sampleRepeatsWithSameSeed(@TempDir Path folder) throws IOException {
        Path first = folder.resolve("first.csv");
        Path second = folder.resolve("second.csv");

        CliRun one = CliRun.of("sweep", "-q", SAAS, "--vary", "budget.monthlyUsd=0..200000:200", "--vary", "org.aiEngineers=0..9",
                "--sample", "40", "--seed", "7", "--threads", "1", "--csv", first.toString());
        CliRun two = CliRun.of("sweep", "-q", SAAS, "--vary", "budget.monthlyUsd=0..200000:200", "--vary", "org.aiEngineers=0..9",
                "--sample", "40", "--seed", "7", "--threads", "2", "--csv", second.toString());

        assertThat(one.exitCode()).isEqualTo(0);
        assertThat(one.out()).startsWith("Sweep of " + SAAS + ": 40 scenarios, a random sample, seed 7\n");
        assertThat(Files.readAllLines(first)).hasSize(41).isEqualTo(Files.readAllLines(second));
        assertThat(one.out()).contains("Where outcomes change along each input, the other inputs at the base scenario's values\n"
                + "  budget.monthlyUsd\n"
                + "    Q2             SmallBudget -> MedBudget between 9999.99 and 10000\n"
                + "    Q2             MedBudget -> LargeBudget between 100000 and 100000.01\n");
    }

    @Test
    void oneThreadAndTwoAgree() {
        String[] args = {"sweep", "-q", SAAS, "--vary", "budget.monthlyUsd=0..300000:30", "--vary", "org.aiEngineers=0..8",
                "--vary", "workload.dataSensitivity=*"};
        CliRun one = CliRun.of(concat(args, "--threads", "1"));
        CliRun two = CliRun.of(concat(args, "--threads", "2"));

        assertThat(one.exitCode()).isEqualTo(0);
        assertThat(withoutTiming(one.out())).isEqualTo(withoutTiming(two.out()));
    }

    private static String[] concat(String[] args, String... more) {
        String[] all = java.util.Arrays.copyOf(args, args.length + more.length);
        System.arraycopy(more, 0, all, args.length, more.length);
        return all;
    }

    private static String withoutTiming(String out) {
        return out.replaceAll("(?m)^Evaluated in .*$", "");
    }

    @Test
    void csvOntoBaseScenarioIsRejected(@TempDir Path folder) throws IOException {
        Path base = Files.copy(Path.of(SAAS), folder.resolve("base.yaml"));
        String scenario = Files.readString(base);

        CliRun run = CliRun.of("sweep", "-q", base.toString(), "--vary", "org.aiEngineers=1,3", "--csv", base.toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).isEqualTo("error: --csv " + base + " is the base scenario; write the CSV to another file\n");
        assertThat(run.out()).isEmpty();
        assertThat(Files.readString(base)).isEqualTo(scenario);
    }

    @Test
    void invalidSpecificationsExitTwoWithOneLine(@TempDir Path folder) {
        Path csv = folder.resolve("never.csv");
        String[][] cases = {
                {"budget.monthly=1..2:1", "error: invalid --vary 'budget.monthly=1..2:1': unknown input 'budget.monthly'; "
                        + "did you mean 'budget.monthlyUsd'? Inputs that can be varied: " + String.join(", ", SweepField.names())},
                {"budget.monthlyusd=1..2:1", "error: invalid --vary 'budget.monthlyusd=1..2:1': unknown input 'budget.monthlyusd'; "
                        + "did you mean 'budget.monthlyUsd'? Inputs that can be varied: " + String.join(", ", SweepField.names())},
                {"headcount=1..2", "error: invalid --vary 'headcount=1..2': unknown input 'headcount'; inputs that can be varied: "
                        + String.join(", ", SweepField.names())},
                {"budget.monthlyUsd", "error: invalid --vary 'budget.monthlyUsd': expected FIELD=FROM..TO:STEPS, FIELD=FROM..TO for whole numbers, or FIELD=A,B,C"},
                {"budget.monthlyUsd=abc", "error: invalid --vary 'budget.monthlyUsd=abc': 'abc' is not a number; expected FIELD=FROM..TO:STEPS, "
                        + "FIELD=FROM..TO for whole numbers, or FIELD=A,B,C"},
                {"budget.monthlyUsd=500..100:5", "error: invalid --vary 'budget.monthlyUsd=500..100:5': FROM 500 is above TO 100; "
                        + "expected FIELD=FROM..TO:STEPS, FIELD=FROM..TO for whole numbers, or FIELD=A,B,C"},
                {"budget.monthlyUsd=100..500", "error: invalid --vary 'budget.monthlyUsd=100..500': budget.monthlyUsd is a decimal, "
                        + "so give the number of steps, as FROM..TO:STEPS"},
                {"budget.monthlyUsd=100..500:0", "error: invalid --vary 'budget.monthlyUsd=100..500:0': STEPS '0' is not a whole number of at least 1; "
                        + "expected FIELD=FROM..TO:STEPS, FIELD=FROM..TO for whole numbers, or FIELD=A,B,C"},
                {"budget.monthlyUsd=-500..100:6", "error: invalid --vary 'budget.monthlyUsd=-500..100:6': budget.monthlyUsd: -500 is out of range; "
                        + "expected a number from 0 to 10000000000"},
                {"org.aiEngineers=1.5,2", "error: invalid --vary 'org.aiEngineers=1.5,2': '1.5' is not a whole number; org.aiEngineers takes whole numbers"},
                {"workload.businessDriver=SPEED..VALUE", "error: invalid --vary 'workload.businessDriver=SPEED..VALUE': workload.businessDriver "
                        + "takes a list of values such as SPEED,COST,VALUE, or *, not a range"},
                {"workload.businessDriver=SPEED,FAST", "error: invalid --vary 'workload.businessDriver=SPEED,FAST': 'FAST' is not a value of "
                        + "workload.businessDriver; expected one of SPEED, COST, VALUE, or * for all"},
                {"gpuFleet.gpus=1..4", "error: invalid --vary 'gpuFleet.gpus=1..4': the base scenario has no gpuFleet, so gpuFleet.gpus "
                        + "cannot vary; add a gpuFleet block to it"},
                {"workload.latencyTargetMs=0..100:2", "error: invalid --vary 'workload.latencyTargetMs=0..100:2': workload.latencyTargetMs: 0 is "
                        + "out of range; expected a number above 0 and at most 86400000"}};
        for (String[] invalid : cases) {
            CliRun run = CliRun.of("sweep", "-q", SAAS, "--vary", invalid[0], "--csv", csv.toString());

            assertThat(run.exitCode()).as("exit code for %s", invalid[0]).isEqualTo(2);
            assertThat(run.err()).as("error for %s", invalid[0]).isEqualTo(invalid[1] + "\n");
            assertThat(run.out()).as("output for %s", invalid[0]).isEmpty();
        }
        assertThat(csv).doesNotExist();
    }

    @Test
    void failedScenariosExitTwoAndNameTheFirst(@TempDir Path folder) {
        Path rules = FaultyRules.copyInto(folder.resolve("rules"));

        CliRun run = CliRun.of("sweep", "-q", "--rules", rules.toString(), SAAS, "--vary", "budget.monthlyUsd=500000,2000000");

        assertThat(run.exitCode()).isEqualTo(ExitCodes.INVALID_INPUT);
        assertThat(run.out()).contains("1 of them failed to evaluate and are left out of the tables below\n");
        assertThat(run.err()).startsWith("error: 1 of 2 scenarios failed to evaluate, first scenario 2: ")
                .contains("this test rule fails on purpose")
                .endsWith("; --csv FILE lists each failure\n");
        assertThat(run.err().lines()).hasSize(1);
    }

    @Test
    void inputVariedTwiceIsRejected() {
        CliRun run = CliRun.of("sweep", "-q", SAAS, "--vary", "org.aiEngineers=1,2", "--vary", "org.aiEngineers=3");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).isEqualTo("error: input org.aiEngineers is varied twice; give each input one --vary\n");
    }

    @Test
    void invalidCountsAreRejected() {
        CliRun sample = CliRun.of("sweep", "-q", SAAS, "--vary", "org.aiEngineers=1,2", "--sample", "0");
        CliRun threads = CliRun.of("sweep", "-q", SAAS, "--vary", "org.aiEngineers=1,2", "--threads", "0");
        CliRun seed = CliRun.of("sweep", "-q", SAAS, "--vary", "org.aiEngineers=1,2", "--seed", "3");
        CliRun huge = CliRun.of("sweep", "-q", SAAS, "--vary", "org.aiEngineers=1,2", "--sample", "999999999999");
        CliRun wordSeed = CliRun.of("sweep", "-q", SAAS, "--vary", "org.aiEngineers=1,2", "--sample", "3", "--seed", "abc");

        assertThat(sample.err()).isEqualTo("error: invalid --sample 0; expected a number of scenarios from 1 to 100,000,000\n");
        assertThat(huge.err()).isEqualTo("error: invalid --sample 999999999999; expected a number of scenarios from 1 to 100,000,000\n");
        assertThat(huge.exitCode()).isEqualTo(2);
        assertThat(wordSeed.err()).isEqualTo("error: Invalid value for option '--seed': 'abc' is not a whole number\n"
                + "Try 'advisor sweep --help' for more information.\n");
        assertThat(threads.err()).isEqualTo("error: invalid --threads 0; expected at least 1\n");
        assertThat(seed.err()).isEqualTo("error: --seed applies to --sample only; add --sample N or drop --seed\n");
        assertThat(List.of(sample.exitCode(), threads.exitCode(), seed.exitCode())).containsOnly(2);
    }

    @Test
    void helpListsEveryInput() {
        CliRun help = CliRun.of("help", "sweep");

        assertThat(help.exitCode()).isEqualTo(0);
        for (String name : SweepField.names()) {
            assertThat(help.out().replace("\n", " ")).as("help names %s", name).contains(name);
        }
    }
}
