package dev.aicostadvisor.rules;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Loads a rule set for use, and logs which set it loaded and how many rules it has. */
public final class RuleLoader {

    private static final Logger LOG = LoggerFactory.getLogger(RuleLoader.class);

    private RuleLoader() {
    }

    /**
     * Compiles the rules of a source.
     *
     * @throws InvalidRulesException when the rules do not compile
     */
    public static CompiledRules load(RuleSource source) {
        CompiledRules rules = RuleCompiler.compile(source);
        LOG.info("Loaded {} rules from {} ({} files) in {} ms", rules.ruleCount(), source.description(),
                source.files().size(), rules.loadMillis());
        return rules;
    }
}
