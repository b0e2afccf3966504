package dev.aicostadvisor.rules;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.FileSystemNotFoundException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * A rule set as text: the {@code .drl} files of a rules folder, or of the copy bundled in the jar, with the
 * data files that sit next to them. Reading a source does not compile it; {@link RuleCompiler} does.
 *
 * <p>A rules folder holds one sub-folder per phase, and each file's package matches its folder. Files whose
 * names start with a dot are ignored, so editor swap files do no harm.
 */
public final class RuleSource {

    /** Where the jar keeps its copy of the rules. */
    public static final String BUNDLED_ROOT = "/rules";

    /** Data files that may sit in a rules folder besides the rules. */
    public static final List<String> DATA_FILES = List.of("pricing.yaml", "savings.yaml", "README.md");

    private static final long MAX_FILE_BYTES = 1024 * 1024;

    private final String description;
    private final Path directory;
    private final List<RuleFile> files;
    private final Map<String, String> dataFiles;
    private final List<String> ignoredFiles;
    private final String hash;

    private RuleSource(String description, Path directory, List<RuleFile> files, Map<String, String> dataFiles,
                       List<String> ignoredFiles) {
        this.description = description;
        this.directory = directory;
        this.files = files.stream().sorted(Comparator.comparing(RuleFile::path)).toList();
        this.dataFiles = Map.copyOf(dataFiles);
        this.ignoredFiles = List.copyOf(ignoredFiles);
        this.hash = hashOf(this.files);
    }

    /**
     * Reads the rules folder given with {@code --rules}, or else {@code ./rules} when it exists, or else the
     * copy bundled in the jar.
     */
    public static RuleSource resolve(Path explicitDirectory) {
        return folderInUse(explicitDirectory).map(RuleSource::directory).orElseGet(RuleSource::bundled);
    }

    /**
     * Returns the rules folder that {@link #resolve} reads, without reading it: the one given, or else
     * {@code ./rules} when it exists, or nothing when the bundled rules are used.
     */
    public static Optional<Path> folderInUse(Path explicitDirectory) {
        if (explicitDirectory != null) {
            return Optional.of(explicitDirectory);
        }
        Path local = Paths.get("rules");
        return Files.isDirectory(local) ? Optional.of(local) : Optional.empty();
    }

    /** Reads every rule file below a rules folder. */
    public static RuleSource directory(Path directory) {
        if (!Files.exists(directory)) {
            throw new InvalidRulesException("rules folder not found: " + directory + "; give a folder that holds phase1/ to success/ with .drl files");
        }
        if (!Files.isDirectory(directory)) {
            throw new InvalidRulesException("not a folder: " + directory + "; --rules takes the folder that holds the .drl files");
        }
        return read("rules folder " + directory, directory, directory.toString());
    }

    /** Reads the rules bundled in the jar (or in {@code target/classes} when run from the build). */
    public static RuleSource bundled() {
        URL url = RuleSource.class.getResource(BUNDLED_ROOT);
        if (url == null) {
            throw new InvalidRulesException("no rules are bundled on the class path at " + BUNDLED_ROOT + "; give a rules folder with --rules");
        }
        try {
            URI uri = url.toURI();
            if ("jar".equals(uri.getScheme())) {
                FileSystem jar = jarFileSystem(uri);
                return read("rules bundled in the jar", jar.getPath(BUNDLED_ROOT), "rules");
            }
            return read("rules bundled in the jar", Paths.get(uri), "rules");
        } catch (URISyntaxException e) {
            throw new InvalidRulesException("cannot read the bundled rules at " + url + ": " + e.getMessage());
        }
    }

    /** Builds a source from rule files held in memory, for tests and for callers that generate rules. */
    public static RuleSource of(String description, List<RuleFile> files) {
        return new RuleSource(description, null, files, Map.of(), List.of());
    }

    /** Describes where the rules came from, for log lines and reports. */
    public String description() {
        return description;
    }

    /** Returns the rules folder on disk, if the rules came from one. */
    public Optional<Path> directory() {
        return Optional.ofNullable(directory);
    }

    /** Returns the rule files, sorted by path. */
    public List<RuleFile> files() {
        return files;
    }

    /** Returns the content of a data file next to the rules, such as {@code pricing.yaml}. */
    public Optional<String> dataFile(String name) {
        return Optional.ofNullable(dataFiles.get(name));
    }

    /** Returns the files in the folder that are neither rules nor known data files, so are not loaded. */
    public List<String> ignoredFiles() {
        return ignoredFiles;
    }

    /** Returns a SHA-256 hash of every rule file's path and content, which changes with any edit to the rules. */
    public String hash() {
        return hash;
    }

    /** Tells whether two sources have the same rule files and the same data files, wherever they were read from. */
    public boolean sameContentAs(RuleSource other) {
        return hash.equals(other.hash) && dataFiles.equals(other.dataFiles);
    }

    private static RuleSource read(String description, Path root, String locationPrefix) {
        List<RuleFile> files = new ArrayList<>();
        Map<String, String> dataFiles = new LinkedHashMap<>();
        List<String> ignored = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path path : walk.filter(Files::isRegularFile).sorted().toList()) {
                String relative = root.relativize(path).toString().replace('\\', '/');
                String location = locationPrefix + "/" + relative;
                if (isHidden(relative)) {
                    continue;
                }
                if (relative.endsWith(".drl")) {
                    files.add(new RuleFile(relative, location, readText(path, location)));
                } else if (DATA_FILES.contains(relative)) {
                    dataFiles.put(relative, readText(path, location));
                } else {
                    ignored.add(location);
                }
            }
        } catch (IOException e) {
            throw new InvalidRulesException("cannot read " + description + ": " + e.getMessage());
        }
        if (files.isEmpty()) {
            throw new InvalidRulesException("no .drl files in " + description + "; a rules folder holds phase1/ to success/ with .drl files");
        }
        return new RuleSource(description, root.getFileSystem() == FileSystems.getDefault() ? root : null,
                files, dataFiles, ignored);
    }

    private static boolean isHidden(String relative) {
        for (String part : relative.split("/")) {
            if (part.startsWith(".")) {
                return true;
            }
        }
        return false;
    }

    private static String readText(Path path, String location) throws IOException {
        long size = Files.size(path);
        if (size > MAX_FILE_BYTES) {
            throw new InvalidRulesException(location + ": the file is " + size + " bytes; a rule or data file may be at most "
                    + MAX_FILE_BYTES + " bytes");
        }
        byte[] bytes = Files.readAllBytes(path);
        try {
            String text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
            // Some Windows editors start UTF-8 files with a byte order mark, which the rule parser would read as text.
            return text.startsWith("\uFEFF") ? text.substring(1) : text;
        } catch (CharacterCodingException e) {
            throw new InvalidRulesException(location + ": the file is not valid UTF-8; save it as UTF-8");
        }
    }

    private static FileSystem jarFileSystem(URI uri) {
        try {
            return FileSystems.getFileSystem(uri);
        } catch (FileSystemNotFoundException e) {
            try {
                return FileSystems.newFileSystem(uri, Map.of());
            } catch (IOException io) {
                throw new UncheckedIOException(io);
            }
        }
    }

    private static String hashOf(List<RuleFile> files) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            for (RuleFile file : files) {
                update(digest, file.path());
                update(digest, file.content());
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this Java runtime", e);
        }
    }

    private static void update(MessageDigest digest, String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        digest.update(ByteBuffer.allocate(4).putInt(bytes.length).array());
        digest.update(bytes);
    }
}
