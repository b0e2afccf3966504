package dev.aicostadvisor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** The forecast on the command line: another pricing file, the JSON fields, and bad pricing input. */
class ForecastCliTest {

    static final String LITELLM = "src/test/resources/pricing/litellm-sample.json";

    static Path scenarioNaming(Path folder, String large, String medium) throws IOException {
        return Files.writeString(folder.resolve("named-models.yaml"), """
                name: Named models
                org: {aiMaturityMonths: 8, aiEngineers: 3}
                budget: {monthlyUsd: 45000}
                workload:
                  dataSensitivity: LOW
                  businessDriver: VALUE
                  latencyTargetMs: 1200
                  impact: PRODUCTIVITY
                  tokensPerMonth: 100000000
                  pattern: PEAKS
                  queryMix: {complex: 0.5, balanced: 0.5, simple: 0}
                forecast:
                  models: {large: %s, medium: %s}
                """.formatted(large, medium));
    }

    @Test
    void liteLlmPricesTheForecast(@TempDir Path folder) throws IOException {
        Path scenario = scenarioNaming(folder, "example-large", "example-instruct");

        CliRun run = CliRun.of("run", "-q", "--pricing", LITELLM, scenario.toString());

        // 50M tokens each, 75% input: example-large 37.5M x 2.50 + 12.5M x 10 = 218.75;
        // example-instruct 37.5M x 1.50 + 12.5M x 2 = 81.25; together 300.00.
        assertThat(run.exitCode()).isEqualTo(0);
        assertThat(run.out()).contains("  Large   example-large           50% of queries, 50,000,000 tokens     218.75\n");
        assertThat(run.out()).contains("  Medium  example-instruct        50% of queries, 50,000,000 tokens      81.25\n");
        assertThat(run.out()).contains("  Total this month                                                      300.00\n");
        assertThat(run.out()).contains("Model prices: Imported 3 models from litellm-sample.json and skipped 7:");
    }

    @Test
    void jsonCarriesForecastFigures(@TempDir Path folder) throws IOException {
        Path scenario = scenarioNaming(folder, "example-large", "example-instruct");

        CliRun run = CliRun.of("run", "-q", "--format", "json", "--pricing", LITELLM, scenario.toString());

        JsonNode forecast = new ObjectMapper().readTree(run.out()).get("forecast");
        assertThat(forecast.get("monthlyUsd").decimalValue()).isEqualByComparingTo("300.00");
        assertThat(forecast.get("classes").get(0).get("model").asText()).isEqualTo("example-large");
        assertThat(forecast.get("classes").get(0).get("prices").get("inputPerMillionUsd").decimalValue()).isEqualByComparingTo("2.5");
        assertThat(forecast.get("projection")).hasSize(13);
        assertThat(forecast.get("savings").get("tokenSavingHigh").decimalValue()).isLessThan(java.math.BigDecimal.ONE);
    }

    @Test
    void importedPricesShowFileDate(@TempDir Path folder) throws IOException {
        Path scenario = scenarioNaming(folder, "example-large", "gpt-4.1-mini");
        Path map = Files.copy(Path.of(LITELLM), folder.resolve("ll.json"));
        Files.setLastModifiedTime(map, FileTime.from(Instant.parse("2020-01-01T12:00:00Z")));

        CliRun text = CliRun.of("run", "-q", "--pricing", map.toString(), scenario.toString());
        CliRun markdown = CliRun.of("run", "-q", "--format", "markdown", "--pricing", map.toString(), scenario.toString());
        CliRun json = CliRun.of("run", "-q", "--format", "json", "--pricing", map.toString(), scenario.toString());

        // The text report wraps its lines, so its words are compared with single spaces between them.
        String words = text.out().replaceAll("\\s+", " ");
        assertThat(words).contains("Source: LiteLLM model cost map, ll.json, file dated 2020-01-01.");
        assertThat(words).doesNotContain("as of 2020-01-01");
        assertThat(markdown.out()).contains("Source: LiteLLM model cost map, ll.json, file dated 2020-01-01.");
        JsonNode classes = new ObjectMapper().readTree(json.out()).get("forecast").get("classes");
        JsonNode imported = classes.get(0).get("prices");
        assertThat(imported.get("fileDated").asText()).isEqualTo("2020-01-01");
        assertThat(imported.has("asOf")).isFalse();
        JsonNode catalogued = classes.get(1).get("prices");
        assertThat(catalogued.get("asOf").asText()).isEqualTo("2026-07-24");
        assertThat(catalogued.has("fileDated")).isFalse();
    }

