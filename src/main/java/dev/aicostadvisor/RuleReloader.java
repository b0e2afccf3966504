package dev.aicostadvisor;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.aicostadvisor.rules.CompiledRules;
import dev.aicostadvisor.rules.InvalidRulesException;
import dev.aicostadvisor.rules.RuleFolderWatcher;
import dev.aicostadvisor.rules.RuleLoader;
import dev.aicostadvisor.rules.RuleSource;

/**
 * Reloads an advisor's rules from their folder: compiles the changed rules into a new KieBase and swaps it
 * in only when they compile, so a broken edit leaves the last good rules in use. Evaluations hold on to the
 * rules they started with. With hot reload, a {@link RuleFolderWatcher} calls {@link #reloadAndLog()} after
 * each change.
 */
final class RuleReloader implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(RuleReloader.class);

    private final AtomicReference<CompiledRules> rules;
    private final ReloadListener listener;
    private final Object lock = new Object();
    private final AtomicLong version = new AtomicLong();
    private volatile RuleFolderWatcher watcher;
    private volatile boolean closed;

    RuleReloader(AtomicReference<CompiledRules> rules, ReloadListener listener) {
        this.rules = rules;
        this.listener = listener;
    }

    /** Starts watching the rules folder; changes are reloaded once the folder has been quiet for the period. */
    void watch(Duration quietPeriod) {
        watcher = RuleFolderWatcher.start(folderOf(rules.get()), quietPeriod, this::reloadAndLog);
    }

    /**
     * Reads the rules folder again and, when its files changed, compiles them and swaps them in.
     *
     * @return {@code true} when new rules replaced the old, {@code false} when the files had not changed
     * @throws InvalidRulesException when the changed rules do not compile; the old rules stay in use
     */
    boolean reload() {
        synchronized (lock) {
            CompiledRules current = rules.get();
            RuleSource fresh = RuleSource.directory(folderOf(current));
            if (fresh.sameContentAs(current.source())) {
                return false;
            }
            CompiledRules compiled;
            try {
                compiled = RuleLoader.load(fresh);
            } catch (InvalidRulesException e) {
                notifyFailed(e);
                throw e;
            }
            if (closed) {
                return false;
            }
            rules.set(compiled);
            long now = version.incrementAndGet();
            LOG.info("Reloaded the rules: {} rules from {}, version {}", compiled.ruleCount(), fresh.description(), now);
            notifyReloaded(compiled, now);
            return true;
        }
    }

    /** Reloads, logging a failure instead of throwing it: what the watcher runs after a change. */
    void reloadAndLog() {
        try {
            reload();
        } catch (InvalidRulesException e) {
            LOG.error("Reloading the rules failed, so the advisor keeps the {} rules it has: {}", rules.get().ruleCount(), e.getMessage());
        }
    }

    long version() {
        return version.get();
    }

    @Override
    public void close() {
        closed = true;
        RuleFolderWatcher running = watcher;
        if (running != null) {
            running.close();
        }
    }

    private static Path folderOf(CompiledRules compiled) {
        return compiled.source().directory().orElseThrow(() -> new IllegalStateException("the rules came from "
                + compiled.source().description() + ", which is no folder on disk, so they cannot be reloaded; "
                + "build the advisor from RuleSource.directory(folder)"));
    }

    private void notifyReloaded(CompiledRules compiled, long now) {
        if (listener == null) {
            return;
        }
        try {
            listener.reloaded(compiled, now);
        } catch (RuntimeException e) {
            LOG.warn("A reload listener failed after version {} was loaded", now, e);
        }
    }

    private void notifyFailed(InvalidRulesException error) {
        if (listener == null) {
            return;
        }
        try {
            listener.reloadFailed(error);
        } catch (RuntimeException e) {
            LOG.warn("A reload listener failed after a reload failed", e);
        }
    }
}
