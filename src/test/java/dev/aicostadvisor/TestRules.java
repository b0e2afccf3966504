package dev.aicostadvisor;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.stream.Stream;

import dev.aicostadvisor.rules.CompiledRules;
import dev.aicostadvisor.rules.RuleCompiler;
import dev.aicostadvisor.rules.RuleSource;

/** The project's rules for tests: compiled once per test run, and copied for tests that edit them. */
public final class TestRules {

    /** The rules folder of the project; Maven runs tests from the project's root. */
    public static final Path RULES = Path.of("rules");
    public static final Path SCENARIOS = Path.of("scenarios");

    private static CompiledRules shipped;

    private TestRules() {
    }

    public static synchronized CompiledRules shipped() {
        if (shipped == null) {
            shipped = RuleCompiler.compile(RuleSource.directory(RULES));
        }
        return shipped;
    }

    public static Advisor advisor() {
        return Advisor.builder().rules(shipped()).build();
    }

    /** Copies the project's rules folder into a folder of the test's own, for tests that edit rules. */
    public static Path copyRules(Path target) {
        try (Stream<Path> walk = Files.walk(RULES)) {
            for (Path source : walk.toList()) {
                Path destination = target.resolve(RULES.relativize(source).toString());
                if (Files.isDirectory(source)) {
                    Files.createDirectories(destination);
                } else {
                    Files.copy(source, destination, StandardCopyOption.REPLACE_EXISTING);
                }
            }
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Replaces one exact piece of text in a file, failing when the text is not there exactly once. */
    public static void replace(Path file, String from, String to) {
        try {
            String text = Files.readString(file);
            int first = text.indexOf(from);
            if (first < 0 || text.indexOf(from, first + 1) >= 0) {
                throw new IllegalStateException("expected exactly one '" + from + "' in " + file);
            }
            Files.writeString(file, text.replace(from, to));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
