package dev.aicostadvisor.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
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
            parts.add(argument.equals("-") ? new JsonLines(stdin) : files(Path.of(argument)).iterator());
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

    private static List<Input> files(Path path) {
        List<Path> files;
        if (Files.isDirectory(path)) {
            files = ScenarioReader.listScenarioFiles(path);
            if (files.isEmpty()) {
                return List.of(new Input(path.toString(), null, new InvalidScenarioException(path.toString(), 0, null,
                        "the folder holds no scenario files (.yaml, .yml or .json)")));
            }
        } else {
            files = List.of(path);
        }
        List<Input> inputs = new ArrayList<>();
        for (Path file : files) {
            inputs.add(new LazyFile(file).toInput());
        }
        return inputs;
    }

    /** Reads a file when asked, turning a read error into an error entry. */
    private record LazyFile(Path file) {
        Input toInput() {
            try {
                return new Input(file.toString(), ScenarioReader.read(file), null);
            } catch (InvalidScenarioException e) {
                return new Input(file.toString(), null, e);
            }
        }
    }

    /** Reads one scenario per line of standard input, skipping blank lines. */
    private static final class JsonLines implements Iterator<Input> {
        private static final String SOURCE = "stdin";
        private final BufferedReader reader;
        private String pending;
        private int lineNumber;

        JsonLines(InputStream in) {
            this.reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        }

        @Override
        public boolean hasNext() {
            if (pending != null) {
                return true;
            }
            try {
                String line;
                while ((line = reader.readLine()) != null) {
                    lineNumber++;
                    if (!line.isBlank()) {
                        pending = line;
                        return true;
                    }
                }
                return false;
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read standard input", e);
            }
        }

        @Override
        public Input next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            String line = pending;
            pending = null;
            String origin = SOURCE + ":" + lineNumber;
            try {
                return new Input(origin, ScenarioReader.parseJsonLine(line, SOURCE, lineNumber), null);
            } catch (InvalidScenarioException e) {
                return new Input(origin, null, e);
            }
        }
    }
}
