package dev.aicostadvisor.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.aicostadvisor.TestRules;

/** {@code advisor diff}: the scenarios that a rule edit changes, against a git revision or another folder. */
class DiffCommandTest {

    static final String BUDGET = "phase1/budget.drl";
    static final String SMALL_10000 = "smallBelowUsd : BigDecimal = new BigDecimal(\"10000\")";
    static final String SMALL_50000 = "smallBelowUsd : BigDecimal = new BigDecimal(\"50000\")";

    @BeforeAll
    static void needsGit() {
        assumeTrue(runs("git", "--version"), "git is not installed");
    }

    @Test
    void thresholdEditListsChangedFixtures(@TempDir Path folder) {
        Path rules = committedRules(folder);
        TestRules.replace(rules.resolve(BUDGET), SMALL_10000, SMALL_50000);

        CliRun run = CliRun.of("diff", "-q", "--rules", rules.toString());

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.out()).matches("(?s)base:    rules/ at HEAD \\([0-9a-f]{7}\\)\nchanged: rules folder " + rules + "\n\n.*");
        List<String> scenarios = run.out().lines().filter(line -> line.endsWith(".yaml)") || line.endsWith(".json)")).toList();
        assertThat(scenarios).containsExactly(
                "Clinic network summarising patient notes (scenarios/clinic-network-patient-notes.yaml)",
                "Every band at its lower edge (scenarios/edges/lower-edges.yaml)",
                "News publisher's archive summarisation pilot (scenarios/publisher-archive-pilot.yaml)",
                "Mid-size SaaS support assistant (scenarios/saas-support-assistant.yaml)");
        assertThat(run.out()).contains("""
                Clinic network summarising patient notes (scenarios/clinic-network-patient-notes.yaml)
                  + SmallBudget   Monthly budget 25,000 USD is below 50,000 USD.
                  - MedBudget     Monthly budget 25,000 USD is from 10,000 USD to 100,000 USD.
                  + note          conflict: The budget is small (SmallBudget), yet speed comes first (SpeedFirst), \
                which accepts 20-40% higher costs. Expect the budget alerts to fire early, or agree a larger budget for the launch.
                """);
        assertThat(run.out()).contains("""
                Mid-size SaaS support assistant (scenarios/saas-support-assistant.yaml)
                  + SmallBudget   Monthly budget 45,000 USD is below 50,000 USD.
                  - MedBudget     Monthly budget 45,000 USD is from 10,000 USD to 100,000 USD.
                  + Vendor1       Budget band SmallBudget and capability band ModerateTech: the lower rank is 1, \
                so a third-party closed-source service fits best.
                  - Vendor2       Budget band MedBudget and capability band ModerateTech: the lower rank is 2, \
                so evaluate third-party open-source models against a cloud provider's.
                """);
        assertThat(run.out()).endsWith("\n4 scenarios of 18 change their outcomes; 9 more keep their outcomes but change "
                + "a rationale or rule (list them with --rationale)\n");
    }

    @Test
    void unchangedWorkingCopyNeedsNoEvaluation(@TempDir Path folder) {
        Path rules = committedRules(folder);

        CliRun run = CliRun.of("diff", "-q", "--rules", rules.toString(), "--base", "HEAD");

        assertThat(run.exitCode()).isEqualTo(0);
        assertThat(run.out()).endsWith("\nThe two rule sets are the same, so no scenario changes.\n");
        assertThat(run.err()).isEmpty();
    }

    @Test
    void sameRulesStillRejectMissingScenario(@TempDir Path folder) {
        Path rules = committedRules(folder);
        String missing = folder.resolve("nowhere.yaml").toString();

        CliRun run = CliRun.of("diff", "-q", "--rules", rules.toString(), missing);

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).isEqualTo("error: " + missing + ": file not found\n");
        assertThat(run.out()).isEmpty();
    }

    @Test
    void sameRulesStillRejectInvalidScenario(@TempDir Path folder) throws IOException {
        Path base = TestRules.copyRules(folder.resolve("base"));
        Path same = TestRules.copyRules(folder.resolve("same"));
        Path bad = Files.writeString(folder.resolve("bad.yaml"),
                Files.readString(Path.of(CliTest.SAAS)).replace("monthlyUsd: 45000", "monthlyUsd: -45000"));

        CliRun run = CliRun.of("diff", "-q", "--base", base.toString(), "--rules", same.toString(), bad.toString(), CliTest.STARTUP);

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).isEqualTo("error: " + bad + ":10: budget.monthlyUsd: '-45000' is out of range; "
                + "expected a number from 0 to 10000000000, such as 45000\n");
        assertThat(run.out()).isEqualTo("base:    rules folder " + base + "\n"
                + "changed: rules folder " + same + "\n\n"
                + "The two rule sets are the same, so no scenario changes.\n"
                + "1 scenario is invalid, and not compared\n");
    }

    @Test
    void baseFolderWithRationaleChanges(@TempDir Path folder) {
        Path base = TestRules.copyRules(folder.resolve("base"));
        Path edited = TestRules.copyRules(folder.resolve("edited"));
        TestRules.replace(edited.resolve(BUDGET), SMALL_10000, SMALL_50000);

        CliRun run = CliRun.of("diff", "-q", "--rationale", "--base", base.toString(), "--rules", edited.toString(),
                "scenarios/ecommerce-product-search.yaml");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.out()).isEqualTo("base:    rules folder " + base + "\n"
                + "changed: rules folder " + edited + "\n\n"
                + "E-commerce product search and recommendations (scenarios/ecommerce-product-search.yaml)\n"
                + "  ~ MedBudget     Monthly budget 60,000 USD is from 50,000 USD to 100,000 USD.\n"
                + "                  was: Monthly budget 60,000 USD is from 10,000 USD to 100,000 USD.\n"
                + "\n"
                + "1 scenario of 1 changes its outcomes or the reasons for them\n");
    }

    @Test
    void rationaleChangeAloneExitsZero(@TempDir Path folder) {
        Path base = TestRules.copyRules(folder.resolve("base"));
        Path edited = TestRules.copyRules(folder.resolve("edited"));
        TestRules.replace(edited.resolve(BUDGET), SMALL_10000, SMALL_50000);

        CliRun run = CliRun.of("diff", "-q", "--base", base.toString(), "--rules", edited.toString(),
                "scenarios/ecommerce-product-search.yaml");

        assertThat(run.exitCode()).isEqualTo(0);
        assertThat(run.out()).isEqualTo("base:    rules folder " + base + "\n"
                + "changed: rules folder " + edited + "\n\n"
                + "0 scenarios of 1 change their outcomes; 1 more keeps its outcomes but changes a rationale or rule "
                + "(list it with --rationale)\n");
        assertThat(run.err()).isEmpty();
    }

    @Test
    void summaryAgreesWithEachCount() {
        assertThat(DiffCommand.summary(0, 1, 1, false))
                .isEqualTo("0 scenarios of 1 change their outcomes; 1 more keeps its outcomes but changes a rationale or rule "
                        + "(list it with --rationale)");
        assertThat(DiffCommand.summary(1, 19, 0, false)).isEqualTo("1 scenario of 19 changes its outcomes");
        assertThat(DiffCommand.summary(4, 18, 9, false))
                .isEqualTo("4 scenarios of 18 change their outcomes; 9 more keep their outcomes but change a rationale or rule "
                        + "(list them with --rationale)");
        assertThat(DiffCommand.summary(2, 2, 0, true)).isEqualTo("2 scenarios of 2 change their outcomes or the reasons for them");
        assertThat(DiffCommand.summary(0, 0, 0, false)).isEqualTo("No scenario was compared");
    }

    @Test
    void folderOutsideGitIsOneLineError(@TempDir Path folder) {
        Path rules = TestRules.copyRules(folder.resolve("rules"));

        CliRun run = CliRun.of("diff", "-q", "--rules", rules.toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).isEqualTo("error: " + rules.toAbsolutePath() + " is not in a git repository; "
                + "give --base DIR to compare with another rules folder\n");
    }

    @Test
    void unknownRevisionIsOneLineError(@TempDir Path folder) throws IOException {
        Path rules = committedRules(folder);

        CliRun run = CliRun.of("diff", "-q", "--rules", rules.toString(), "--base", "no-such-branch");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).isEqualTo("error: --base 'no-such-branch' is neither a folder nor a known git revision of "
                + "the repository at " + rules.getParent().toRealPath() + "; give a commit, branch or tag, or a rules folder\n");
    }

    @Test
    void rulesMissingAtRevisionIsOneLineError(@TempDir Path folder) throws IOException {
        Path repo = Files.createDirectories(folder.resolve("repo"));
        Files.writeString(repo.resolve("README.md"), "rules come later\n");
        git(repo, "init", "-q");
        git(repo, "add", "README.md");
        commit(repo);
        Path rules = TestRules.copyRules(repo.resolve("rules"));

        CliRun run = CliRun.of("diff", "-q", "--rules", rules.toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).matches("error: rules/ does not exist at revision HEAD \\([0-9a-f]{7}\\)\n");
    }

    @Test
    void brokenBaseIsReported(@TempDir Path folder) {
        Path base = TestRules.copyRules(folder.resolve("base"));
        TestRules.replace(base.resolve(BUDGET), "Budget($usd : monthlyUsd < $small)", "Budget($usd : monthlyUsd < $small");

        CliRun run = CliRun.of("diff", "-q", "--base", base.toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).isEqualTo("error: the base rules, rules folder " + base + ", do not compile, so there is nothing "
                + "to compare with: rules folder " + base + " did not compile: 1 problem\n"
                + base + "/phase1/budget.drl:31:1: [ERR 102] Line 31:0 mismatched input 'then' in rule "
                + "\"Q2 SmallBudget: budget below the small threshold\"\n");
    }

    /** Creates a git repository whose first commit holds a copy of the project's rules, and returns that rules folder. */
    static Path committedRules(Path folder) {
        Path repo = folder.resolve("repo");
        Path rules = TestRules.copyRules(repo.resolve("rules"));
        git(repo, "init", "-q");
        git(repo, "add", "rules");
        commit(repo);
        return rules;
    }

    static void commit(Path repo) {
        git(repo, "-c", "user.name=Advisor Test", "-c", "user.email=advisor-test@example.invalid", "-c", "commit.gpgsign=false",
                "commit", "-q", "-m", "Add the rules");
    }

    static void git(Path repo, String... arguments) {
        List<String> command = new ArrayList<>(List.of("git", "-C", repo.toString()));
        command.addAll(List.of(arguments));
        if (!runs(command.toArray(String[]::new))) {
            throw new IllegalStateException("failed: " + String.join(" ", command));
        }
    }

    static boolean runs(String... command) {
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            return process.waitFor(60, TimeUnit.SECONDS) && process.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
