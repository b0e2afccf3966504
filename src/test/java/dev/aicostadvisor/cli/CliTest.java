package dev.aicostadvisor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.aicostadvisor.TestRules;

/** The advisor command end to end: reports, exit codes, and rules edited without a rebuild. */
class CliTest {

    static final String STARTUP = "scenarios/seed-startup-prototype.yaml";
    static final String SAAS = "scenarios/saas-support-assistant.yaml";

    @Test
    void runPrintsEveryPhase() {
        CliRun run = CliRun.of("run", "-q", STARTUP);

        assertThat(run.exitCode()).isEqualTo(0);
        assertThat(run.out()).contains("Phase 1: Initial assessment\n  POC_Track      POC track\n",
                "Phase 2: Strategic assessment\n  Public         Public cloud services\n",
                "Phase 3: Optimization strategy\n  LargeModel     Large models (70B+) for complex reasoning\n",
                "Phase 4: Guardrails and monitoring\n  Budget1        Budget alerts\n",
                "Success check\n  Monitor        All metrics met: continue monitoring\n");
        assertThat(run.err()).isEmpty();
    }

    @Test
    void textReportMatchesGoldenFile() throws IOException {
        CliRun run = CliRun.of("run", "-q", STARTUP);

        assertThat(run.out()).isEqualTo(Files.readString(Path.of("src/test/resources/reports/seed-startup-prototype.txt")));
    }

    @Test
    void jsonGivesEveryNodeId() throws IOException {
        CliRun run = CliRun.of("run", "-q", "--format", "json", SAAS);

        JsonNode report = new ObjectMapper().readTree(run.out());
        List<String> nodes = new ArrayList<>();
        report.get("recommendations").forEach(item -> nodes.add(item.get("node").asText()));
        assertThat(run.exitCode()).isEqualTo(0);
        assertThat(report.get("scenario").asText()).isEqualTo("Mid-size SaaS support assistant");
        assertThat(nodes).containsExactly("Prod_Track", "MedBudget", "ModerateTech", "Vendor2",
                "Moderate", "CostFirst", "Deploy5", "Interactive", "Productivity", "Mixed",
                "LargeModel", "MediumModel", "SmallModel", "RAG", "Routing", "Cache", "TokenOpt", "Peak",
                "Budget1", "Budget2", "Metrics1", "Metrics3", "Collab1", "Collab2", "Opt1", "Opt2", "Adv2", "Adv3",
                "Optimize1", "Optimize3", "Iterate");
        JsonNode first = report.get("recommendations").get(0);
        assertThat(first.get("phase").asText()).isEqualTo("phase1");
        assertThat(first.get("title").asText()).isEqualTo("Production track");
        assertThat(first.get("rationale").asText()).isEqualTo("AI work so far is 8 months, from 3 months to 12 months.");
        assertThat(first.get("rule").asText()).isEqualTo("Q1 Prod_Track: maturity within the production band");
        assertThat(first.get("detail").asText()).startsWith("Production ready.");
    }

    @Test
    void invalidScenarioExitsTwoWithOneLine(@TempDir Path folder) throws IOException {
        Path bad = Files.writeString(folder.resolve("bad.yaml"),
                Files.readString(Path.of(SAAS)).replace("monthlyUsd: 45000", "monthlyUsd: -45000"));

        CliRun run = CliRun.of("run", "-q", bad.toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).isEqualTo("error: " + bad + ":10: budget.monthlyUsd: '-45000' is out of range; "
                + "expected a number from 0 to 10000000000, such as 45000\n");
    }

