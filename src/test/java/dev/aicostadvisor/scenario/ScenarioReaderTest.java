package dev.aicostadvisor.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import dev.aicostadvisor.model.BusinessDriver;
import dev.aicostadvisor.model.QueryMix;
import dev.aicostadvisor.model.Scenario;

/** Reading scenarios: the schema, and a one-line error for each way a file can be wrong. */
class ScenarioReaderTest {

    static final String VALID = """
            name: Support assistant
            org:
              name: Example Co
              aiMaturityMonths: 8
              aiEngineers: 3
            budget:
              monthlyUsd: 45000
            workload:
              dataSensitivity: MODERATE
              businessDriver: COST
              latencyTargetMs: 1200
              impact: PRODUCTIVITY
              tokensPerMonth: 40000000
              pattern: PEAKS
            """;

    /** Returns the valid scenario with one line replaced. */
    static String withLine(String from, String to) {
        assertThat(VALID).contains(from);
        return VALID.replace(from, to);
    }

    static String errorOf(String yaml) {
        try {
            ScenarioReader.parseYaml(yaml, "bad.yaml");
        } catch (InvalidScenarioException e) {
            return e.getMessage();
        }
        throw new AssertionError("expected the scenario to be rejected:\n" + yaml);
    }

    @Test
    void validScenarioReadsEveryField() {
        Scenario scenario = ScenarioReader.parseYaml(VALID, "ok.yaml");

        assertThat(scenario.getName()).isEqualTo("Support assistant");
        assertThat(scenario.getOrg().getAiMaturityMonths()).isEqualByComparingTo("8");
        assertThat(scenario.getOrg().getAiEngineers()).isEqualTo(3);
        assertThat(scenario.getBudget().getMonthlyUsd()).isEqualByComparingTo("45000");
        assertThat(scenario.getBudget().getSpentThisMonthUsd()).isNull();
        assertThat(scenario.getWorkload().getBusinessDriver()).isEqualTo(BusinessDriver.COST);
        assertThat(scenario.getWorkload().getTokensPerMonth()).isEqualTo(40_000_000L);
        assertThat(scenario.getWorkload().getQueryMix()).isEqualTo(QueryMix.DEFAULT);
        assertThat(scenario.getWorkload().isQueryMixGiven()).isFalse();
        assertThat(scenario.getGpuFleet()).isNull();
        assertThat(scenario.getExpectation()).isNull();
    }

    @Test
    void moneyStaysExactDecimal() {
        Scenario scenario = ScenarioReader.parseYaml(withLine("monthlyUsd: 45000", "monthlyUsd: 0.1"), "ok.yaml");

        assertThat(scenario.getBudget().getMonthlyUsd()).isEqualTo(new BigDecimal("0.1"));
    }

    @Test
    void jsonReadsLikeYaml() {
        String json = """
                {"name": "Support assistant",
                 "org": {"name": "Example Co", "aiMaturityMonths": 8, "aiEngineers": 3},
                 "budget": {"monthlyUsd": 45000},
                 "workload": {"dataSensitivity": "MODERATE", "businessDriver": "COST", "latencyTargetMs": 1200,
                              "impact": "PRODUCTIVITY", "tokensPerMonth": 40000000, "pattern": "PEAKS"}}
                """;

        assertThat(ScenarioReader.parseJson(json, "ok.json")).isEqualTo(ScenarioReader.parseYaml(VALID, "ok.yaml"));
    }

    @Test
    void enumValuesIgnoreCase() {
        Scenario scenario = ScenarioReader.parseYaml(withLine("businessDriver: COST", "businessDriver: cost"), "ok.yaml");

        assertThat(scenario.getWorkload().getBusinessDriver()).isEqualTo(BusinessDriver.COST);
    }

