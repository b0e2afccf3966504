package dev.aicostadvisor.cli;

import dev.aicostadvisor.Advisor;
import dev.aicostadvisor.rules.CompiledRules;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** Options of the cost forecast, shared by the commands that evaluate scenarios. */
final class ForecastOptions {

    @Mixin
    PricingOption pricing;

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
        return pricing.configure(builder, rules).maxCycles(maxCycles);
    }
}