    @Test
    void brokenRuleFileExitsTwoWithFileAndLine(@TempDir Path folder) {
        Path rules = TestRules.copyRules(folder.resolve("rules"));
        TestRules.replace(rules.resolve("phase1/budget.drl"), "Budget($usd : monthlyUsd < $small)", "Budget($usd : monthlyUsd < $small");

        CliRun run = CliRun.of("run", "-q", "--rules", rules.toString(), SAAS);

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).isEqualTo("error: rules folder " + rules + " did not compile: 1 problem\n"
                + rules + "/phase1/budget.drl:31:1: [ERR 102] Line 31:0 mismatched input 'then' in rule "
                + "\"Q2 SmallBudget: budget below the small threshold\"\n");
    }

    @Test
    void checkPassesOnShippedRules() {
        CliRun run = CliRun.of("check", "-q");

        assertThat(run.exitCode()).isEqualTo(0);
        assertThat(run.out()).contains("PASS Mid-size SaaS support assistant (scenarios/saas-support-assistant.yaml)\n");
        assertThat(run.out()).endsWith("18 passed, 0 failed\n");
    }

    @Test
    void thresholdEditChangesCheckWithoutRebuild(@TempDir Path folder) {
        Path rules = TestRules.copyRules(folder.resolve("rules"));
        TestRules.replace(rules.resolve("phase1/budget.drl"),
                "smallBelowUsd : BigDecimal = new BigDecimal(\"10000\")",
                "smallBelowUsd : BigDecimal = new BigDecimal(\"50000\")");

        CliRun run = CliRun.of("check", "-q", "--rules", rules.toString());

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.out()).contains("""
                FAIL Mid-size SaaS support assistant (scenarios/saas-support-assistant.yaml)
                  missing:    MedBudget, Vendor2
                """);
        assertThat(run.out()).contains("""
                FAIL Every band at its lower edge (scenarios/edges/lower-edges.yaml)
                  missing:    MedBudget, Vendor2
                  unexpected: SmallBudget
                """);
        assertThat(run.out()).contains("""
                FAIL Clinic network summarising patient notes (scenarios/clinic-network-patient-notes.yaml)
                  missing:    MedBudget
                """);
        assertThat(run.out()).endsWith("14 passed, 4 failed\n");
    }

    @Test
    void checkSkipsScenarioWithoutExpectations(@TempDir Path folder) throws IOException {
        Path plain = Files.writeString(folder.resolve("plain.yaml"),
                Files.readString(Path.of(SAAS)).replaceAll("(?s)expect:.*", ""));

        CliRun run = CliRun.of("check", "-q", plain.toString(), SAAS);

        assertThat(run.exitCode()).isEqualTo(0);
        assertThat(run.out()).endsWith("1 scenario has no expect block and was skipped\n1 passed, 0 failed\n");
    }

    @Test
    void markdownMarksConflictsInBold() {
        CliRun run = CliRun.of("run", "-q", "-f", "markdown", "scenarios/clinic-network-patient-notes.yaml");

        assertThat(run.out()).contains("so a third-party closed-source service fits best. **Pulls apart from Deploy7.** |");
        assertThat(run.out()).doesNotContain("\\*");
        // 9.24 x (1 - 0.9676) x 1.20 = 0.36 and 9.24 x (1 - 0.7696) x 1.40 = 2.98: the extra cost of SpeedFirst is in both.
        assertThat(run.out()).contains("76.96-96.76% of token spend, before +20-40% of extra cost on token spend. "
                + "After all of them: 0.36 to 2.98 USD a month.\n");
    }

    @Test
    void explainAndSweepRejectStandardInput() {
        CliRun explain = CliRun.of("explain", "-q", "-");
        CliRun sweep = CliRun.of("sweep", "-q", "-", "--vary", "org.aiEngineers=1,2");

        assertThat(explain.err()).isEqualTo("error: explain reads a scenario file, not standard input; "
                + "save the scenario to a file and give its path\n");
        assertThat(sweep.err()).isEqualTo("error: sweep reads a scenario file, not standard input; "
                + "save the scenario to a file and give its path\n");
        assertThat(List.of(explain.exitCode(), sweep.exitCode())).containsOnly(ExitCodes.INVALID_INPUT);
    }

    @Test
    void checkWithNothingToCheckFails(@TempDir Path folder) throws IOException {
        Path plain = Files.writeString(folder.resolve("plain.yaml"),
                Files.readString(Path.of(SAAS)).replaceAll("(?s)expect:.*", ""));

        CliRun run = CliRun.of("check", "-q", plain.toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.out()).isEqualTo("1 scenario has no expect block and was skipped\n0 passed, 0 failed\n");
        assertThat(run.err()).isEqualTo("error: nothing to check in " + plain
                + ": no scenario has an expect block; add expect: {present: [NODE, ...]} to the fixtures\n");
    }

    @Test
    void checkWritesInvalidScenarioToStandardError(@TempDir Path folder) throws IOException {
        Path bad = Files.writeString(folder.resolve("bad.yaml"),
                Files.readString(Path.of(SAAS)).replace("monthlyUsd: 45000", "monthlyUsd: -45000"));

        CliRun run = CliRun.of("check", "-q", bad.toString(), STARTUP);

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).isEqualTo("error: " + bad + ":10: budget.monthlyUsd: '-45000' is out of range; "
                + "expected a number from 0 to 10000000000, such as 45000\n");
        assertThat(run.out()).isEqualTo("PASS Seed-stage startup's first prototype (" + STARTUP + ")\n"
                + "1 scenario is invalid\n"
                + "1 passed, 0 failed\n");
    }

    @Test
    void checkRejectsMissingPath(@TempDir Path folder) {
        String missing = folder.resolve("nowhere.yaml").toString();

        CliRun run = CliRun.of("check", "-q", SAAS, missing);

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).isEqualTo("error: " + missing + ": file not found\n");
        assertThat(run.out()).isEmpty();
    }

    @Test
    void checkRejectsEmptyFolder(@TempDir Path folder) {
        CliRun run = CliRun.of("check", "-q", folder.toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).isEqualTo("error: " + folder + ": the folder contains no scenario files (.yaml, .yml or .json)\n");
        assertThat(run.out()).isEmpty();
    }

    @Test
    void rulesFolderWithoutAPhaseIsRejected(@TempDir Path folder) throws IOException {
        Path rules = TestRules.copyRules(folder.resolve("rules"));
        for (String file : List.of("iterate.drl", "success_check.drl")) {
            Files.delete(rules.resolve("success").resolve(file));
        }

        CliRun run = CliRun.of("run", "-q", "--no-cache", "--rules", rules.toString(), SAAS);

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).isEqualTo("error: rules folder " + rules + ": no rule belongs to phase success; each phase needs at "
                + "least one rule with its ruleflow-group, as the shipped rules have in the folder of that name\n");
    }

    @Test
    void ruleFileWithByteOrderMarkCompiles(@TempDir Path folder) throws IOException {
        Path rules = TestRules.copyRules(folder.resolve("rules"));
        Path budget = rules.resolve("phase1/budget.drl");
        Files.writeString(budget, "\uFEFF" + Files.readString(budget));

        CliRun run = CliRun.of("check", "-q", "--no-cache", "--rules", rules.toString(), SAAS);

        assertThat(run.err()).isEmpty();
        assertThat(run.exitCode()).isEqualTo(0);
        assertThat(run.out()).endsWith("1 passed, 0 failed\n");
    }

    @Test
    void cacheDirThatIsAFileWarnsPlainly(@TempDir Path folder) throws IOException {
        Path rules = TestRules.copyRules(folder.resolve("rules"));
        // An edited copy, so that the rules are compiled and written to the cache rather than taken from the jar.
        Files.writeString(rules.resolve("phase1/budget.drl"), "\n// edited copy\n", StandardOpenOption.APPEND);
        Path file = Files.writeString(folder.resolve("cache-file"), "not a folder");
        ListAppender<ILoggingEvent> warnings = new ListAppender<>();
        Logger rulesLogger = (Logger) LoggerFactory.getLogger("dev.aicostadvisor.rules");
        warnings.start();
        rulesLogger.addAppender(warnings);

        CliRun run;
        try {
            run = CliRun.of("run", "--rules", rules.toString(), "--cache-dir", file.toString(), STARTUP);
        } finally {
            rulesLogger.detachAppender(warnings);
        }

        assertThat(run.exitCode()).isEqualTo(0);
        assertThat(warnings.list).filteredOn(event -> event.getLevel() == Level.INFO).extracting(ILoggingEvent::getFormattedMessage)
                .singleElement().asString().endsWith(", compiled, not cached");
        assertThat(warnings.list).filteredOn(event -> event.getLevel() == Level.WARN).extracting(ILoggingEvent::getFormattedMessage)
                .containsExactly("the compiled-rules cache folder "
                + file.toAbsolutePath() + " is a file, not a folder, so the rules compile on every run; give --cache-dir a folder, "
                + "or pass --no-cache");
    }

    @Test
    void unknownCommandSuggestsNearest() {
        CliRun run = CliRun.of("rnu", "scenarios");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).startsWith("error: unknown command 'rnu'; did you mean 'run'?\nCommands:\n  run ");
        assertThat(run.err()).contains("\n  check ", "\n  sweep ", "\n  help ");
        assertThat(run.err()).endsWith("Try 'advisor --help' for more information.\n");
        assertThat(run.out()).isEmpty();
    }

    @Test
    void unknownCommandListsCommands() {
        CliRun run = CliRun.of("bogus");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).startsWith("error: unknown command 'bogus'; give one of the commands below\nCommands:\n  run ");
        assertThat(run.err()).contains("\n  validate ", "\n  diff ");
        assertThat(run.err()).endsWith("Try 'advisor --help' for more information.\n");
    }

    @Test
    void missingCommandListsCommands() {
        CliRun run = CliRun.of();

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).startsWith("error: missing command; give one of the commands below\nCommands:\n  run ");
        assertThat(run.err()).contains("\n  explain ", "\n  coverage ");
        assertThat(run.err()).endsWith("Try 'advisor --help' for more information.\n");
    }

    @Test
    void unknownOptionKeepsOneLine() {
        CliRun run = CliRun.of("--bogus");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).isEqualTo("error: Unknown option: '--bogus'\nTry 'advisor --help' for more information.\n");
    }

    @Test
    void explainRejectsSecondFile() {
        CliRun run = CliRun.of("explain", "-q", STARTUP, SAAS);

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).isEqualTo("error: explain takes one scenario file, but 2 were given (" + STARTUP + ", " + SAAS
                + "); run explain once for each file\nTry 'advisor explain --help' for more information.\n");
        assertThat(run.out()).isEmpty();
    }

    @Test
    void sweepRejectsSecondFile() {
        CliRun run = CliRun.of("sweep", "-q", STARTUP, SAAS, "--vary", "org.aiEngineers=1,2");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).isEqualTo("error: sweep takes one base scenario file, but 2 were given (" + STARTUP + ", " + SAAS
                + "); sweep each file on its own\nTry 'advisor sweep --help' for more information.\n");
        assertThat(run.out()).isEmpty();
    }

    @Test
    void cacheDirHelpKeepsPathsWhole() {
        CliRun help = CliRun.of("run", "--help");

        assertThat(help.out()).contains("Default: $ADVISOR_CACHE_DIR when it is set,\n",
                "else $XDG_CACHE_HOME/ai-cost-advisor,\n", "else ~/.cache/ai-cost-advisor.\n");
    }

    @Test
    void emptyPathOptionIsRejected() {
        CliRun run = CliRun.of("run", "-q", "--rules=", SAAS);

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).isEqualTo("error: Invalid value for option '--rules': the path is empty; give a file or folder name\n"
                + "Try 'advisor run --help' for more information.\n");
        assertThat(run.out()).isEmpty();
    }

    @Test
    void subcommandHelpExitsZero() {
        CliRun help = CliRun.of("run", "--help");

        assertThat(help.exitCode()).isEqualTo(0);
        assertThat(help.out()).startsWith("Usage: advisor run ").contains("3   internal error in the advisor");
    }

    @Test
    void missingScenarioArgumentIsUsageError() {
        CliRun run = CliRun.of("run");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).startsWith("error: Missing required parameter: 'FILE'");
    }

    @Test
    void unknownFormatIsUsageError() {
        CliRun run = CliRun.of("run", "-q", "--format", "yaml", SAAS);

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).startsWith("error: Invalid value for option '--format': 'yaml'; expected text, markdown, json or jsonl");
    }

    @Test
    void helpAndVersionExitZero() {
        CliRun help = CliRun.of("--help");
        CliRun version = CliRun.of("--version");

        assertThat(help.exitCode()).isEqualTo(0);
        assertThat(help.out()).contains("Usage: advisor", "run", "check", "Exit codes:");
        assertThat(version.exitCode()).isEqualTo(0);
        assertThat(version.out()).startsWith("advisor ");
    }
}
