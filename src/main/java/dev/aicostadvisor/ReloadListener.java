package dev.aicostadvisor;

import dev.aicostadvisor.rules.CompiledRules;
import dev.aicostadvisor.rules.InvalidRulesException;

/**
 * Hears about the rule reloads of an {@link Advisor}, for example to report them or, in tests, to wait for
 * one. The methods run on the thread that reloaded: the watcher's thread for hot reload, or the caller of
 * {@link Advisor#reload()}. They should return quickly, and an exception they throw is logged and ignored.
 */
public interface ReloadListener {

    /**
     * Called after changed rules compiled and replaced the old ones.
     *
     * @param rules   the rules now in use
     * @param version how many reloads have replaced the rules since the advisor was built, from 1
     */
    default void reloaded(CompiledRules rules, long version) {
    }

    /**
     * Called when changed rules did not compile. The advisor keeps the rules it had.
     *
     * @param error the problems, each with its file, line and column
     */
    default void reloadFailed(InvalidRulesException error) {
    }
}
