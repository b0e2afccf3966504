package dev.aicostadvisor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.aicostadvisor.FaultyRules;
import dev.aicostadvisor.TestRules;
import dev.aicostadvisor.report.JsonReportReader;
import dev.aicostadvisor.scenario.ScenarioReader;

/**
 * {@code advisor run} on many scenarios: a folder, or JSON Lines on standard input. A bad scenario is
 * reported by file or {@code stdin:LINE}, the others still run, a summary gives the counts, and the exit
 * code is 2 when any scenario was invalid or failed to evaluate.
 */
class BatchRunTest {

    static final String STARTUP_LINE = """
            {"name": "Startup", "org": {"aiMaturityMonths": 1, "aiEngineers": 1}, "budget": {"monthlyUsd": 3000}, \
            "workload": {"dataSensitivity": "LOW", "businessDriver": "SPEED", "latencyTargetMs": 1500, \
            "impact": "EXPERIMENTAL", "tokensPerMonth": 2000000, "pattern": "VARIABLE"}}""";

    static final String BANK_LINE = """
            {"name": "Bank", "org": {"aiMaturityMonths": 30, "aiEngineers": 12}, "budget": {"monthlyUsd": 250000}, \
            "workload": {"dataSensitivity": "HIGH", "businessDriver": "VALUE", "latencyTargetMs": 300, \
            "impact": "REVENUE", "tokensPerMonth": 500000000, "pattern": "CONSTANT"}}""";

    /** Returns the scenario names of a JSON Lines output, in order. */
    static List<String> scenarioNames(String jsonLines) {
        return JsonReportReader.readAll(jsonLines).stream().map(JsonReportReader.Report::scenario).toList();
    }

    static String sourceOf(String jsonLine) {
        try {
            return new ObjectMapper().readTree(jsonLine).get("source").asText();
        } catch (JsonProcessingException e) {
            throw new AssertionError("not a JSON line: " + jsonLine, e);
        }
    }

    static byte[] bytes(String... lines) {
        return (String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8);
    }

    static Path folderWithOneBadFile(Path folder) throws IOException {
        Files.copy(Path.of(CliTest.SAAS), folder.resolve("a-saas.yaml"));
        Files.writeString(folder.resolve("b-bad.yaml"),
                Files.readString(Path.of(CliTest.STARTUP)).replace("monthlyUsd: 3000", "monthlyUsd: 3,000"));
        Files.copy(Path.of(CliTest.STARTUP), folder.resolve("c-startup.yaml"));
        return folder;
    }

    @Test
    void folderWithOneBadFileRunsTheOthers(@TempDir Path folder) throws IOException {
        folderWithOneBadFile(folder);

        CliRun run = CliRun.of("run", "-q", "--format", "jsonl", folder.toString());

        assertThat(scenarioNames(run.out())).containsExactly("Mid-size SaaS support assistant", "Seed-stage startup's first prototype");
        assertThat(run.err()).isEqualTo("error: " + folder.resolve("b-bad.yaml") + ":10: budget.monthlyUsd: '3,000' has thousands "
                + "separators, so write 3000; expected a number from 0 to 10000000000, such as 45000\n"
                + "3 scenarios: 2 evaluated, 1 invalid\n");
        assertThat(run.exitCode()).isEqualTo(ExitCodes.INVALID_INPUT);
    }

    @Test
    void folderAsJsonGivesOneArray(@TempDir Path folder) throws IOException {
        folderWithOneBadFile(folder);

        CliRun run = CliRun.of("run", "-q", "--format", "json", folder.toString());

        assertThat(run.out()).startsWith("[\n{").endsWith("}\n]\n");
        assertThat(JsonReportReader.readAll(run.out())).extracting(JsonReportReader.Report::scenario)
                .containsExactly("Mid-size SaaS support assistant", "Seed-stage startup's first prototype");
    }

