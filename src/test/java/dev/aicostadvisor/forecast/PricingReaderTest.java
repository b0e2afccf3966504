package dev.aicostadvisor.forecast;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.aicostadvisor.model.SizeClass;
import dev.aicostadvisor.pricing.ImportReport;
import dev.aicostadvisor.pricing.InvalidPricingException;
import dev.aicostadvisor.pricing.ModelPrice;
import dev.aicostadvisor.pricing.PriceSource;
import dev.aicostadvisor.pricing.PricingCatalogue;
import dev.aicostadvisor.pricing.PricingReader;
import dev.aicostadvisor.pricing.SavingsTable;

/** Reading pricing catalogues: the advisor's own format, LiteLLM's cost map, and the savings table. */
class PricingReaderTest {

    static final Path SHIPPED = Path.of("rules/pricing.yaml");
    static final Path LITELLM = Path.of("src/test/resources/pricing/litellm-sample.json");

    @Test
    void shippedCatalogueNamesSourceOfEveryPrice() {
        PricingCatalogue catalogue = PricingReader.read(SHIPPED, null);

        ModelPrice gpt41 = catalogue.model("gpt-4.1").orElseThrow();
        assertThat(gpt41.inputPerMillionUsd()).isEqualByComparingTo("2.00");
        assertThat(gpt41.outputPerMillionUsd()).isEqualByComparingTo("8.00");
        assertThat(gpt41.cachedInputPerMillionUsd()).isEqualByComparingTo("0.50");
        assertThat(gpt41.source().date()).hasToString("2026-07-24");
        assertThat(gpt41.source().dateKind()).isEqualTo(PriceSource.DateKind.READ);
        assertThat(catalogue.defaultModels()).containsEntry(SizeClass.LARGE, "gpt-4.1").containsEntry(SizeClass.SMALL, "gpt-4.1-nano");
        assertThat(catalogue.gpu("a100-80gb").orElseThrow().spotHourlyUsd()).isEqualByComparingTo("1.08");
        assertThat(catalogue.provisioned()).extracting(unit -> unit.minimumMonthlyUsd().toPlainString()).containsExactly("13000");
    }

    @Test
    void liteLlmMapImportsChatAndCompletionModels() {
        PricingCatalogue catalogue = PricingReader.read(LITELLM, PricingReader.read(SHIPPED, null));

        assertThat(catalogue.models()).hasSize(22 + 3);
        assertThat(catalogue.models().keySet()).contains("gpt-4.1", "example-large", "example-small", "example-instruct");
        ModelPrice large = catalogue.model("example-large").orElseThrow();
        assertThat(large.inputPerMillionUsd()).isEqualByComparingTo("2.50");
        assertThat(large.outputPerMillionUsd()).isEqualByComparingTo("10");
        assertThat(large.cachedInputPerMillionUsd()).isEqualByComparingTo("1.25");
        assertThat(large.batchInputPerMillionUsd()).isEqualByComparingTo("1.25");
        assertThat(large.batchOutputPerMillionUsd()).isEqualByComparingTo("5");
        assertThat(large.sizeClass()).isEqualTo(SizeClass.LARGE);
        assertThat(catalogue.model("example-small").orElseThrow().sizeClass()).isEqualTo(SizeClass.SMALL);
        assertThat(catalogue.model("example-small").orElseThrow().cachedInputPerMillionUsd()).isNull();
        assertThat(catalogue.model("example-instruct").orElseThrow().sizeClass()).isEqualTo(SizeClass.MEDIUM);
        assertThat(catalogue.gpus()).isNotEmpty();
    }

    @Test
    void importedPricesCarryFileDate(@TempDir Path folder) throws IOException {
        Path map = Files.copy(LITELLM, folder.resolve("ll.json"));
        Files.setLastModifiedTime(map, FileTime.from(Instant.parse("2020-01-01T12:00:00Z")));

        PriceSource source = PricingReader.read(map, PricingReader.read(SHIPPED, null)).model("example-large").orElseThrow().source();

        assertThat(source.date()).isEqualTo(LocalDate.of(2020, 1, 1));
        assertThat(source.dateKind()).isEqualTo(PriceSource.DateKind.FILE_MODIFIED);
        assertThat(source).hasToString("LiteLLM model cost map, ll.json, file dated 2020-01-01");
    }

    @Test
    void importedModelReplacesCatalogueModelWithSameId(@TempDir Path folder) throws IOException {
        Path map = Files.writeString(folder.resolve("map.json"), """
                {"gpt-4.1": {"mode": "chat", "input_cost_per_token": 3e-06, "output_cost_per_token": 1.2e-05}}
                """);

        PricingCatalogue catalogue = PricingReader.read(map, PricingReader.read(SHIPPED, null));

        assertThat(catalogue.models()).hasSize(22);
        assertThat(catalogue.model("gpt-4.1").orElseThrow().inputPerMillionUsd()).isEqualByComparingTo("3.00");
        assertThat(catalogue.model("gpt-4.1-mini").orElseThrow().inputPerMillionUsd()).isEqualByComparingTo("0.40");
    }

