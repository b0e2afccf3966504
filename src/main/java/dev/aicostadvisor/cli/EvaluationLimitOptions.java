package dev.aicostadvisor.cli;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.aicostadvisor.Advisor;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * Options that limit one evaluation: how many rule firings it may take and how long it may fire rules.
 * A rule that keeps modifying a fact it matches, or a slow rule, then ends in an error naming the rules
 * that fired last, instead of a hang.
 */
final class EvaluationLimitOptions {

    /** Maximum time limit accepted. It also keeps the limit far from overflowing when converted to nanoseconds. */
    static final Duration MAX_TIME_LIMIT = Duration.ofHours(24);

    private static final Pattern DURATION = Pattern.compile("([0-9]{1,9})(ms|s|m|h)");

    @Spec(Spec.Target.MIXEE)
    CommandSpec spec;

    @Option(names = "--max-firings", paramLabel = "N",
            description = "Maximum rule firings per scenario before its evaluation fails. Default: "
                    + Advisor.DEFAULT_MAX_FIRINGS + "; the shipped rules take under 100.")
    String maxFirings;

    @Option(names = "--time-limit", paramLabel = "DURATION",
            description = "Maximum time per scenario that the rules may fire, such as 500ms, 5s or 2m. Default: 10s. "
                    + "The limit is checked after each firing.")
    String timeLimit;

    /**
     * Sets the limits given on the command line on an advisor builder.
     *
     * @throws ParameterException when a value is not valid, with a message that names the allowed values
     */
    Advisor.Builder applyTo(Advisor.Builder builder) {
        if (maxFirings != null) {
            builder.maxFirings(parseMaxFirings(maxFirings));
        }
        if (timeLimit != null) {
            builder.timeLimit(parseTimeLimit(timeLimit));
        }
        return builder;
    }

    private int parseMaxFirings(String value) {
        String allowed = "expected a whole number from 1 to " + Integer.MAX_VALUE + ", such as " + Advisor.DEFAULT_MAX_FIRINGS;
        if (!value.matches("[0-9]{1,10}")) {
            throw invalid("--max-firings", value, allowed);
        }
        long number = Long.parseLong(value);
        if (number < 1 || number > Integer.MAX_VALUE) {
            throw invalid("--max-firings", value, allowed);
        }
        return (int) number;
    }

    private Duration parseTimeLimit(String value) {
        String allowed = "expected a number and a unit (ms, s, m or h) from 1ms to 24h, such as 500ms, 5s or 2m";
        Matcher matcher = DURATION.matcher(value.strip());
        if (!matcher.matches()) {
            throw invalid("--time-limit", value, allowed);
        }
        long amount = Long.parseLong(matcher.group(1));
        Duration duration = switch (matcher.group(2)) {
            case "ms" -> Duration.ofMillis(amount);
            case "s" -> Duration.ofSeconds(amount);
            case "m" -> Duration.ofMinutes(amount);
            default -> Duration.ofHours(amount);
        };
        if (duration.isZero() || duration.compareTo(MAX_TIME_LIMIT) > 0) {
            throw invalid("--time-limit", value, allowed);
        }
        return duration;
    }

    private ParameterException invalid(String option, String value, String allowed) {
        return new ParameterException(spec.commandLine(), "Invalid value for option '" + option + "': '" + value + "'; " + allowed);
    }
}