    @Test
    void jsonShapeFollowsCommandLine(@TempDir Path folder) throws IOException {
        Files.copy(Path.of(CliTest.STARTUP), folder.resolve("startup.yaml"));

        CliRun file = CliRun.of("run", "-q", "--format", "json", CliTest.STARTUP);
        CliRun folderOfOne = CliRun.of("run", "-q", "--format", "json", folder.toString());
        CliRun stdinOfOne = CliRun.withInput(bytes(STARTUP_LINE), "run", "-q", "--format", "json", "-");

        assertThat(file.out()).startsWith("{").endsWith("}\n");
        assertThat(file.err()).isEmpty();
        assertThat(folderOfOne.out()).startsWith("[\n{").endsWith("}\n]\n");
        assertThat(folderOfOne.err()).isEqualTo("1 scenario: 1 evaluated, 0 invalid\n");
        assertThat(stdinOfOne.out()).startsWith("[\n{").endsWith("}\n]\n");
        assertThat(stdinOfOne.err()).isEqualTo("1 scenario: 1 evaluated, 0 invalid\n");
        assertThat(JsonReportReader.readAll(folderOfOne.out())).extracting(JsonReportReader.Report::scenario)
                .containsExactly("Seed-stage startup's first prototype");
    }

    @Test
    void allValidExitsZeroWithSummary() {
        CliRun run = CliRun.of("run", "-q", CliTest.SAAS, CliTest.STARTUP);

        assertThat(run.exitCode()).isEqualTo(ExitCodes.OK);
        assertThat(run.err()).isEqualTo("2 scenarios: 2 evaluated, 0 invalid\n");
        assertThat(run.out()).contains("Mid-size SaaS support assistant\n", "Seed-stage startup's first prototype\n");
    }

    @Test
    void singleScenarioHasNoSummary() {
        CliRun run = CliRun.of("run", "-q", CliTest.STARTUP);

        assertThat(run.exitCode()).isEqualTo(ExitCodes.OK);
        assertThat(run.err()).isEmpty();
    }

    @Test
    void jsonLinesBadLineReported() {
        byte[] stdin = bytes(
                STARTUP_LINE,
                "",
                STARTUP_LINE.replace("\"aiEngineers\"", "\"engineers\""),
                BANK_LINE,
                "{\"name\": \"Unfinished\", ");

        CliRun run = CliRun.withInput(stdin, "run", "-q", "-");

        assertThat(scenarioNames(run.out())).containsExactly("Startup", "Bank");
        assertThat(run.out().lines().map(BatchRunTest::sourceOf)).containsExactly("stdin:1", "stdin:4");
        assertThat(run.err()).isEqualTo("""
                error: stdin:3: org.engineers: unknown field; did you mean 'aiEngineers'? org takes name, aiMaturityMonths, aiEngineers
                error: stdin:5: malformed JSON: Unexpected end-of-input within/between Object entries
                4 scenarios: 2 evaluated, 2 invalid
                """);
        assertThat(run.exitCode()).isEqualTo(ExitCodes.INVALID_INPUT);
    }

    @Test
    void yamlOnStandardInputGetsOneHint() throws IOException {
        CliRun run = CliRun.withInput(Files.readString(Path.of(CliTest.STARTUP)), "run", "-q", "-");

        assertThat(run.out()).isEmpty();
        assertThat(run.err()).isEqualTo("""
                error: stdin:1: standard input takes JSON Lines, one scenario as a JSON object on each line; \
                to read a YAML or multi-line JSON file, pass its path instead of -
                1 scenario: 0 evaluated, 1 invalid
                """);
        assertThat(run.exitCode()).isEqualTo(ExitCodes.INVALID_INPUT);
    }

