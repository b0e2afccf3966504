package dev.aicostadvisor.cli;

import java.nio.file.Path;

import dev.aicostadvisor.rules.CompiledRules;
import dev.aicostadvisor.rules.RuleCache;
import dev.aicostadvisor.rules.RuleLoader;
import dev.aicostadvisor.rules.RuleSource;
import picocli.CommandLine.Option;

/** Options shared by every subcommand that loads rules. */
final class CommonOptions {

    @Option(names = "--rules", paramLabel = "DIR",
            description = "Rules folder to load. Default: ./rules when it exists, else the rules bundled in the jar.")
    Path rules;

    @Option(names = "--cache-dir", paramLabel = "DIR",
            description = {"Folder for compiled rules, so that unchanged rules load without compiling.",
                    // One path a line, because picocli 4.7 broke a path that fell at the end of a line after its
                    // dot, leaving "~/." on one line and "cache/ai-cost-advisor" on the next.
                    "Default: $ADVISOR_CACHE_DIR when it is set,",
                    "else $XDG_CACHE_HOME/ai-cost-advisor,",
                    "else ~/.cache/ai-cost-advisor."})
    Path cacheDir;

    @Option(names = "--no-cache", description = "Compile the rules, without using the compiled-rules cache or the copy precompiled in the jar.")
    boolean noCache;

    @Option(names = {"-q", "--quiet"}, description = "Log only warnings and errors on standard error.")
    boolean quiet;

    @Option(names = {"-v", "--verbose"}, description = "Log how many rules each phase fired for each scenario, and stack traces of internal errors.")
    boolean verbose;

    void applyLogging() {
        Logging.configure(quiet, verbose);
    }

    /** Loads the rules chosen by {@code --rules}, through the cache chosen by {@code --cache-dir} and {@code --no-cache}. */
    CompiledRules loadRules() {
        return RuleLoader.load(RuleSource.resolve(rules), cache());
    }

    /** Returns the compiled-rules cache that --cache-dir and --no-cache select. */
    RuleCache cache() {
        if (noCache) {
            return RuleCache.disabled();
        }
        return cacheDir != null ? RuleCache.at(cacheDir, "--cache-dir") : RuleCache.defaultCache();
    }
}