    @Test
    void breakEvenComparesWorkloadOwnSpend() {
        CliRun text = CliRun.of("run", "-q", "scenarios/consumer-chatbot-growth.yaml");
        CliRun markdown = CliRun.of("run", "-q", "--format", "markdown", "scenarios/consumer-chatbot-growth.yaml");

        String words = text.out().replaceAll("\\s+", " ");
        assertThat(words).contains("so against it provisioned throughput breaks even at 2,971,428,572 tokens a month. "
                + "The scenario's models have no provisioned unit in the catalogue, so the workload would have to move to "
                + "azure/gpt-4o. Its 3,000,000,000 tokens a month need 50 PTU, which cost 13,000.00 a month, against a "
                + "forecast token spend of 4,965.00 on its own models: stay on-demand. Phase 2 reached Provisioned on the "
                + "token volume alone, and this cost comparison does not support it. ");
        assertThat(words).doesNotContain("provisioned throughput costs less");
        assertThat(markdown.out()).contains("so this workload's 3,000,000,000 tokens a month would move to `azure/gpt-4o`: "
                + "50 PTU cost 13,000.00 USD a month against a forecast token spend of 4,965.00 USD, so stay on-demand. "
                + "Phase 2 reached Provisioned on the token volume alone, and this cost comparison does not support it.\n");
    }

    @Test
    void hugeAmountsKeepColumnsApart(@TempDir Path folder) throws IOException {
        Path scenario = Files.writeString(folder.resolve("huge.yaml"), """
                name: Huge volume
                org: {aiMaturityMonths: 20, aiEngineers: 50}
                budget: {monthlyUsd: 10000000000}
                workload:
                  dataSensitivity: LOW
                  businessDriver: COST
                  latencyTargetMs: 1200
                  impact: PRODUCTIVITY
                  tokensPerMonth: 10000000000000000
                  pattern: CONSTANT
                forecast:
                  weeklyGrowthPercent: 5
                  history:
                    - {week: 2026-11-02, forecastUsd: 10000000000, actualUsd: 10000000000}
                """);

        CliRun run = CliRun.of("run", "-q", scenario.toString());

        // Every amount moves right together, two spaces after the longest label.
        assertThat(run.out()).contains("Cost forecast, USD a month\n"
                + "  Large   gpt-4.1                 20% of queries, 2,000,000,000,000,000 tokens  7,000,000,000.00\n"
                + "  Medium  gpt-4.1-mini            60% of queries, 6,000,000,000,000,000 tokens  4,200,000,000.00\n"
                + "  Small   gpt-4.1-nano            20% of queries, 2,000,000,000,000,000 tokens    350,000,000.00\n"
                + "  Token spend (1.16 USD per million tokens)                                    11,550,000,000.00\n"
                + "  Total this month                                                             11,550,000,000.00\n");
        assertThat(run.out()).contains("  week      monthly rate      week's spend   of budget\n"
                + "     1  11,550,000,000.00  2,665,384,615.38      115.5%\n");
        assertThat(run.out()).contains("  week                 forecast             actual   variance\n"
                + "  2026-11-02  10,000,000,000.00  10,000,000,000.00      0.00%\n");
    }

    @Test
    void gpuCountsAreGrouped(@TempDir Path folder) throws IOException {
        Path scenario = Files.writeString(folder.resolve("fleet.yaml"), """
                name: Large fleet
                org: {aiMaturityMonths: 20, aiEngineers: 50}
                budget: {monthlyUsd: 10000000000, spentThisMonthUsd: 10000000000}
                workload:
                  dataSensitivity: LOW
                  businessDriver: COST
                  latencyTargetMs: 1200
                  impact: PRODUCTIVITY
                  tokensPerMonth: 1000000
                  pattern: CONSTANT
                gpuFleet: {gpus: 10000000, utilizationPercent: 10, hourlyCostUsd: 1}
                """);

        CliRun text = CliRun.of("run", "-q", scenario.toString());
        CliRun markdown = CliRun.of("run", "-q", "--format", "markdown", scenario.toString());

        assertThat(text.out()).contains("1,000,000 tokens a month; 10,000,000 GPUs\n");
        assertThat(text.out()).contains("                 10,000,000 GPUs at 10% utilisation, below 50%.\n");
        assertThat(text.out()).contains("                 The organisation runs 10,000,000 GPUs of its own.");
        assertThat(text.out()).contains("                 The organisation serves models on 10,000,000 GPUs of its own,");
        assertThat(text.out()).contains("  GPU fleet: 10,000,000 GPUs x 1.00 USD an hour               7,300,000,000.00\n");
        assertThat(text.out()).contains("    gpuFleet.gpus: 10,000,000 -> 1,111,112 (LowUtil -40%,");
        assertThat(text.out()).contains("  - The GPU fleet costs 10,000,000 GPUs x 1.00 USD an hour x 730 hours a month, from the scenario.\n");
        assertThat(markdown.out()).contains("| GPU fleet | 10,000,000 GPUs x 1.00 USD an hour; idle share 6,570,000,000.00 | 7,300,000,000.00 |\n");
        assertThat(markdown.out()).contains("`gpuFleet.gpus` 10,000,000 → 1,111,112 (");
    }