    @Test
    void implausiblePerTokenPriceIsSkipped(@TempDir Path folder) throws IOException {
        Path map = Files.writeString(folder.resolve("map.json"), """
                {"typo-model": {"mode": "chat", "input_cost_per_token": 2.5, "output_cost_per_token": 1e-05},
                 "huge-exponent": {"mode": "chat", "input_cost_per_token": 1e999, "output_cost_per_token": 1e-05},
                 "infinite": {"mode": "chat", "input_cost_per_token": Infinity, "output_cost_per_token": 1e-05},
                 "tiny": {"mode": "chat", "input_cost_per_token": 1e-300, "output_cost_per_token": 1e-05},
                 "tiny-exponent": {"mode": "chat", "input_cost_per_token": 1e-06, "output_cost_per_token": 1e-999999999},
                 "negative": {"mode": "chat", "input_cost_per_token": -1e-06, "output_cost_per_token": 1e-05},
                 "negative-tiny": {"mode": "chat", "input_cost_per_token": -1e-300, "output_cost_per_token": 1e-05},
                 "free": {"mode": "chat", "input_cost_per_token": 0, "output_cost_per_token": 0.0},
                 "not-a-number": {"mode": "chat", "input_cost_per_token": NaN, "output_cost_per_token": 1e-05},
                 "text-price": {"mode": "chat", "input_cost_per_token": "1e-06", "output_cost_per_token": 1e-05},
                 "null-price": {"mode": "chat", "input_cost_per_token": null, "output_cost_per_token": 1e-05},
                 "valid": {"mode": "chat", "input_cost_per_token": 1e-06, "output_cost_per_token": 4e-06}}
                """);

        ImportReport report = PricingReader.read(map, PricingReader.read(SHIPPED, null)).importReport().orElseThrow();

        assertThat(report.imported()).isEqualTo(1);
        assertThat(report.skipped()).isEqualTo(Map.of(
                "with a price above 0.1 USD per token", 3,
                "with a price below 1e-12 USD per token", 2,
                "with a negative price", 2,
                "with input and output prices of 0", 1,
                "with a price that is not a number", 2,
                "missing an input or output price", 1));
    }

    @Test
    void priceAtEachBoundIsImported(@TempDir Path folder) throws IOException {
        Path map = Files.writeString(folder.resolve("map.json"), """
                {"lowest": {"mode": "chat", "input_cost_per_token": 1e-12, "output_cost_per_token": 1e-12},
                 "highest": {"mode": "chat", "input_cost_per_token": 0.1, "output_cost_per_token": 0.1},
                 "output-only": {"mode": "chat", "input_cost_per_token": 0, "output_cost_per_token": 2.8e-07}}
                """);

        PricingCatalogue catalogue = PricingReader.read(map, PricingReader.read(SHIPPED, null));

        assertThat(catalogue.importReport().orElseThrow().imported()).isEqualTo(3);
        assertThat(catalogue.model("lowest").orElseThrow().inputPerMillionUsd()).isEqualByComparingTo("0.000001");
        assertThat(catalogue.model("highest").orElseThrow().outputPerMillionUsd()).isEqualByComparingTo("100000");
        assertThat(catalogue.model("output-only").orElseThrow().inputPerMillionUsd()).isEqualByComparingTo("0");
        assertThat(catalogue.model("output-only").orElseThrow().outputPerMillionUsd()).isEqualByComparingTo("0.28");
    }

    @Test
    void doubleNoiseDigitsAreImported(@TempDir Path folder) throws IOException {
        // LiteLLM writes prices as doubles, so some carry 22 or more decimal places.
        Path map = Files.writeString(folder.resolve("map.json"), """
                {"noisy": {"mode": "chat", "input_cost_per_token": 0.0000029999900000000002,
                           "output_cost_per_token": 1.5000999999999998E-7,
                           "cache_read_input_token_cost": -1e-07, "input_cost_per_token_batches": 1e-300}}
                """);

        ModelPrice noisy = PricingReader.read(map, PricingReader.read(SHIPPED, null)).model("noisy").orElseThrow();

        assertThat(noisy.inputPerMillionUsd()).isEqualByComparingTo("2.9999900000000002");
        assertThat(noisy.outputPerMillionUsd()).isEqualByComparingTo("0.15000999999999998");
        assertThat(noisy.cachedInputPerMillionUsd()).isNull();
        assertThat(noisy.batchInputPerMillionUsd()).isNull();
    }

    @Test
    void costMapWithoutPricedModelIsRejected(@TempDir Path folder) throws IOException {
        Path map = Files.writeString(folder.resolve("zero.json"), """
                {"gpt-4.1": {"mode": "chat", "input_cost_per_token": 0, "output_cost_per_token": 0},
                 "embedder": {"mode": "embedding", "input_cost_per_token": 1e-07, "output_cost_per_token": 0}}
                """);

        assertThatThrownBy(() -> PricingReader.read(map, PricingReader.read(SHIPPED, null)))
                .isInstanceOf(InvalidPricingException.class)
                .hasMessage(map + ": no chat or completion model with prices was found; skipped 2: "
                        + "1 of mode embedding, 1 with input and output prices of 0. Pass a LiteLLM cost map with at "
                        + "least one such model, or a catalogue in the advisor's format");
    }

