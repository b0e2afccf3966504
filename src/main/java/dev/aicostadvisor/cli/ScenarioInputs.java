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

import dev.aicostadvisor.model.Scenario;
import dev.aicostadvisor.scenario.InvalidScenarioException;
import dev.aicostadvisor.scenario.ScenarioReader;

/**
 * The scenarios named on a command line: files, folders of files, and {@code -} for a JSON Lines stream on
 * standard input. Each input is read when the iteration reaches it, so a stream of any length is processed
 * in constant memory, and a bad input becomes an error entry while the others still run.
 */
final class ScenarioInputs implements Iterable<ScenarioInputs.Input> {

    /** One scenario, or the error that kept it from being read. */
    record Input(String origin, Scenario scenario, InvalidScenarioException error) {
        boolean valid() {
            return error == null;
        }
    }

    private final List<String> arguments;
    private final InputStream stdin;

    ScenarioInputs(List<String> arguments, InputStream stdin) {
        this.arguments = List.copyOf(arguments);
        this.stdin = stdin;
    }

    /** Tells whether the inputs read standard input, whose length is not known in advance. */
    boolean readsStdin() {
        return arguments.contains("-");
    }

    /** Counts the scenario files named, or returns -1 when standard input is among them. */
    int countFiles() {
        if (readsStdin()) {
            return -1;
        }
        int count = 0;
        for (String argument : arguments) {
            Path path = Path.of(argument);
            count += Files.isDirectory(path) ? ScenarioReader.listScenarioFiles(path).size() : 1;
        }
        return count;
    }

    @Override
    public Iterator<Input> iterator() {
        List<Iterator<Input>> parts = new ArrayList<>();
        for (String argument : arguments) {
            parts.add(argument.equals("-") ? new JsonLines(stdin) : files(Path.of(argument)));
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

    /** Lists the files of a path and reads each one only when the iteration reaches it. */
    private static Iterator<Input> files(Path path) {
        List<Path> files;
        if (Files.isDirectory(path)) {
            files = ScenarioReader.listScenarioFiles(path);
            if (files.isEmpty()) {
                return List.of(new Input(path.toString(), null, new InvalidScenarioException(path.toString(), 0, null,
                        "the folder holds no scenario files (.yaml, .yml or .json)"))).iterator();
            }
        } else {
            files = List.of(path);
        }
        return files.stream().map(ScenarioInputs::readFile).iterator();
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