    @Test
    void markdownEscapesScenarioHtml(@TempDir Path folder) throws IOException {
        Path scenario = Files.writeString(folder.resolve("html.yaml"), """
                name: 'Pipe | test <b>x</b> & a\\|b'
                description: Ships <script>alert(1)</script> to R&D, see [docs](http://x) and *this* `code` _under_ ~x~
                org: {name: "<i>Org</i>", aiMaturityMonths: 8, aiEngineers: 3}
                budget: {monthlyUsd: 45000}
                workload:
                  dataSensitivity: LOW
                  businessDriver: VALUE
                  latencyTargetMs: 1200
                  impact: PRODUCTIVITY
                  tokensPerMonth: 40000000
                  pattern: PEAKS
                """);

        CliRun run = CliRun.of("run", "-q", "--format", "markdown", scenario.toString());

        assertThat(run.exitCode()).isEqualTo(0);
        assertThat(run.out()).startsWith("# Pipe \\| test &lt;b&gt;x&lt;/b&gt; &amp; a\\\\\\|b\n\n"
                + "&lt;i&gt;Org&lt;/i&gt;: 8 months of AI work, 3 AI engineers; budget 45,000 USD a month; 40,000,000 tokens a month\n\n"
                + "Ships &lt;script&gt;alert(1)&lt;/script&gt; to R&amp;D, see \\[docs\\](http://x) and \\*this\\* \\`code\\` \\_under\\_ \\~x\\~\n");
        assertThat(run.out()).doesNotContain("<b>", "<i>", "<script>");
    }

    @Test
    void unknownModelNamesTheFieldAndNearestModel(@TempDir Path folder) throws IOException {
        Path scenario = scenarioNaming(folder, "example-larg", "example-instruct");

        CliRun run = CliRun.of("run", "-q", "--pricing", LITELLM, scenario.toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).isEqualTo("error: " + scenario + ":13: forecast.models.large: 'example-larg' is not in the pricing catalogue "
                + LITELLM + " (LiteLLM cost map); did you mean 'example-large'?\n");
    }

    @Test
    void unknownGpuTypeSuggestsIdsContainingIt(@TempDir Path folder) throws IOException {
        Path scenario = Files.writeString(folder.resolve("fleet.yaml"), Files.readString(scenarioNaming(folder, "gpt-4o", "gpt-4.1-mini"))
                .replace("forecast:", "gpuFleet: {gpus: 8, utilizationPercent: 60, hourlyCostUsd: 2.50, gpuType: h100}\nforecast:"));

        CliRun run = CliRun.of("run", "-q", scenario.toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).isEqualTo("error: " + scenario + ":12: gpuFleet.gpuType: 'h100' is not in the pricing catalogue "
                + "rules/pricing.yaml; did you mean one of h100-sxm, h100-pcie, aws-p5-h100?\n");
    }

    @Test
    void pricingAppliesToEveryEvaluatingCommand(@TempDir Path folder) throws IOException {
        String scenario = scenarioNaming(folder, "example-large", "example-instruct").toString();

        CliRun explain = CliRun.of("explain", "-q", "--pricing", LITELLM, scenario, "--node", "Budget1");
        CliRun coverage = CliRun.of("coverage", "-q", "--pricing", LITELLM, scenario);
        CliRun sweep = CliRun.of("sweep", "-q", "--pricing", LITELLM, scenario, "--vary", "org.aiEngineers=1,2");
        CliRun explainWithoutPricing = CliRun.of("explain", "-q", scenario, "--node", "Budget1");

        assertThat(explain.err()).isEmpty();
        assertThat(explain.exitCode()).isEqualTo(0);
        assertThat(coverage.err()).isEmpty();
        assertThat(coverage.exitCode()).as("one scenario leaves nodes unreached").isEqualTo(1);
        assertThat(sweep.err()).isEmpty();
        assertThat(sweep.exitCode()).isEqualTo(0);
        assertThat(explainWithoutPricing.exitCode()).isEqualTo(2);
        assertThat(explainWithoutPricing.err()).contains("forecast.models.large: 'example-large' is not in the pricing catalogue");
    }

    @Test
    void missingPricingFileExitsTwo() {
        CliRun run = CliRun.of("run", "-q", "--pricing", "no-such-file.json", "scenarios/saas-support-assistant.yaml");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).isEqualTo("error: no-such-file.json: file not found\n");
    }

    @Test
    void pricingWithoutModelsExitsTwo(@TempDir Path folder) throws IOException {
        Path zero = Files.writeString(folder.resolve("zero.json"),
                "{\"gpt-4.1\": {\"mode\":\"chat\", \"input_cost_per_token\": 0, \"output_cost_per_token\": 0}}\n");

        CliRun run = CliRun.of("run", "-q", "--pricing", zero.toString(), "scenarios/seed-startup-prototype.yaml");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).isEqualTo("error: " + zero + ": no chat or completion model with prices was found; skipped 1: "
                + "1 with input and output prices of 0. Pass a LiteLLM cost map with at least one such model, "
                + "or a catalogue in the advisor's format\n");
    }

    @Test
    void maxCyclesZeroSwitchesTheLoopOff() {
        CliRun run = CliRun.of("run", "-q", "--max-cycles", "0", "scenarios/saas-support-assistant.yaml");

        assertThat(run.exitCode()).isEqualTo(0);
        assertThat(run.out()).contains("Next cycle: iterate and reassess\n  The iterate loop is switched off (0 cycles allowed).\n");
    }
}
