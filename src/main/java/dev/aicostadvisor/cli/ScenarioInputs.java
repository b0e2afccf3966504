package dev.aicostadvisor.cli;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Objects;

import dev.aicostadvisor.model.Scenario;
import dev.aicostadvisor.scenario.InvalidScenarioException;
import dev.aicostadvisor.scenario.ScenarioReader;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;

/**
 * The scenarios named on a command line: files, folders of files, and {@code -} for a JSON Lines stream on
 * standard input. The arguments themselves are checked when they are opened, so a missing path fails the
 * command before any scenario runs. Each scenario is read when the iteration reaches it, so a stream of any
 * length is processed in constant memory, and a bad scenario becomes an error entry while the others still run.
 */
final class ScenarioInputs implements Iterable<ScenarioInputs.Input> {

    /** One scenario, or the error that kept it from being read. */
    record Input(String origin, Scenario scenario, InvalidScenarioException error) {
        boolean valid() {
            return error == null;
        }
    }

    private static final String STDIN = "-";

    /** The scenario files of each argument in order, with {@code null} standing for standard input. */
    private final List<List<Path>> files;
    private final JsonLines stdinLines;
    private final boolean oneFile;

    private ScenarioInputs(List<List<Path>> files, JsonLines stdinLines, boolean oneFile) {
        this.files = files;
        this.stdinLines = stdinLines;
        this.oneFile = oneFile;
    }

    /**
     * Checks the arguments before any scenario is read: {@code -} may appear once, each path must exist, each
     * folder must contain a scenario file, and standard input must contain at least one line that is not blank.
     * Checking standard input waits for its first line.
     *
     * @throws ParameterException        when {@code -} is given more than once
     * @throws InvalidScenarioException when a path does not exist, a folder contains no scenario file, or
     *                                   standard input is empty
     */
    static ScenarioInputs open(CommandSpec spec, List<String> arguments, InputStream stdin) {
        long stdinCount = arguments.stream().filter(STDIN::equals).count();
        if (stdinCount > 1) {
            throw new ParameterException(spec.commandLine(), "- is given " + stdinCount
                    + " times, but standard input can be read only once; give - once");
        }

        List<List<Path>> files = new ArrayList<>();
        for (String argument : arguments) {
            files.add(argument.equals(STDIN) ? null : list(argument));
        }

        JsonLines stdinLines = null;
        if (stdinCount == 1) {
            stdinLines = new JsonLines(stdin);
            if (!stdinLines.hasNext()) {
                throw new InvalidScenarioException(JsonLines.SOURCE, 0, null, "standard input is empty or has only blank lines; "
                        + "- reads JSON Lines, one scenario as a JSON object on each line");
            }
        }
        boolean oneFile = arguments.size() == 1 && stdinCount == 0 && !Files.isDirectory(Path.of(arguments.get(0)));
        return new ScenarioInputs(files, stdinLines, oneFile);
    }

    /** Lists the scenario files that a path argument names: the file itself, or the files of a folder. */
    private static List<Path> list(String argument) {
        Path path = Path.of(argument);
        if (!Files.exists(path)) {
            throw new InvalidScenarioException(argument, 0, null, "file not found");
        }
        if (!Files.isDirectory(path)) {
            return List.of(path);
        }
        List<Path> listed = ScenarioReader.listScenarioFiles(path);
        if (listed.isEmpty()) {
            throw new InvalidScenarioException(argument, 0, null, "the folder contains no scenario files (.yaml, .yml or .json)");
        }
        return listed;
    }

    /**
     * Tells whether the command line names a single scenario file. Anything else is a batch, even a folder that
     * contains one file, so that the shape of the output depends only on the command line.
     */
    boolean namesOneFile() {
        return oneFile;
    }

    /** Tells whether the inputs read standard input, whose length is not known in advance. */
    boolean readsStdin() {
        return stdinLines != null;
    }

    /** Counts the scenario files named, or returns -1 when standard input is among them. */
    int countFiles() {
        return readsStdin() ? -1 : files().size();
    }

    /** Returns the scenario files named and those in the folders named, without standard input. */
    List<Path> files() {
        return files.stream().filter(Objects::nonNull).flatMap(List::stream).toList();
    }

