package dev.aicostadvisor.pricing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.aicostadvisor.rules.RuleSource;

/**
 * Finds the pricing and savings files that belong to a rule set: {@code pricing.yaml} and {@code savings.yaml}
 * next to the rules, or the copies bundled in the jar when the rules folder has none.
 */
public final class PricingFiles {

    public static final String PRICING = "pricing.yaml";
    public static final String SAVINGS = "savings.yaml";

    private static final Logger LOG = LoggerFactory.getLogger(PricingFiles.class);

    private PricingFiles() {
    }

    /** Reads the pricing catalogue next to the rules, or the bundled one. */
    public static PricingCatalogue catalogueFor(RuleSource source) {
        return source.dataFile(PRICING)
                .map(text -> PricingReader.parse(text, location(source, PRICING)))
                .orElseGet(() -> {
                    LOG.debug("No {} in {}; using the bundled catalogue", PRICING, source.description());
                    return bundledCatalogue();
                });
    }

    /** Reads the savings table next to the rules, or the bundled one. */
    public static SavingsTable savingsFor(RuleSource source) {
        return source.dataFile(SAVINGS)
                .map(text -> SavingsTable.parse(text, location(source, SAVINGS)))
                .orElseGet(PricingFiles::bundledSavings);
    }

    /** Reads the pricing catalogue bundled in the jar. */
    public static PricingCatalogue bundledCatalogue() {
        return PricingReader.parse(bundled(PRICING), "bundled " + PRICING);
    }

    /** Reads the savings table bundled in the jar. */
    public static SavingsTable bundledSavings() {
        return SavingsTable.parse(bundled(SAVINGS), "bundled " + SAVINGS);
    }

    private static String location(RuleSource source, String name) {
        return source.directory().map(directory -> directory.resolve(name).toString()).orElse("rules/" + name);
    }

    private static String bundled(String name) {
        try (InputStream in = PricingFiles.class.getResourceAsStream(RuleSource.BUNDLED_ROOT + "/" + name)) {
            if (in == null) {
                throw new IllegalStateException("the jar has no bundled " + name + "; it was built without the rules folder");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the bundled " + name, e);
        }
    }
}