    @Test
    void duplicateModelInCostMapIsRejected(@TempDir Path folder) throws IOException {
        Path map = Files.writeString(folder.resolve("map.json"), """
                {"a": {"mode": "chat", "input_cost_per_token": 1e-06, "output_cost_per_token": 1e-06},
                 "a": {"mode": "chat", "input_cost_per_token": 2e-06, "output_cost_per_token": 2e-06}}
                """);

        assertThatThrownBy(() -> PricingReader.read(map, PricingReader.read(SHIPPED, null)))
                .isInstanceOf(InvalidPricingException.class)
                .hasMessageStartingWith(map.toString())
                .hasMessageContaining("'a'");
    }

    @Test
    void liteLlmImportCountsSkippedEntries() {
        ImportReport report = PricingReader.read(LITELLM, PricingReader.read(SHIPPED, null)).importReport().orElseThrow();

        assertThat(report.imported()).isEqualTo(3);
        assertThat(report.skipped()).isEqualTo(Map.of(
                "not a model (sample_spec)", 1,
                "not a model (not an object)", 1,
                "of mode embedding", 1,
                "of mode image_generation", 1,
                "with input and output prices of 0", 1,
                "without a mode", 1,
                "missing an input or output price", 1));
        assertThat(report.summary()).isEqualTo("Imported 3 models from litellm-sample.json and skipped 7: "
                + "1 missing an input or output price, 1 not a model (not an object), 1 not a model (sample_spec), "
                + "1 of mode embedding, 1 of mode image_generation, 1 with input and output prices of 0, 1 without a mode.");
    }

    @Test
    void liteLlmMapNeedsBaseCatalogue() {
        assertThatThrownBy(() -> PricingReader.read(LITELLM, null))
                .isInstanceOf(InvalidPricingException.class)
                .hasMessage(LITELLM + ": a LiteLLM cost map holds model prices only; load it on top of a catalogue in the advisor's format");
    }

    @Test
    void unknownSourceIsRejected(@TempDir Path folder) throws IOException {
        Path file = Files.writeString(folder.resolve("pricing.yaml"), Files.readString(SHIPPED)
                .replaceFirst("source: litellm", "source: litelm"));

        assertThatThrownBy(() -> PricingReader.read(file, null))
                .isInstanceOf(InvalidPricingException.class)
                .hasMessage(file + ":40: models[0].source: 'litelm' is not listed under sources; "
                        + "known sources: litellm, hyperstack, aws-ec2, azure-ptu");
    }

    @Test
    void misspeltDefaultModelSuggestsNearest(@TempDir Path folder) throws IOException {
        Path file = Files.writeString(folder.resolve("pricing.yaml"), Files.readString(SHIPPED)
                .replaceFirst("medium: gpt-4.1-mini", "medium: gpt-4.1-mimi"));

        assertThatThrownBy(() -> PricingReader.read(file, null))
                .hasMessage(file + ":26: defaults.medium: 'gpt-4.1-mimi' is not a model of this catalogue (did you mean "
                        + "'gpt-4.1-mini'?); the default for each size class must be listed under models");
    }

    @Test
    void negativePriceIsRejected(@TempDir Path folder) throws IOException {
        Path file = Files.writeString(folder.resolve("pricing.yaml"), Files.readString(SHIPPED)
                .replaceFirst("inputPerMillionUsd: 2.00", "inputPerMillionUsd: -2.00"));

        assertThatThrownBy(() -> PricingReader.read(file, null))
                .hasMessage(file + ":35: models[0].inputPerMillionUsd: '-2.00' is out of range; "
                        + "expected a number from 0 to 100000, such as 2.50");
    }

    @Test
    void missingPricingFileIsRejected() {
        assertThatThrownBy(() -> PricingReader.read(Path.of("no-such-pricing.json"), null))
                .hasMessage("no-such-pricing.json: file not found");
    }

    @Test
    void savingAtOrAboveHundredPercentIsRejected() {
        String yaml = "techniques:\n  - {node: Routing, appliesTo: tokens, low: 0.4, high: 1.0, basis: x}\n";

        assertThatThrownBy(() -> SavingsTable.parse(yaml, "savings.yaml"))
                .hasMessage("savings.yaml:2: techniques[0].high: '1.0' is out of range; expected a number from 0 to 0.99, such as 0.40");
    }

    @Test
    void savingForUnknownNodeIsRejected() {
        String yaml = "techniques:\n  - {node: Routng, appliesTo: tokens, low: 0.4, high: 0.7, basis: x}\n";

        assertThatThrownBy(() -> SavingsTable.parse(yaml, "savings.yaml"))
                .hasMessage("savings.yaml:2: techniques[0].node: 'Routng' is not a flowchart node; did you mean 'Routing'?");
    }
}
