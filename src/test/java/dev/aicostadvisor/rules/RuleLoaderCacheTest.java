package dev.aicostadvisor.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.aicostadvisor.Advisor;
import dev.aicostadvisor.Evaluation;
import dev.aicostadvisor.TestRules;
import dev.aicostadvisor.model.Scenario;
import dev.aicostadvisor.scenario.ScenarioReader;

/** The compiled-rules cache: hits, misses after an edit, corrupt entries, unwritable folders, the precompiled jar copy. */
class RuleLoaderCacheTest {

    private static final RuleSource SOURCE = RuleCompilerTest.source("phase1/budget.drl", RuleCompilerTest.BUDGET_RULE);

    private final ListAppender<ILoggingEvent> logs = new ListAppender<>();
    private final Logger rulesLogger = (Logger) LoggerFactory.getLogger("dev.aicostadvisor.rules");
    private Level previousLevel;

    @BeforeEach
    void captureLogs() {
        previousLevel = rulesLogger.getLevel();
        rulesLogger.setLevel(Level.INFO);
        logs.start();
        rulesLogger.addAppender(logs);
    }

    @AfterEach
    void releaseLogs() {
        rulesLogger.detachAppender(logs);
        rulesLogger.setLevel(previousLevel);
    }

    private List<String> messages(Level level) {
        return logs.list.stream().filter(event -> event.getLevel() == level).map(ILoggingEvent::getFormattedMessage).toList();
    }

