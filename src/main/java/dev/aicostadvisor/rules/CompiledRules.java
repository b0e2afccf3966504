package dev.aicostadvisor.rules;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.kie.api.KieBase;

/**
 * A compiled rule set: the KieBase that sessions are opened from, the source it was built from, and a
 * description of each rule. Immutable and safe to share between threads, as a KieBase is.
 */
public final class CompiledRules {

    private final KieBase kieBase;
    private final RuleSource source;
    private final List<RuleInfo> rules;
    private final Map<String, RuleInfo> rulesByName;
    private final byte[] moduleBytes;
    private final long loadMillis;
    private final boolean fromCache;

    CompiledRules(KieBase kieBase, RuleSource source, List<RuleInfo> rules, byte[] moduleBytes, long loadMillis, boolean fromCache) {
        this.kieBase = kieBase;
        this.source = source;
        this.rules = List.copyOf(rules);
        this.rulesByName = this.rules.stream().collect(Collectors.toUnmodifiableMap(RuleInfo::name, Function.identity(), (a, b) -> a));
        this.moduleBytes = moduleBytes;
        this.loadMillis = loadMillis;
        this.fromCache = fromCache;
    }

    public KieBase kieBase() {
        return kieBase;
    }

    public RuleSource source() {
        return source;
    }

    /** Returns every rule, sorted by file and line. */
    public List<RuleInfo> rules() {
        return rules;
    }

    public int ruleCount() {
        return rules.size();
    }

    public Optional<RuleInfo> rule(String name) {
        return Optional.ofNullable(rulesByName.get(name));
    }

    /** Returns the compiled module as jar bytes, which {@link RuleCompiler#load} turns back into a KieBase. */
    public byte[] moduleBytes() {
        return moduleBytes.clone();
    }

    /** Returns how long compiling or loading took, in milliseconds. */
    public long loadMillis() {
        return loadMillis;
    }

    /** Tells whether the rules were loaded from an earlier compilation instead of compiled now. */
    public boolean fromCache() {
        return fromCache;
    }
}