    @Test
    void jsonLinesInvalidUtf8Reported() {
        ByteArrayOutputStream stdin = new ByteArrayOutputStream();
        stdin.writeBytes(bytes(STARTUP_LINE));
        // "Café" in ISO-8859-1: the byte 0xE9, at offset 13 of the line, starts a three-byte UTF-8 sequence
        // that does not follow.
        stdin.writeBytes(STARTUP_LINE.replace("\"Startup\"", "\"Caf\u00e9\"").getBytes(StandardCharsets.ISO_8859_1));
        stdin.writeBytes(bytes("", BANK_LINE));

        CliRun run = CliRun.withInput(stdin.toByteArray(), "run", "-q", "-");

        assertThat(scenarioNames(run.out())).containsExactly("Startup", "Bank");
        assertThat(run.err()).isEqualTo("error: stdin:2: invalid UTF-8 at byte 13 of the line; send the stream as UTF-8\n"
                + "3 scenarios: 2 evaluated, 1 invalid\n");
        assertThat(run.exitCode()).isEqualTo(ExitCodes.INVALID_INPUT);
    }

    @Test
    void jsonLinesOverlongLineIsSkipped() {
        String overlong = "{\"name\": \"" + "x".repeat(ScenarioReader.MAX_FILE_BYTES) + "\"}";

        CliRun run = CliRun.withInput(bytes(STARTUP_LINE, overlong, BANK_LINE), "run", "-q", "-");

        assertThat(scenarioNames(run.out())).containsExactly("Startup", "Bank");
        assertThat(run.err()).isEqualTo("error: stdin:2: the line is longer than 1048576 bytes; a scenario may be at most "
                + "1048576 bytes\n3 scenarios: 2 evaluated, 1 invalid\n");
    }

    @Test
    void jsonLinesAcceptsCrlfAndByteOrderMark() {
        byte[] stdin = ("\uFEFF" + STARTUP_LINE + "\r\n" + BANK_LINE + "\r\n").getBytes(StandardCharsets.UTF_8);

        CliRun run = CliRun.withInput(stdin, "run", "-q", "-");

        assertThat(scenarioNames(run.out())).containsExactly("Startup", "Bank");
        assertThat(run.err()).isEqualTo("2 scenarios: 2 evaluated, 0 invalid\n");
        assertThat(run.exitCode()).isEqualTo(ExitCodes.OK);
    }

    @Test
    void emptyStandardInputIsRejected(@TempDir Path folder) throws IOException {
        Path report = Files.writeString(folder.resolve("report.jsonl"), "earlier report\n");

        for (String stdin : List.of("", "\n\n", "  \r\n")) {
            CliRun run = CliRun.withInput(stdin, "run", "-q", "-", "-o", report.toString());

            assertThat(run.exitCode()).as("exit code for %s", stdin.length()).isEqualTo(ExitCodes.INVALID_INPUT);
            assertThat(run.err()).as("error for %s", stdin.length()).isEqualTo("error: stdin: standard input is empty or has only "
                    + "blank lines; - reads JSON Lines, one scenario as a JSON object on each line\n");
            assertThat(run.out()).isEmpty();
        }
        assertThat(Files.readString(report)).isEqualTo("earlier report\n");
        try (var listing = Files.list(folder)) {
            assertThat(listing).containsExactly(report);
        }
    }

    @Test
    void standardInputGivenTwiceIsRejected() {
        CliRun run = CliRun.withInput(bytes(STARTUP_LINE, BANK_LINE), "run", "-q", "-", CliTest.SAAS, "-");

        assertThat(run.exitCode()).isEqualTo(ExitCodes.INVALID_INPUT);
        assertThat(run.err()).isEqualTo("error: - is given 2 times, but standard input can be read only once; give - once\n"
                + "Try 'advisor run --help' for more information.\n");
        assertThat(run.out()).isEmpty();
    }

    @Test
    void missingPathStopsTheBatchBeforeItRuns(@TempDir Path folder) {
        String missing = folder.resolve("nowhere.yaml").toString();

        CliRun run = CliRun.of("run", "-q", CliTest.SAAS, missing, CliTest.STARTUP);

        assertThat(run.exitCode()).isEqualTo(ExitCodes.INVALID_INPUT);
        assertThat(run.err()).isEqualTo("error: " + missing + ": file not found\n");
        assertThat(run.out()).isEmpty();
    }