    private static List<Path> entries(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(file -> file.toString().endsWith(RuleCache.ENTRY_SUFFIX)).sorted().toList();
        }
    }

    @Test
    void secondLoadComesFromCache(@TempDir Path folder) throws IOException {
        RuleCache cache = RuleCache.at(folder);

        CompiledRules first = RuleLoader.load(SOURCE, cache);
        CompiledRules second = RuleLoader.load(SOURCE, cache);

        assertThat(first.fromCache()).isFalse();
        assertThat(second.fromCache()).isTrue();
        assertThat(second.rule("Small budget")).isPresent();
        assertThat(entries(folder)).containsExactly(cache.entryPath(RuleCache.keyOf(SOURCE)));
        assertThat(messages(Level.INFO)).hasSize(2);
        assertThat(messages(Level.INFO).get(0)).startsWith("Loaded 1 rules from test rules (1 files) in ")
                .endsWith(" ms, compiled, saved to the cache in " + folder);
        assertThat(messages(Level.INFO).get(1)).endsWith(" ms, from the compiled-rules cache");
    }

    @Test
    void editedRuleMissesCache(@TempDir Path folder) throws IOException {
        RuleCache cache = RuleCache.at(folder);
        RuleSource edited = RuleCompilerTest.source("phase1/budget.drl",
                RuleCompilerTest.BUDGET_RULE.replace("monthlyUsd < 10000", "monthlyUsd < 20000"));

        RuleLoader.load(SOURCE, cache);
        CompiledRules afterEdit = RuleLoader.load(edited, cache);

        assertThat(afterEdit.fromCache()).isFalse();
        assertThat(RuleCache.keyOf(edited)).isNotEqualTo(RuleCache.keyOf(SOURCE));
        assertThat(entries(folder)).hasSize(2);
    }

    @Test
    void corruptEntryIsRebuilt(@TempDir Path folder) throws IOException {
        RuleCache cache = RuleCache.at(folder);
        RuleLoader.load(SOURCE, cache);
        Path entry = cache.entryPath(RuleCache.keyOf(SOURCE));
        byte[] bytes = Files.readAllBytes(entry);
        bytes[bytes.length / 2] ^= 0x5A;
        Files.write(entry, bytes);

        CompiledRules reloaded = RuleLoader.load(SOURCE, cache);

        assertThat(reloaded.fromCache()).isFalse();
        assertThat(messages(Level.WARN)).containsExactly("The compiled-rules cache entry " + entry
                + " is corrupt or incomplete; deleting it and compiling the rules");
        assertThat(RuleCache.decode(Files.readAllBytes(entry), RuleCache.keyOf(SOURCE))).isPresent();
        assertThat(RuleLoader.load(SOURCE, cache).fromCache()).isTrue();
    }

    @Test
    void truncatedEntryIsRebuilt(@TempDir Path folder) throws IOException {
        RuleCache cache = RuleCache.at(folder);
        RuleLoader.load(SOURCE, cache);
        Path entry = cache.entryPath(RuleCache.keyOf(SOURCE));
        byte[] bytes = Files.readAllBytes(entry);
        Files.write(entry, java.util.Arrays.copyOf(bytes, bytes.length - 100));

        assertThat(RuleLoader.load(SOURCE, cache).fromCache()).isFalse();
        assertThat(RuleLoader.load(SOURCE, cache).fromCache()).isTrue();
    }

    @Test
    void entryThatFailsToLoadIsRebuilt(@TempDir Path folder) throws IOException {
        RuleCache cache = RuleCache.at(folder);
        String key = RuleCache.keyOf(SOURCE);
        Files.write(cache.entryPath(key), RuleCache.encode(key, "not a compiled module".getBytes(StandardCharsets.UTF_8)));

        CompiledRules loaded = RuleLoader.load(SOURCE, cache);

        assertThat(loaded.fromCache()).isFalse();
        assertThat(messages(Level.WARN)).singleElement().asString()
                .startsWith("The compiled rules in " + cache.entryPath(key) + " failed to load (");
        assertThat(RuleLoader.load(SOURCE, cache).fromCache()).isTrue();
    }

    @Test
    void unwritableFolderOnlyWarns(@TempDir Path folder) throws IOException {
        Path notAFolder = Files.writeString(folder.resolve("plain-file"), "a file where the cache folder's parent should be");
        RuleCache cache = RuleCache.at(notAFolder.resolve("cache"));

        CompiledRules first = RuleLoader.load(SOURCE, cache);
        CompiledRules second = RuleLoader.load(SOURCE, cache);

        assertThat(first.ruleCount()).isEqualTo(1);
        assertThat(second.fromCache()).isFalse();
        assertThat(messages(Level.WARN)).containsExactly("the compiled-rules cache folder " + notAFolder.resolve("cache")
                + " cannot be created, because " + notAFolder + " is a file, not a folder, so the rules compile on every run; "
                + "set ADVISOR_CACHE_DIR to a folder, or pass --no-cache");
    }

    @Test
    void fileAsFolderNamesTheSettingToChange(@TempDir Path folder) throws IOException {
        Path file = Files.writeString(folder.resolve("plain-file"), "a file where the cache folder should be");
        RuleCache cache = RuleCache.at(file, "--cache-dir");

        CompiledRules loaded = RuleLoader.load(SOURCE, cache);

        assertThat(loaded.ruleCount()).isEqualTo(1);
        assertThat(messages(Level.WARN)).containsExactly("the compiled-rules cache folder " + file + " is a file, not a folder, "
                + "so the rules compile on every run; give --cache-dir a folder, or pass --no-cache");
        assertThat(Files.readString(file)).isEqualTo("a file where the cache folder should be");
    }

    @Test
    void disabledCacheAlwaysCompiles() {
        RuleCache cache = RuleCache.disabled();

        assertThat(RuleLoader.load(SOURCE, cache).fromCache()).isFalse();
        assertThat(RuleLoader.load(SOURCE, cache).fromCache()).isFalse();
        assertThat(RuleLoader.load(RuleSource.bundled(), cache).fromCache()).isFalse();
        assertThat(cache.directory()).isEmpty();
        assertThat(messages(Level.INFO).get(2)).startsWith("Loaded 89 rules from rules bundled in the jar (22 files) in ")
                .endsWith(" ms, compiled, with the cache turned off");
    }

    @Test
    void oldestEntriesAreTrimmed(@TempDir Path folder) throws IOException {
        RuleCache cache = RuleCache.at(folder);
        byte[] module = "module".getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i < RuleCache.MAX_ENTRIES + 3; i++) {
            String key = RuleCache.sha256(("entry " + i).getBytes(StandardCharsets.UTF_8));
            cache.write(key, module);
            Files.setLastModifiedTime(cache.entryPath(key), java.nio.file.attribute.FileTime.fromMillis(1_000_000L * (i + 1)));
        }

        cache.write(RuleCache.sha256("newest".getBytes(StandardCharsets.UTF_8)), module);

        assertThat(entries(folder)).hasSize(RuleCache.MAX_ENTRIES);
        assertThat(cache.entryPath(RuleCache.sha256("entry 0".getBytes(StandardCharsets.UTF_8)))).doesNotExist();
        assertThat(cache.entryPath(RuleCache.sha256("newest".getBytes(StandardCharsets.UTF_8)))).exists();
    }

    @Test
    void shippedRulesLoadPrecompiledFromJar(@TempDir Path cacheFolder) throws IOException {
        CompiledRules bundled = RuleLoader.load(RuleSource.bundled(), RuleCache.at(cacheFolder));
        CompiledRules folder = RuleLoader.load(RuleSource.directory(TestRules.RULES), RuleCache.at(cacheFolder));

        assertThat(bundled.fromCache()).isTrue();
        assertThat(folder.fromCache()).isTrue();
        assertThat(folder.ruleCount()).isEqualTo(TestRules.shipped().ruleCount());
        assertThat(folder.rule("Q2 MedBudget: budget within the medium band").orElseThrow().place())
                .isEqualTo("rules/phase1/budget.drl:37");
        assertThat(messages(Level.INFO).get(1)).endsWith(" ms, precompiled in the jar");
        assertThat(entries(cacheFolder)).isEmpty();
    }

    @Test
    void keyUsesDroolsVersionFromMavenMetadata() {
        assertThat(RuleCache.droolsVersion()).isEqualTo("10.2.0");
    }

    @Test
    void loadedRulesEvaluateLikeCompiledOnes(@TempDir Path cacheFolder) {
        Advisor compiled = TestRules.advisor();
        CompiledRules precompiled = RuleLoader.load(RuleSource.directory(TestRules.RULES), RuleCache.at(cacheFolder));
        Advisor loaded = Advisor.builder().rules(precompiled).build();
        assertThat(precompiled.fromCache()).isTrue();

        for (Path file : ScenarioReader.listScenarioFiles(TestRules.SCENARIOS)) {
            Scenario scenario = ScenarioReader.read(file);
            Evaluation expected = compiled.evaluate(scenario);
            Evaluation actual = loaded.evaluate(scenario);
            assertThat(actual.recommendations()).as("outcomes of %s", file).isEqualTo(expected.recommendations());
            assertThat(actual.notes()).as("notes of %s", file).isEqualTo(expected.notes());
        }
    }

    @Test
    void decodeRejectsEntryOfAnotherKey() {
        byte[] entry = RuleCache.encode("a".repeat(64), new byte[] {1, 2, 3});

        assertThat(RuleCache.decode(entry, "a".repeat(64))).hasValueSatisfying(module -> assertThat(module).containsExactly(1, 2, 3));
        assertThat(RuleCache.decode(entry, "b".repeat(64))).isEmpty();
    }

    @Test
    void defaultFolderFollowsPropertyThenEnvironment() {
        String home = System.getProperty("user.home");

        assertThat(RuleCache.defaultDirectory("/from/property", Map.of("ADVISOR_CACHE_DIR", "/from/variable")))
                .isEqualTo(Path.of("/from/property"));
        assertThat(RuleCache.defaultDirectory(null, Map.of("ADVISOR_CACHE_DIR", "/from/variable", "XDG_CACHE_HOME", "/xdg")))
                .isEqualTo(Path.of("/from/variable"));
        assertThat(RuleCache.defaultDirectory(null, Map.of("XDG_CACHE_HOME", "/xdg"))).isEqualTo(Path.of("/xdg/ai-cost-advisor"));
        assertThat(RuleCache.defaultDirectory(null, Map.of("XDG_CACHE_HOME", "relative"))).isEqualTo(Path.of(home, ".cache", "ai-cost-advisor"));
        assertThat(RuleCache.defaultDirectory("", Map.of())).isEqualTo(Path.of(home, ".cache", "ai-cost-advisor"));
    }
}
