package dev.aicostadvisor.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import dev.aicostadvisor.scenario.ScenarioReader;

/**
 * {@code advisor run FILE} on files written to break the reader. Each one must end with exit code 2, one
 * line on standard error naming the file and the field, and nothing on standard output: no stack trace,
 * no hang, no half-written report.
 */
class HostileScenarioTest {

    static final String VALID = """
            name: Support assistant
            org:
              name: Example Co
              aiMaturityMonths: 8
              aiEngineers: 3
            budget:
              monthlyUsd: 45000
            workload:
              dataSensitivity: MODERATE
              businessDriver: COST
              latencyTargetMs: 1200
              impact: PRODUCTIVITY
              tokensPerMonth: 40000000
              pattern: PEAKS
            """;

    /** A hostile file: its name, its bytes, and the message expected after {@code error: PATH}. */
    record Case(String file, byte[] content, String message) {
        @Override
        public String toString() {
            return file;
        }
    }

    static Case yaml(String file, String content, String message) {
        return new Case(file, content.getBytes(StandardCharsets.UTF_8), message);
    }

    static String validWith(String from, String to) {
        assertThat(VALID).contains(from);
        return VALID.replace(from, to);
    }

    /**
     * Builds a billion-laughs document of ten levels, each with nine aliases of the level below. Expanded,
     * it would hold 9^10 strings, but the reader rejects the first alias instead.
     */
    static String aliasBomb() {
        StringBuilder bomb = new StringBuilder("a: &a [\"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\"]\n");
        for (char name = 'b'; name <= 'j'; name++) {
            char previous = (char) (name - 1);
            bomb.append(name).append(": &").append(name).append(" [");
            for (int i = 0; i < 9; i++) {
                bomb.append(i == 0 ? "" : ", ").append('*').append(previous);
            }
            bomb.append("]\n");
        }
        return bomb.toString();
    }

    static Stream<Case> hostileFiles() {
        String range = "expected a number from 0 to 10000000000, such as 45000";
        return Stream.of(
                // Structure
                yaml("alias-bomb.yaml", aliasBomb(), ":2: b[0]: YAML aliases such as '*a' are not supported; write the value out"),
                yaml("merge-key.yaml", "base: &base {monthlyUsd: 45000}\nbudget:\n  <<: *base\n",
                        ":3: budget.<<: YAML aliases such as '*base' are not supported; write the value out"),
                yaml("deep-flow.yaml", "name: " + "[".repeat(100_000) + "]".repeat(100_000) + "\n",
                        ":1: name: nested more than 16 levels deep; a scenario is at most 3 levels deep"),
                yaml("deep.json", "{\"name\": " + "{\"a\": ".repeat(100_000) + "1" + "}".repeat(100_000) + "}\n",
                        ":1: name: nested more than 16 levels deep; a scenario is at most 3 levels deep"),
                yaml("many-values.yaml", "name: [" + "1, ".repeat(6_000) + "1]\n",
                        ":1: name: more than 5000 values; a scenario has about fifty"),
                yaml("duplicate-key.yaml", validWith("  monthlyUsd: 45000", "  monthlyUsd: 45000\n  monthlyUsd: 50000"),
                        ":8: budget.monthlyUsd: duplicate key; line 7 already gives it, and each field may appear once"),
                yaml("empty.yaml", "", ": the scenario is empty; it needs at least name, org, budget and workload"),
                yaml("comments-only.yaml", "# to be written\n", ": the scenario is empty; it needs at least name, org, budget and workload"),
                new Case("latin1.yaml", validWith("Example Co", "Caf\u00e9 Co").getBytes(StandardCharsets.ISO_8859_1),
                        ":3: invalid UTF-8 at byte 40; save the file as UTF-8"),
                new Case("nul-bytes.yaml", new byte[] {'n', 'a', 'm', 'e', ':', ' ', 0, 0, '\n'},
                        ":1: malformed YAML: special characters are not allowed"),
                yaml("tab-indent.yaml", validWith("  aiEngineers: 3", "\taiEngineers: 3"),
                        ":5: org: malformed YAML: found a tab character; indent YAML with spaces, not tabs"),
                yaml("uneven-indent.yaml", validWith("  name: Example Co", "    name: Example Co"),
                        ":4: malformed YAML: this line is indented like none of the fields above it; "
                                + "indent each field like the others of its map"),
                yaml("value-with-colon.yaml", validWith("name: Support assistant", "name: Support: assistant"),
                        ":1: malformed YAML: a field is not allowed here; check this line's indentation, "
                                + "or quote a value that contains ': '"),
                yaml("unclosed-list.yaml", "name: x\nbudget:\n  monthlyUsd: [45000\n",
                        ":4: budget.monthlyUsd: malformed YAML: expected ',' or ']', but got the end of the file, "
                                + "in the [ ] list opened on line 3, column 15"),
                // YAML's implicit typing
                yaml("implicit-no.yaml", validWith("dataSensitivity: MODERATE", "dataSensitivity: NO"),
                        ":9: workload.dataSensitivity: 'NO' is not allowed; expected one of LOW, MODERATE, HIGH"),
                yaml("implicit-off.yaml", validWith("monthlyUsd: 45000", "monthlyUsd: off"),
                        ":7: budget.monthlyUsd: 'off' is not a number; " + range),
                yaml("octal.yaml", validWith("aiEngineers: 3", "aiEngineers: 0123"),
                        ":5: org.aiEngineers: '0123' has a leading zero, which YAML 1.1 reads as octal, so write 123; "
                                + "expected a whole number from 0 to 1000000, such as 3"),
                yaml("java-tag.yaml", validWith("monthlyUsd: 45000", "monthlyUsd: !!javax.script.ScriptEngineManager [45000]"),
                        ":7: budget.monthlyUsd: YAML tags such as '!!javax.script.ScriptEngineManager' are not allowed; remove the tag"),
                yaml("verbatim-tag.yaml", validWith("name: Support assistant", "name: !<tag:yaml.org,2002:java.net.URL> http://localhost/"),
                        ":1: name: YAML tags such as '!!java.net.URL' are not allowed; remove the tag"),
                // Numbers
                yaml("exponent.yaml", validWith("monthlyUsd: 45000", "monthlyUsd: 1e6"),
                        ":7: budget.monthlyUsd: '1e6' uses an exponent, so write 1000000; " + range),
                yaml("separators.yaml", validWith("monthlyUsd: 45000", "monthlyUsd: \"1,000,000\""),
                        ":7: budget.monthlyUsd: '1,000,000' has thousands separators, so write 1000000; " + range),
                yaml("percent.yaml", validWith("monthlyUsd: 45000", "monthlyUsd: 80%"),
                        ":7: budget.monthlyUsd: '80%' has a percent sign, so write the number alone; " + range),
                yaml("nan.yaml", validWith("monthlyUsd: 45000", "monthlyUsd: .nan"),
                        ":7: budget.monthlyUsd: '.nan' is not a finite number; " + range),
                yaml("infinity.yaml", validWith("monthlyUsd: 45000", "monthlyUsd: -.inf"),
                        ":7: budget.monthlyUsd: '-.inf' is not a finite number; " + range),
                yaml("nan.json", "{\"name\": \"x\", \"budget\": {\"monthlyUsd\": NaN}}",
                        ":1: budget.monthlyUsd: malformed JSON: Non-standard token 'NaN'; write a plain decimal number"),
                yaml("too-large.yaml", validWith("monthlyUsd: 45000", "monthlyUsd: 99999999999999999999"),
                        ":7: budget.monthlyUsd: '99999999999999999999' is out of range; " + range),
                yaml("long-number.json", "{\"name\": \"x\", \"budget\": {\"monthlyUsd\": 1" + "0".repeat(100) + "}}",
                        ": budget.monthlyUsd: malformed JSON: a number of more than 64 characters is too long"),
                // Unknown fields
                yaml("misspelt.yaml", validWith("aiEngineers: 3", "aiEnginers: 3"),
                        ":5: org.aiEnginers: unknown field; did you mean 'aiEngineers'? org takes name, aiMaturityMonths, aiEngineers"));
    }