    @Test
    void emptyFolderStopsTheBatchBeforeItRuns(@TempDir Path folder) throws IOException {
        Path empty = Files.createDirectory(folder.resolve("empty"));
        Files.writeString(empty.resolve("notes.txt"), "not a scenario\n");

        CliRun run = CliRun.of("run", "-q", CliTest.SAAS, empty.toString());

        assertThat(run.exitCode()).isEqualTo(ExitCodes.INVALID_INPUT);
        assertThat(run.err()).isEqualTo("error: " + empty + ": the folder contains no scenario files (.yaml, .yml or .json)\n");
        assertThat(run.out()).isEmpty();
    }

    @Test
    void outputOntoInputScenarioIsRejected(@TempDir Path folder) throws IOException {
        Path self = Files.copy(Path.of(CliTest.STARTUP), folder.resolve("self.yaml"));
        Path link = Files.createSymbolicLink(folder.resolve("link.yaml"), self);
        String scenario = Files.readString(self);
        String[][] cases = {
                {self.toString(), self.toString()},
                {self.toString(), link.toString()},
                {folder.toString(), self.toString()},
                {self.toString(), folder + "/./self.yaml"},
        };

        for (String[] paths : cases) {
            CliRun run = CliRun.of("run", "-q", CliTest.SAAS, paths[0], "-o", paths[1]);

            assertThat(run.exitCode()).as("exit code for %s", List.of(paths)).isEqualTo(ExitCodes.INVALID_INPUT);
            assertThat(run.err()).as("error for %s", List.of(paths))
                    .isEqualTo("error: -o " + paths[1] + " is one of the input scenarios; write the report to another file\n");
            assertThat(run.out()).isEmpty();
        }
        assertThat(Files.readString(self)).isEqualTo(scenario);
        try (var listing = Files.list(folder)) {
            assertThat(listing).containsExactlyInAnyOrder(self, link);
        }
    }

    @Test
    void outputOntoPricingOrRulesIsRejected(@TempDir Path folder) throws IOException {
        Path pricing = Files.copy(Path.of("rules/pricing.yaml"), folder.resolve("pricing.yaml"));
        Path rules = FaultyRules.copyInto(folder.resolve("rules"));
        Path ruleFile = rules.resolve("phase1/budget.drl");
        String catalogue = Files.readString(pricing);
        String budgetRules = Files.readString(ruleFile);

        CliRun ontoPricing = CliRun.of("run", "-q", CliTest.SAAS, "--pricing", pricing.toString(), "-o", pricing.toString());
        CliRun ontoRuleFile = CliRun.of("run", "-q", CliTest.SAAS, "--rules", rules.toString(), "-o", ruleFile.toString());
        CliRun intoShippedRules = CliRun.of("run", "-q", CliTest.SAAS, "-o", "rules/report.txt");
        CliRun ontoShippedRules = CliRun.of("run", "-q", CliTest.SAAS, "-o", "rules");

        assertThat(ontoPricing.err()).isEqualTo("error: -o " + pricing + " is the --pricing file; write to another file\n");
        assertThat(ontoRuleFile.err()).isEqualTo("error: -o " + ruleFile + " is inside the rules folder " + rules
                + ", where it would replace or join the rule files; write it outside that folder\n");
        assertThat(intoShippedRules.err()).isEqualTo("error: -o rules/report.txt is inside the rules folder rules, "
                + "where it would replace or join the rule files; write it outside that folder\n");
        assertThat(ontoShippedRules.err()).isEqualTo("error: -o rules is the rules folder; write to a file outside it\n");
        assertThat(List.of(ontoPricing.exitCode(), ontoRuleFile.exitCode(), intoShippedRules.exitCode(), ontoShippedRules.exitCode()))
                .containsOnly(ExitCodes.INVALID_INPUT);
        assertThat(Files.readString(pricing)).isEqualTo(catalogue);
        assertThat(Files.readString(ruleFile)).isEqualTo(budgetRules);
        assertThat(Path.of("rules/report.txt")).doesNotExist();
    }

