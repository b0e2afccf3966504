package dev.aicostadvisor.analysis;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.aicostadvisor.rules.RuleSource;

/**
 * The rule set that {@code advisor diff} compares against: another rules folder, or the rules folder as a
 * git revision has it. A revision is extracted with {@code git archive} into a temporary folder, which
 * {@link #close()} deletes.
 */
public final class BaseRules implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(BaseRules.class);
    private static final long GIT_TIMEOUT_SECONDS = 60;

    private final RuleSource source;
    private final String description;
    private final Path temporary;

    private BaseRules(RuleSource source, String description, Path temporary) {
        this.source = source;
        this.description = description;
        this.temporary = temporary;
    }

    /**
     * Reads the base rules named by {@code reference}: a folder when one exists at that path, or else a git
     * revision (a commit, branch or tag) of the repository that holds the working rules folder.
     *
     * @param reference      a folder or a git revision, such as {@code HEAD} or {@code main~2}
     * @param workingFolder  the rules folder being compared, or {@code null} when the rules come from the jar
     * @throws BaseRulesException when the reference is neither, git fails, or the revision has no rules folder
     */
    public static BaseRules resolve(String reference, Path workingFolder) {
        Path asFolder = Path.of(reference);
        if (Files.isDirectory(asFolder)) {
            return new BaseRules(RuleSource.directory(asFolder), "rules folder " + reference, null);
        }
        if (reference.startsWith("-") || reference.isBlank()) {
            throw new BaseRulesException("--base '" + reference + "' is neither a folder nor a git revision");
        }
        if (workingFolder == null) {
            throw new BaseRulesException("the rules in use are the copy bundled in the jar, which has no git history; "
                    + "give --rules DIR for a rules folder in a git working copy, or --base DIR for a folder to compare with");
        }
        Path folder = workingFolder.toAbsolutePath().normalize();
        String topLevel = git(folder, "rev-parse", "--show-toplevel").trim();
        String prefix = git(folder, "rev-parse", "--show-prefix").trim();
        String commit = revision(folder, reference);
        String shortCommit = commit.substring(0, Math.min(7, commit.length()));
        String treePath = prefix.endsWith("/") ? prefix.substring(0, prefix.length() - 1) : prefix;
        String shownPath = treePath.isEmpty() ? "the repository root" : treePath + "/";
        try {
            git(Path.of(topLevel), "cat-file", "-e", commit + ":" + treePath);
        } catch (BaseRulesException e) {
            throw new BaseRulesException(shownPath + " does not exist at revision " + reference + " (" + shortCommit + ")");
        }

        byte[] archive = gitBytes(Path.of(topLevel), "archive", "--format=zip", commit, "--", treePath.isEmpty() ? "." : treePath);
        Path temporary;
        try {
            temporary = Files.createTempDirectory("advisor-base-" + shortCommit + "-");
            extract(archive, prefix, temporary);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot extract the rules of revision " + reference + ": " + e.getMessage(), e);
        }
        String description = shownPath + " at " + reference + " (" + shortCommit + ")";
        try {
            return new BaseRules(RuleSource.directory(temporary), description, temporary);
        } catch (RuntimeException e) {
            deleteTree(temporary);
            throw e;
        }
    }

    public RuleSource source() {
        return source;
    }

    /** Describes the base for the report, such as "rules/ at HEAD (51c905f)". */
    public String description() {
        return description;
    }

    /** Deletes the folder that a revision was extracted into; a base folder given by the user is left alone. */
    @Override
    public void close() {
        if (temporary != null) {
            deleteTree(temporary);
        }
    }

    private static String revision(Path folder, String reference) {
        try {
            return git(folder, "rev-parse", "--verify", "--quiet", reference + "^{commit}").trim();
        } catch (BaseRulesException e) {
            throw new BaseRulesException("--base '" + reference + "' is neither a folder nor a known git revision of the "
                    + "repository at " + git(folder, "rev-parse", "--show-toplevel").trim()
                    + "; give a commit, branch or tag, or a rules folder");
        }
    }

    /** Writes the files of a zip archive below the prefix into a folder, refusing paths that leave it. */
    private static void extract(byte[] archive, String prefix, Path target) throws IOException {
        Path root = target.toAbsolutePath().normalize();
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(archive))) {
            for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                String name = entry.getName();
                if (entry.isDirectory() || !name.startsWith(prefix)) {
                    continue;
                }
                Path destination = root.resolve(name.substring(prefix.length())).normalize();
                if (!destination.startsWith(root)) {
                    throw new IOException("the archive holds a path outside its folder: " + name);
                }
                Files.createDirectories(destination.getParent());
                Files.copy(zip, destination);
            }
        }
    }

    private static String git(Path directory, String... arguments) {
        return new String(gitBytes(directory, arguments), StandardCharsets.UTF_8);
    }

    /** Runs git in a folder and returns its standard output. */
    private static byte[] gitBytes(Path directory, String... arguments) {
        List<String> command = new ArrayList<>();
        command.add("git");
        command.add("-C");
        command.add(directory.toString());
        command.addAll(List.of(arguments));
        Process process;
        try {
            process = new ProcessBuilder(command).start();
        } catch (IOException e) {
            throw new BaseRulesException("cannot run git (" + e.getMessage() + "); install git, or give --base DIR to compare with a folder");
        }
        try {
            process.getOutputStream().close();
            CompletableFuture<byte[]> errors = CompletableFuture.supplyAsync(() -> readAll(process.getErrorStream()));
            byte[] output = readAll(process.getInputStream());
            if (!process.waitFor(GIT_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new BaseRulesException("git " + arguments[0] + " did not finish within " + GIT_TIMEOUT_SECONDS + " seconds");
            }
            if (process.exitValue() != 0) {
                String message = new String(errors.join(), StandardCharsets.UTF_8).trim();
                if (message.startsWith("fatal: not a git repository")) {
                    throw new BaseRulesException(directory + " is not in a git repository; give --base DIR to compare with another rules folder");
                }
                throw new BaseRulesException("git " + arguments[0] + " failed" + (message.isEmpty() ? "" : ": " + firstLine(message)));
            }
            return output;
        } catch (IOException e) {
            throw new BaseRulesException("cannot read the output of git " + arguments[0] + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
            throw new BaseRulesException("interrupted while git " + arguments[0] + " was running");
        }
    }

    private static byte[] readAll(InputStream stream) {
        try (InputStream in = stream; ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            in.transferTo(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String firstLine(String text) {
        int newline = text.indexOf('\n');
        return newline < 0 ? text : text.substring(0, newline);
    }

    private static void deleteTree(Path root) {
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path path : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        } catch (IOException e) {
            LOG.warn("Could not delete the temporary rules folder {}: {}", root, e.getMessage());
        }
    }

    /** Thrown when the base of a comparison cannot be read; the message is one line for the user. */
    public static final class BaseRulesException extends RuntimeException {
        public BaseRulesException(String message) {
            super(message);
        }
    }
}
