package dev.aicostadvisor.cli;

import java.nio.file.Path;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.aicostadvisor.Advisor;
import dev.aicostadvisor.pricing.PricingCatalogue;
import dev.aicostadvisor.pricing.PricingFiles;
import dev.aicostadvisor.pricing.PricingReader;
import dev.aicostadvisor.rules.CompiledRules;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** Options of the cost forecast, shared by the commands that evaluate scenarios. */
final class ForecastOptions {

    private static final Logger LOG = LoggerFactory.getLogger(ForecastOptions.class);

    @Option(names = "--pricing", paramLabel = "FILE",
            description = "Pricing catalogue: a file in the format of rules/pricing.yaml, or LiteLLM's model cost map (JSON), "
                    + "whose chat and completion models join the catalogue. Default: pricing.yaml next to the rules.")
    Path pricing;

    int maxCycles = Advisor.DEFAULT_MAX_CYCLES;

    @Option(names = "--max-cycles", paramLabel = "N", defaultValue = "" + Advisor.DEFAULT_MAX_CYCLES,
            description = "Most cycles of the iterate loop after an Optimize outcome, 0 to 20; 0 switches it off. Default: ${DEFAULT-VALUE}.")
    void setMaxCycles(int value) {
        if (value < 0 || value > 20) {
            throw new ParameterException(spec.commandLine(), "Invalid value for option '--max-cycles': '" + value
                    + "'; expected a whole number from 0 to 20");
        }
        maxCycles = value;
    }

    @Spec(Spec.Target.MIXEE)
    CommandSpec spec;

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
