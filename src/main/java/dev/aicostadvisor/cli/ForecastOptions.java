package dev.aicostadvisor.cli;

import java.nio.file.Path;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.aicostadvisor.Advisor;
import dev.aicostadvisor.pricing.PricingCatalogue;
import dev.aicostadvisor.pricing.PricingFiles;
import dev.aicostadvisor.pricing.PricingReader;
import dev.aicostadvisor.rules.CompiledRules;
import picocli.CommandLine.Option;

/** Options of the cost forecast, shared by the commands that evaluate scenarios. */
final class ForecastOptions {

    private static final Logger LOG = LoggerFactory.getLogger(ForecastOptions.class);

    @Option(names = "--pricing", paramLabel = "FILE",
            description = "Pricing catalogue: a file in the format of rules/pricing.yaml, or LiteLLM's model cost map (JSON), "
                    + "whose models then replace the catalogue's. Default: pricing.yaml next to the rules.")
    Path pricing;

    @Option(names = "--max-cycles", paramLabel = "N", defaultValue = "3",
            description = "Most cycles of the iterate loop after an Optimize outcome, 0 to 20; 0 switches it off. Default: ${DEFAULT-VALUE}.")
    int maxCycles;

    /** Builds an advisor on compiled rules with these options. */
    Advisor.Builder configure(Advisor.Builder builder, CompiledRules rules) {
        builder.rules(rules).maxCycles(maxCycles);
        if (pricing != null) {
            PricingCatalogue catalogue = PricingReader.read(pricing, PricingFiles.catalogueFor(rules.source()));
            catalogue.importReport().ifPresentOrElse(
                    report -> LOG.info("{}", report.summary()),
                    () -> LOG.info("Loaded {} model prices from {}", catalogue.models().size(), pricing));
            builder.pricing(catalogue);
        }
        return builder;
    }
}