    @Test
    void runawayRuleFailsOnlyItsOwnLine(@TempDir Path folder) {
        Path rules = FaultyRules.copyInto(folder.resolve("rules"));
        String looping = STARTUP_LINE.replace("\"org\": {", "\"org\": {\"name\": \"" + FaultyRules.LOOP_TRIGGER + "\", ");
        String repeated = "\"" + FaultyRules.LOOPING_RULE + "\"";

        CliRun run = CliRun.withInput(bytes(STARTUP_LINE, looping, BANK_LINE),
                "run", "-q", "--rules", rules.toString(), "--max-firings", "500", "-");

        assertThat(scenarioNames(run.out())).containsExactly("Startup", "Bank");
        assertThat(run.err()).isEqualTo("error: stdin:2: evaluation of scenario 'Startup' stopped after 500 rule firings in "
                + "phase2; the rules that fired last: " + String.join(", ", repeated, repeated, repeated, repeated, repeated, repeated)
                + ". A rule that modifies a fact it matches fires again each time: add no-loop or a guard condition, "
                + "or raise the limit if these rules need more firings\n"
                + "3 scenarios: 2 evaluated, 1 failed to evaluate\n");
        assertThat(run.exitCode()).isEqualTo(ExitCodes.INVALID_INPUT);
    }

    @Test
    void summaryCountsFailedEvaluationsApart(@TempDir Path folder) {
        Path rules = FaultyRules.copyInto(folder.resolve("rules"));
        String looping = STARTUP_LINE.replace("\"org\": {", "\"org\": {\"name\": \"" + FaultyRules.LOOP_TRIGGER + "\", ");
        String invalid = STARTUP_LINE.replace("\"aiEngineers\"", "\"engineers\"");

        CliRun allFailed = CliRun.withInput(bytes(looping, looping),
                "run", "-q", "--rules", rules.toString(), "--max-firings", "500", "-");
        CliRun mixed = CliRun.withInput(bytes(looping, invalid),
                "run", "-q", "--rules", rules.toString(), "--max-firings", "500", "-");

        assertThat(allFailed.err()).endsWith("\n2 scenarios: 0 evaluated, 2 failed to evaluate\n");
        assertThat(allFailed.exitCode()).isEqualTo(ExitCodes.INVALID_INPUT);
        assertThat(allFailed.out()).isEmpty();
        assertThat(mixed.err()).endsWith("\n2 scenarios: 0 evaluated, 1 invalid, 1 failed to evaluate\n");
        assertThat(mixed.exitCode()).isEqualTo(ExitCodes.INVALID_INPUT);
        assertThat(mixed.out()).isEmpty();
    }

    @Test
    void summaryWording() {
        assertThat(RunCommand.summary(2, 0, 0)).isEqualTo("2 scenarios: 2 evaluated, 0 invalid");
        assertThat(RunCommand.summary(1, 0, 0)).isEqualTo("1 scenario: 1 evaluated, 0 invalid");
        assertThat(RunCommand.summary(38, 2, 0)).isEqualTo("40 scenarios: 38 evaluated, 2 invalid");
        assertThat(RunCommand.summary(0, 0, 2)).isEqualTo("2 scenarios: 0 evaluated, 2 failed to evaluate");
        assertThat(RunCommand.summary(3, 1, 1)).isEqualTo("5 scenarios: 3 evaluated, 1 invalid, 1 failed to evaluate");
    }

    @Test
    void jsonLinesOutputReadsBackAsEvaluated() {
        CliRun run = CliRun.withInput(bytes(STARTUP_LINE), "run", "-q", "-");

        JsonReportReader.Report report = JsonReportReader.read(run.out().strip());

        assertThat(report.recommendations()).isEqualTo(
                TestRules.advisor().evaluate(ScenarioReader.parseJsonLine(STARTUP_LINE, "stdin", 1)).recommendations());
    }
}