    /** Runs {@code advisor run -q FILE} and checks the one-line error, the exit code and the empty output. */
    static void assertRejected(Path file, String message) {
        CliRun run = CliRun.of("run", "-q", file.toString());

        assertThat(run.err()).isEqualTo("error: " + file + message + "\n");
        assertThat(run.exitCode()).isEqualTo(ExitCodes.INVALID_INPUT);
        assertThat(run.out()).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("hostileFiles")
    void hostileFileIsRejected(Case hostile, @TempDir Path folder) throws IOException {
        Path file = Files.write(folder.resolve(hostile.file()), hostile.content());

        assertRejected(file, hostile.message());
    }

    @Test
    void missingFileIsRejected(@TempDir Path folder) {
        assertRejected(folder.resolve("nowhere.yaml"), ": file not found");
    }

    @Test
    void emptyFolderIsRejected(@TempDir Path folder) {
        assertRejected(folder, ": the folder contains no scenario files (.yaml, .yml or .json)");
    }

    @Test
    void folderNamedLikeScenarioIsRejected(@TempDir Path folder) throws IOException {
        Path disguised = Files.createDirectory(folder.resolve("scenario.yaml"));

        assertRejected(disguised, ": the folder contains no scenario files (.yaml, .yml or .json)");
    }

    @Test
    void oversizedFileIsRejected(@TempDir Path folder) throws IOException {
        Path file = Files.writeString(folder.resolve("big.yaml"), VALID + "#" + "x".repeat(ScenarioReader.MAX_FILE_BYTES) + "\n");

        assertRejected(file, ": the file is " + Files.size(file) + " bytes; a scenario file may be at most 1048576 bytes");
    }

    @Test
    void endlessDeviceIsRejected() {
        Path zero = Path.of("/dev/zero");
        assumeTrue(Files.exists(zero), "needs /dev/zero, which reports no size and never ends");

        assertRejected(zero, ": the input is longer than 1048576 bytes; a scenario file may be at most 1048576 bytes");
    }
}