    /** Returns the inputs in order. Standard input can be iterated only once. */
    @Override
    public Iterator<Input> iterator() {
        List<Iterator<Input>> parts = new ArrayList<>();
        for (List<Path> argumentFiles : files) {
            parts.add(argumentFiles == null ? stdinLines : argumentFiles.stream().map(ScenarioInputs::readFile).iterator());
        }
        return new Iterator<>() {
            private int part;

            @Override
            public boolean hasNext() {
                while (part < parts.size() && !parts.get(part).hasNext()) {
                    part++;
                }
                return part < parts.size();
            }

            @Override
            public Input next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                return parts.get(part).next();
            }
        };
    }

    /** Reads one file, turning a read error into an error entry. */
    private static Input readFile(Path file) {
        try {
            return new Input(file.toString(), ScenarioReader.read(file), null);
        } catch (InvalidScenarioException e) {
            return new Input(file.toString(), null, e);
        }
    }

    /**
     * Reads one scenario per line of standard input, skipping blank lines. Each line is decoded as strict
     * UTF-8 on its own. A line with invalid bytes, or one longer than a scenario file may be, becomes an
     * error entry naming its line, and the lines after it still run. A line never takes more memory than
     * {@link ScenarioReader#MAX_FILE_BYTES}, because the rest of an over-long line is skipped unread.
     */
    private static final class JsonLines implements Iterator<Input> {
        private static final String SOURCE = "stdin";
        private static final int MAX_LINE_BYTES = ScenarioReader.MAX_FILE_BYTES;
        private static final byte[] BYTE_ORDER_MARK = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

        private final InputStream in;
        private final ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        private Input pending;
        private int lineNumber;
        private boolean endOfStream;
        private boolean seenScenarioLine;

        JsonLines(InputStream in) {
            this.in = new BufferedInputStream(in);
        }

        @Override
        public boolean hasNext() {
            while (pending == null && !endOfStream) {
                pending = readLine();
            }
            return pending != null;
        }

        @Override
        public Input next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            Input input = pending;
            pending = null;
            return input;
        }

        /** Reads the next line and returns its input, or {@code null} for a blank line or the end of the stream. */
        private Input readLine() {
            buffer.reset();
            long length = 0;
            int next;
            try {
                while ((next = in.read()) != -1 && next != '\n') {
                    if (length < MAX_LINE_BYTES) {
                        buffer.write(next);
                    }
                    length++;
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read standard input: " + e.getMessage(), e);
            }

            if (next == -1) {
                endOfStream = true;
                if (length == 0) {
                    return null;
                }
            }

            lineNumber++;
            String origin = SOURCE + ":" + lineNumber;
            if (length > MAX_LINE_BYTES) {
                return new Input(origin, null, new InvalidScenarioException(SOURCE, lineNumber, null,
                        "the line is longer than " + MAX_LINE_BYTES + " bytes; a scenario may be at most " + MAX_LINE_BYTES + " bytes"));
            }

            byte[] bytes = buffer.toByteArray();
            int start = lineNumber == 1 && startsWith(bytes, BYTE_ORDER_MARK) ? BYTE_ORDER_MARK.length : 0;
            String line;
            try {
                line = strictUtf8().decode(ByteBuffer.wrap(bytes, start, bytes.length - start)).toString();
            } catch (CharacterCodingException e) {
                return new Input(origin, null, new InvalidScenarioException(SOURCE, lineNumber, null,
                        "invalid UTF-8 at byte " + invalidByteOffset(bytes, start) + " of the line; send the stream as UTF-8"));
            }
            if (line.isBlank()) {
                return null;
            }

            try {
                return new Input(origin, ScenarioReader.parseJsonLine(line.strip(), SOURCE, lineNumber), null);
            } catch (InvalidScenarioException e) {
                if (!seenScenarioLine && notJsonLines(line.strip())) {
                    // A YAML file or a pretty-printed JSON document: every line would fail on its own, so report it once.
                    endOfStream = true;
                    return new Input(origin, null, new InvalidScenarioException(SOURCE, lineNumber, null,
                            "standard input takes JSON Lines, one scenario as a JSON object on each line; "
                                    + "to read a YAML or multi-line JSON file, pass its path instead of -"));
                }
                return new Input(origin, null, e);
            } finally {
                seenScenarioLine = true;
            }
        }

        /** Tells whether a stream's first line shows that it is not JSON Lines: YAML, or the start of a multi-line object. */
        private static boolean notJsonLines(String firstLine) {
            return !firstLine.startsWith("{") || firstLine.equals("{");
        }

        private static CharsetDecoder strictUtf8() {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT);
        }

        /** Returns the offset in the line of the first byte that is not valid UTF-8. */
        private static int invalidByteOffset(byte[] bytes, int start) {
            ByteBuffer input = ByteBuffer.wrap(bytes, start, bytes.length - start);
            CharBuffer output = CharBuffer.allocate(bytes.length);
            strictUtf8().decode(input, output, true);
            return input.position();
        }

        private static boolean startsWith(byte[] bytes, byte[] prefix) {
            if (bytes.length < prefix.length) {
                return false;
            }
            for (int i = 0; i < prefix.length; i++) {
                if (bytes[i] != prefix[i]) {
                    return false;
                }
            }
            return true;
        }
    }
}
