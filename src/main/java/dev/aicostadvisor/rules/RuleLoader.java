package dev.aicostadvisor.rules;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.aicostadvisor.model.Phase;

/**
 * Loads a rule set for use, and logs which set it loaded, how many rules it has and where the compiled
 * form came from.
 *
 * <p>Compiling takes seconds, so a rule set is compiled only when no compiled copy exists for its
 * {@link RuleCache#keyOf key}. The loader looks first in the jar, which contains the bundled rules precompiled
 * at build time (a rules folder identical to them matches too), then in the {@link RuleCache} folder, and
 * compiles the rules and stores them in the cache only when both miss. A copy that fails to load is
 * logged as a warning, deleted and replaced by a fresh compilation. A {@link RuleCache#disabled()
 * disabled} cache compiles every time, skipping the jar's copy too.
 */
public final class RuleLoader {

    private static final Logger LOG = LoggerFactory.getLogger(RuleLoader.class);

    private RuleLoader() {
    }

    /**
     * Loads the rules of a source through the default cache folder of this user.
     *
     * @throws InvalidRulesException when the rules do not compile
     */
    public static CompiledRules load(RuleSource source) {
        return load(source, RuleCache.defaultCache());
    }

    /**
     * Loads the rules of a source through the given cache.
     *
     * @throws InvalidRulesException when the rules do not compile, or a rules folder has no rule for a phase
     */
    public static CompiledRules load(RuleSource source, RuleCache cache) {
        CompiledRules compiled = loadAny(source, cache);
        // A rules folder is a whole rule set; rules in memory may be a part of one, as in tests of a single rule.
        return source.directory().isPresent() ? requireEveryPhase(compiled) : compiled;
    }

    /**
     * Rejects a rule set in which a phase has no rule: the evaluation would pass over that phase in silence,
     * as when a phase's folder was left out of a copy of the rules.
     */
    static CompiledRules requireEveryPhase(CompiledRules compiled) {
        Set<Phase> present = EnumSet.noneOf(Phase.class);
        compiled.rules().forEach(rule -> present.add(rule.phase()));
        List<String> missing = Arrays.stream(Phase.values()).filter(phase -> !present.contains(phase)).map(Phase::group).toList();
        if (!missing.isEmpty()) {
            throw new InvalidRulesException(compiled.source().description() + ": no rule belongs to "
                    + (missing.size() == 1 ? "phase " : "phases ") + String.join(", ", missing)
                    + "; each phase needs at least one rule with its ruleflow-group, as the shipped rules have in the folder of that name");
        }
        return compiled;
    }

    private static CompiledRules loadAny(RuleSource source, RuleCache cache) {
        if (cache.directory().isEmpty()) {
            CompiledRules compiled = RuleCompiler.compile(source);
            log(compiled, "compiled, with the cache turned off");
            return compiled;
        }
        String key = RuleCache.keyOf(source);

        Optional<CompiledRules> bundled = RuleCache.readBundled(key).flatMap(module -> tryLoad(source, module, "the jar"));
        if (bundled.isPresent()) {
            log(bundled.get(), "precompiled in the jar");
            return bundled.get();
        }

        Optional<byte[]> stored = cache.read(key);
        if (stored.isPresent()) {
            Optional<CompiledRules> cached = tryLoad(source, stored.get(), cache.entryPath(key).toString());
            if (cached.isPresent()) {
                log(cached.get(), "from the compiled-rules cache");
                return cached.get();
            }
            cache.delete(key);
        }

        CompiledRules compiled = RuleCompiler.compile(source);
        boolean saved = cache.write(key, compiled.moduleBytes());
        log(compiled, saved ? "compiled, saved to the cache in " + cache.directory().orElseThrow() : "compiled, not cached");
        return compiled;
    }

    /** Loads a compiled module, or returns empty when it fails to load, whatever the reason. */
    private static Optional<CompiledRules> tryLoad(RuleSource source, byte[] module, String origin) {
        try {
            return Optional.of(RuleCompiler.load(source, module));
        } catch (RuntimeException | LinkageError e) {
            LOG.warn("The compiled rules in {} failed to load ({}); compiling the rules instead", origin, e.toString());
            return Optional.empty();
        }
    }

    private static void log(CompiledRules rules, String origin) {
        LOG.info("Loaded {} rules from {} ({} files) in {} ms, {}", rules.ruleCount(), rules.source().description(),
                rules.source().files().size(), rules.loadMillis(), origin);
    }
}