    @Test
    void noAsTextStaysText() {
        Scenario scenario = ScenarioReader.parseYaml(withLine("name: Example Co", "name: NO"), "ok.yaml");

        assertThat(scenario.getOrg().getName()).isEqualTo("NO");
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            monthlyUsd: 80%           | bad.yaml:7: budget.monthlyUsd: '80%' has a percent sign, so write the number alone; expected a number from 0 to 10000000000, such as 45000
            monthlyUsd: 1e6           | bad.yaml:7: budget.monthlyUsd: '1e6' uses an exponent, so write 1000000; expected a number from 0 to 10000000000, such as 45000
            monthlyUsd: "1,000,000"   | bad.yaml:7: budget.monthlyUsd: '1,000,000' has thousands separators, so write 1000000; expected a number from 0 to 10000000000, such as 45000
            monthlyUsd: 1_000         | bad.yaml:7: budget.monthlyUsd: '1_000' has underscores, so write 1000; expected a number from 0 to 10000000000, such as 45000
            monthlyUsd: 0123          | bad.yaml:7: budget.monthlyUsd: '0123' has a leading zero, which YAML 1.1 reads as octal, so write 123; expected a number from 0 to 10000000000, such as 45000
            monthlyUsd: 0x10          | bad.yaml:7: budget.monthlyUsd: '0x10' is not a decimal number; expected a number from 0 to 10000000000, such as 45000
            monthlyUsd: $45000        | bad.yaml:7: budget.monthlyUsd: '$45000' has a currency sign, so write the amount in USD alone; expected a number from 0 to 10000000000, such as 45000
            monthlyUsd: .nan          | bad.yaml:7: budget.monthlyUsd: '.nan' is not a finite number; expected a number from 0 to 10000000000, such as 45000
            monthlyUsd: .inf          | bad.yaml:7: budget.monthlyUsd: '.inf' is not a finite number; expected a number from 0 to 10000000000, such as 45000
            monthlyUsd: off           | bad.yaml:7: budget.monthlyUsd: 'off' is not a number; expected a number from 0 to 10000000000, such as 45000
            monthlyUsd: "45000"       | bad.yaml:7: budget.monthlyUsd: '45000' is quoted text; write the number without quotes
            monthlyUsd: -5            | bad.yaml:7: budget.monthlyUsd: '-5' is out of range; expected a number from 0 to 10000000000, such as 45000
            monthlyUsd: 99999999999   | bad.yaml:7: budget.monthlyUsd: '99999999999' is out of range; expected a number from 0 to 10000000000, such as 45000
            monthlyUsd: 1.0000000001  | bad.yaml:7: budget.monthlyUsd: '1.0000000001' has more than 9 decimal places; expected a number from 0 to 10000000000, such as 45000
            monthlyUsd:               | bad.yaml:7: budget.monthlyUsd: missing; expected a number
            aiEngineers: 3.5          | bad.yaml:5: org.aiEngineers: '3.5' is not a whole number; expected a whole number from 0 to 1000000, such as 3
            latencyTargetMs: 0        | bad.yaml:11: workload.latencyTargetMs: '0' is out of range; expected a number above 0 and at most 86400000, such as 1200
            dataSensitivity: SECRET   | bad.yaml:9: workload.dataSensitivity: 'SECRET' is not allowed; expected one of LOW, MODERATE, HIGH
            dataSensitivity: NO       | bad.yaml:9: workload.dataSensitivity: 'NO' is not allowed; expected one of LOW, MODERATE, HIGH
            aiEngineers: 3            | bad.yaml:5: org.aiEngineer: unknown field; did you mean 'aiEngineers'? org takes name, aiMaturityMonths, aiEngineers
            """)
    void badValueNamesFieldAndAllowedValues(String replacement, String expected) {
        String yaml = replacement.startsWith("aiEngineers: 3") && expected.contains("unknown field")
                ? withLine("aiEngineers: 3", "aiEngineer: 3")
                : withLine(replacement.substring(0, replacement.indexOf(':') + 1) + " " + valueOf(replacement), replacement);

        assertThat(errorOf(yaml)).isEqualTo(expected);
    }

    /** Returns the valid scenario's value of the field a replacement line sets. */
    private static String valueOf(String replacement) {
        String key = replacement.substring(0, replacement.indexOf(':') + 1);
        for (String line : VALID.split("\n")) {
            if (line.strip().startsWith(key)) {
                return line.strip().substring(key.length()).strip();
            }
        }
        throw new AssertionError("no line starts with " + key);
    }

    @Test
    void unknownTopLevelFieldSuggestsName() {
        assertThat(errorOf(withLine("name: Support assistant", "nme: Support assistant")))
                .isEqualTo("bad.yaml:1: nme: unknown field; did you mean 'name'? A scenario takes name, description, org, "
                        + "budget, workload, gpuFleet, metrics, forecast, expect");
    }

    @Test
    void unknownFieldFarFromAnyNameHasNoSuggestion() {
        assertThat(errorOf(VALID + "colour: blue\n"))
                .isEqualTo("bad.yaml:15: colour: unknown field; a scenario takes name, description, org, budget, workload, "
                        + "gpuFleet, metrics, forecast, expect");
    }

    @Test
    void missingSectionIsNamed() {
        String noBudget = VALID.replace("budget:\n  monthlyUsd: 45000\n", "");

        assertThat(errorOf(noBudget)).isEqualTo("bad.yaml:1: budget: missing; expected a map with monthlyUsd, spentThisMonthUsd");
    }

    @Test
    void queryMixMustSumToOne() {
        String yaml = VALID + "  queryMix: {complex: 0.5, balanced: 0.6, simple: 0.2}\n";

        assertThat(errorOf(yaml)).isEqualTo("bad.yaml:15: workload.queryMix: the shares sum to 1.3; "
                + "expected complex + balanced + simple = 1, such as 0.2, 0.6 and 0.2");
    }

    @Test
    void expectNamesOnlyFlowchartNodes() {
        String yaml = VALID + "expect:\n  present: [Vendor2, Deploy55]\n";

        assertThat(errorOf(yaml)).isEqualTo("bad.yaml:16: expect.present: 'Deploy55' is not a flowchart node; did you mean 'Deploy5'?");
    }

    @Test
    void emptyExpectBlockIsRejected() {
        String yaml = VALID + "expect: {}\n";

        assertThat(errorOf(yaml)).isEqualTo("bad.yaml:15: expect: checks nothing; list node ids under present or absent, "
                + "such as present: [Vendor1], or remove expect");
    }

    @Test
    void nameWithLineBreakIsRejected() {
        String yaml = VALID.replace("name: Support assistant", "name: \"Line one\\nPhase 1: Forged\"");

        assertThat(errorOf(yaml)).isEqualTo("bad.yaml:1: name: has a line break; write it on one line");
    }

    @Test
    void fleetWithoutGpusIsRejected() {
        String yaml = VALID + "gpuFleet: {gpus: 0, utilizationPercent: 40, hourlyCostUsd: 2.5}\n";

        assertThat(errorOf(yaml)).isEqualTo("bad.yaml:15: gpuFleet.gpus: '0' is out of range; "
                + "expected a whole number from 1 to 10000000, such as 16");
    }

    @Test
    void unclosedJsonObjectNamesWhereItOpened() {
        assertThatThrownBy(() -> ScenarioReader.parseJson("{\"name\": \"x\", \"budget\": {\"monthlyUsd\": 1}\n", "bad.json"))
                .isInstanceOf(InvalidScenarioException.class)
                .hasMessage("bad.json:2: malformed JSON: Unexpected end-of-input: expected close marker for Object, opened on line 1, column 1");
    }

    @Test
    void duplicateKeyNamesBothLines() {
        String yaml = withLine("  monthlyUsd: 45000", "  monthlyUsd: 45000\n  monthlyUsd: 50000");

        assertThat(errorOf(yaml)).isEqualTo("bad.yaml:8: budget.monthlyUsd: duplicate key; line 7 already gives it, "
                + "and each field may appear once");
    }

    @Test
    void aliasIsRejectedNotExpanded() {
        StringBuilder bomb = new StringBuilder("a: &a [\"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\"]\n");
        for (char name = 'b'; name <= 'j'; name++) {
            char previous = (char) (name - 1);
            bomb.append(name).append(": &").append(name).append(" [*").append(previous).append(", *").append(previous)
                    .append(", *").append(previous).append(", *").append(previous).append(", *").append(previous).append("]\n");
        }

        assertThat(errorOf(bomb.toString())).isEqualTo("bad.yaml:2: b[0]: YAML aliases such as '*a' are not supported; write the value out");
    }

    @Test
    void javaClassTagIsRejected() {
        assertThat(errorOf(withLine("monthlyUsd: 45000", "monthlyUsd: !!javax.script.ScriptEngineManager [45000]")))
                .isEqualTo("bad.yaml:7: budget.monthlyUsd: YAML tags such as '!!javax.script.ScriptEngineManager' are not allowed; remove the tag");
    }

    @Test
    void deepNestingIsRejectedEarly() {
        String deep = "name: " + "[".repeat(100_000) + "]".repeat(100_000) + "\n";

        assertThat(errorOf(deep)).isEqualTo("bad.yaml:1: name: nested more than 16 levels deep; a scenario is at most 3 levels deep");
    }

    @Test
    void topLevelListIsRejected() {
        assertThat(errorOf("- a\n- b\n"))
                .isEqualTo("bad.yaml:1: expected a map of fields such as 'name:' and 'org:' at the top, found a list");
    }

    @Test
    void secondDocumentIsRejected() {
        assertThat(errorOf(VALID + "---\n" + VALID))
                .isEqualTo("bad.yaml:16: more than one document; give one scenario per file (or per line, for JSON Lines)");
    }

    @Test
    void malformedJsonNamesLine() {
        assertThatThrownBy(() -> ScenarioReader.parseJson("{\"name\": \"x\",\n", "bad.json"))
                .isInstanceOf(InvalidScenarioException.class)
                .hasMessage("bad.json:2: malformed JSON: Unexpected end-of-input within/between Object entries");
    }

    @Test
    void emptyFileIsRejected(@TempDir Path folder) throws IOException {
        Path file = Files.writeString(folder.resolve("empty.yaml"), "");

        assertThatThrownBy(() -> ScenarioReader.read(file))
                .hasMessage(file + ": the scenario is empty; it needs at least name, org, budget and workload");
    }

    @Test
    void missingFileIsRejected(@TempDir Path folder) {
        Path file = folder.resolve("nowhere.yaml");

        assertThatThrownBy(() -> ScenarioReader.read(file)).hasMessage(file + ": file not found");
    }

    @Test
    void folderIsRejected(@TempDir Path folder) {
        assertThatThrownBy(() -> ScenarioReader.read(folder))
                .hasMessage(folder + ": is a folder; give a scenario file (.yaml, .yml or .json)");
    }

    @Test
    void invalidUtf8NamesLineAndByte(@TempDir Path folder) throws IOException {
        byte[] latin1 = (VALID.replace("Example Co", "Caf\u00e9 Co")).getBytes(StandardCharsets.ISO_8859_1);
        Path file = Files.write(folder.resolve("latin1.yaml"), latin1);

        assertThatThrownBy(() -> ScenarioReader.read(file))
                .hasMessage(file + ":3: invalid UTF-8 at byte 40; save the file as UTF-8");
    }

    @Test
    void oversizedFileIsRejected(@TempDir Path folder) throws IOException {
        Path file = Files.writeString(folder.resolve("big.yaml"), "#" + "x".repeat(ScenarioReader.MAX_FILE_BYTES) + "\n");

        assertThatThrownBy(() -> ScenarioReader.read(file))
                .hasMessage(file + ": the file is 1048578 bytes; a scenario file may be at most 1048576 bytes");
    }

    @Test
    void byteOrderMarkIsIgnored(@TempDir Path folder) throws IOException {
        Path file = Files.writeString(folder.resolve("bom.yaml"), "\uFEFF" + VALID);

        assertThat(ScenarioReader.read(file).getName()).isEqualTo("Support assistant");
    }

    @Test
    void jsonLineErrorsNameTheStreamLine() {
        assertThatThrownBy(() -> ScenarioReader.parseJsonLine("{\"name\": \"x\", \"org\": 5}", "stdin", 42))
                .hasMessage("stdin:42: org: expected a map with name, aiMaturityMonths, aiEngineers, found '5'");
    }
}
