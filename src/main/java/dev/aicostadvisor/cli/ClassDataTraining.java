package dev.aicostadvisor.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

import dev.aicostadvisor.scenario.ScenarioReader;

/**
 * Runs the advisor's common paths once in one JVM, so that the {@code advisor} launcher can record the
 * classes they load in a class data sharing archive ({@code -XX:ArchiveClassesAtExit}). Later runs map that
 * archive instead of loading and verifying the same classes from the jar, which is a large part of their
 * start time.
 *
 * <p>It compiles the rules of a rules folder with the cache turned off (the path of {@code check} after a
 * rule edit), then loads the same rules precompiled and reports a scenario in every format (the path of
 * {@code run}), and sweeps it over a few values. Output is discarded. Usage: {@code ClassDataTraining RULES_DIR SCENARIOS_DIR}
 */
public final class ClassDataTraining {

    private ClassDataTraining() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 2) {
            System.err.println("usage: ClassDataTraining RULES_DIR SCENARIOS_DIR");
            System.exit(2);
        }
        Path rules = Path.of(args[0]);
        Path scenarios = Path.of(args[1]);
        List<Path> files = Files.isDirectory(scenarios) ? ScenarioReader.listScenarioFiles(scenarios) : List.of();
        if (!Files.isDirectory(rules) || files.isEmpty()) {
            System.err.println("error: ClassDataTraining needs a rules folder and a folder of scenarios");
            System.exit(2);
        }
        String scenario = files.get(0).toString();
        PrintWriter discard = new PrintWriter(new OutputStreamWriter(OutputStream.nullOutputStream(), StandardCharsets.UTF_8));
        InputStream noInput = InputStream.nullInputStream();

        AdvisorCommand.execute(noInput, discard, discard, "check", "-q", "--no-cache", "--rules", rules.toString(), scenarios.toString());

        // A cache folder of its own, so that the runs below load the rules precompiled without touching the user's cache.
        Path cache = Files.createTempDirectory("advisor-training-cache");
        try {
            String cacheDir = cache.toString();
            for (String format : List.of("text", "markdown", "json")) {
                AdvisorCommand.execute(noInput, discard, discard, "run", "-q", "--cache-dir", cacheDir, "--rules", rules.toString(),
                        "--format", format, scenario);
            }
            AdvisorCommand.execute(noInput, discard, discard, "sweep", "-q", "--cache-dir", cacheDir, "--rules", rules.toString(), scenario,
                    "--vary", "org.aiEngineers=0..6:2");
        } finally {
            try (Stream<Path> entries = Files.walk(cache)) {
                for (Path entry : entries.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(entry);
                }
            }
        }
        AdvisorCommand.execute(noInput, discard, discard, "--help");
    }
}
