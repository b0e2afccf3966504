package dev.aicostadvisor.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

import dev.aicostadvisor.rules.RuleSource;

/**
 * Where a command writes its report: standard output, or a file that appears only when the command
 * completes. A file is written under a temporary name in the same folder and moved into place at the end,
 * so a failed run never leaves a half-written file.
 *
 * <p>A {@link PrintWriter} hides write errors, such as a full disk, so {@link #commit()} checks it for them and
 * fails instead of keeping a report that was cut short.
 */
final class OutputTarget implements AutoCloseable {

    private final Path destination;
    private final Path temporary;
    private final PrintWriter writer;
    private boolean committed;

    private OutputTarget(Path destination, Path temporary, PrintWriter writer) {
        this.destination = destination;
        this.temporary = temporary;
        this.writer = writer;
    }

    static OutputTarget stdout(PrintWriter out) {
        return new OutputTarget(null, null, out);
    }

    static OutputTarget file(Path destination) {
        Path absolute = destination.toAbsolutePath();
        Path folder = absolute.getParent();
        if (Files.isDirectory(absolute)) {
            throw new UncheckedIOException("cannot write to " + destination + ": it is a folder; give a file name",
                    new IOException(destination + " is a folder"));
        }
        if (folder == null || !Files.isDirectory(folder)) {
            throw new UncheckedIOException("cannot write to " + destination + ": the folder " + folder + " does not exist",
                    new IOException(folder + " does not exist"));
        }
        try {
            // Files.createFile, unlike createTempFile, gives the file the permissions of the user's umask.
            Path temporary = Files.createFile(folder.resolve("." + absolute.getFileName() + "."
                    + Long.toHexString(ThreadLocalRandom.current().nextLong() >>> 1) + ".partial"));
            return new OutputTarget(absolute, temporary,
                    new PrintWriter(Files.newBufferedWriter(temporary, StandardCharsets.UTF_8), false));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write to " + destination + ": " + e.getMessage(), e);
        }
    }

    /**
     * Tells whether a destination is the same file as one of the inputs, so that writing it would replace an
     * input. Real files are compared, so a symbolic link, a hard link or another spelling of the path counts
     * too. A destination that does not exist yet is no input.
     */
    static boolean isOneOf(Path destination, Collection<Path> inputs) {
        if (!Files.exists(destination)) {
            return false;
        }
        for (Path input : inputs) {
            try {
                if (Files.isSameFile(destination, input)) {
                    return true;
                }
            } catch (IOException e) {
                // An input that cannot be looked up cannot be read either, and its reader reports that.
            }
        }
        return false;
    }

    /**
     * Returns an error when writing {@code destination} would replace an input other than a scenario: the
     * {@code --pricing} file, or a file in the rules folder in use ({@code --rules}, else {@code ./rules}).
     * Returns null when the destination is clear.
     */
    static String clashWithRulesOrPricing(String option, Path destination, Path pricing, Path rulesOption) {
        if (pricing != null && isOneOf(destination, List.of(pricing))) {
            return "error: " + option + " " + destination + " is the --pricing file; write to another file";
        }
        Path rulesFolder = RuleSource.folderInUse(rulesOption).orElse(null);
        if (rulesFolder == null || !Files.isDirectory(rulesFolder)) {
            return null;
        }
        if (isOneOf(destination, List.of(rulesFolder))) {
            return "error: " + option + " " + destination + " is the rules folder; write to a file outside it";
        }
        if (isInside(destination, rulesFolder)) {
            return "error: " + option + " " + destination + " is inside the rules folder " + rulesFolder
                    + ", where it would replace or join the rule files; write it outside that folder";
        }
        return null;
    }

    /** Tells whether a path, existing or not, lies in a folder, comparing real paths. */
    private static boolean isInside(Path path, Path folder) {
        try {
            Path realFolder = folder.toRealPath();
            Path absolute = path.toAbsolutePath().normalize();
            Path parent = absolute.getParent();
            Path real = Files.exists(absolute) ? absolute.toRealPath()
                    : parent != null && Files.exists(parent) ? parent.toRealPath().resolve(absolute.getFileName()) : absolute;
            return real.startsWith(realFolder);
        } catch (IOException e) {
            return false;
        }
    }

    PrintWriter writer() {
        return writer;
    }

    /**
     * Makes the output final: flushes standard output, or moves the file into place.
     *
     * @throws UncheckedIOException when a write failed, in which case an output file is not moved into place
     */
    void commit() {
        writer.flush();
        if (writer.checkError()) {
            throw new UncheckedIOException("cannot write to " + (destination == null ? "standard output" : destination)
                    + ": a write failed, for example because the disk is full; the output is incomplete",
                    new IOException("write failed"));
        }
        if (destination != null) {
            writer.close();
            try {
                Files.move(temporary, destination, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write to " + destination + ": " + e.getMessage(), e);
            }
        }
        committed = true;
    }

    /** Drops an output file that was not committed. */
    @Override
    public void close() {
        writer.flush();
        if (destination != null && !committed) {
            writer.close();
            try {
                Files.deleteIfExists(temporary);
            } catch (IOException e) {
                // The partial file has a hidden name, so leaving it behind misleads no one.
            }
        }
    }
}
