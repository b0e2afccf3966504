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

/**
 * The {@code --pricing} option of every command that evaluates scenarios, so that a scenario naming a model
 * from an imported catalogue evaluates in each of them.
 */
final class PricingOption {

    private static final Logger LOG = LoggerFactory.getLogger(PricingOption.class);

    @Option(names = "--pricing", paramLabel = "FILE",
            description = "Pricing catalogue: a file in the format of rules/pricing.yaml, or LiteLLM's model cost map (JSON), "
                    + "whose chat and completion models join the catalogue. Default: pricing.yaml next to the rules.")
    Path pricing;

    /** Sets the rules, and the catalogue read from {@code --pricing} when it is given. */
    Advisor.Builder configure(Advisor.Builder builder, CompiledRules rules) {
        builder.rules(rules);
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
