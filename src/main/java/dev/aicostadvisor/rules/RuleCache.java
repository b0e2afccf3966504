package dev.aicostadvisor.rules;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A folder of compiled rule sets, so that rules unchanged since the last run load in a fraction of the
 * time a compilation takes. Each entry is the compiled module (the kjar bytes of
 * {@link CompiledRules#moduleBytes()}) under a key made of the rule files' hash, the Drools version and a
 * fingerprint of the advisor's own classes, which the generated rule classes link against. Editing a rule
 * file, upgrading Drools or rebuilding the advisor with changed classes therefore changes the key.
 *
 * <p>An entry starts with a text header that repeats its key and contains the SHA-256 checksum and length of
 * the module, and is written under a temporary name and moved into place, so a reader never sees half an
 * entry. An entry whose header, length or checksum is wrong is deleted and rebuilt, never loaded.
 *
 * <p>The cache never makes a command fail: a folder that cannot be created, read or written is logged as
 * a warning once, and the rules are compiled as without a cache.
 */
public final class RuleCache {

    /** System property that sets the cache folder; it takes precedence over the environment variable. */
    public static final String DIRECTORY_PROPERTY = "advisor.cache.dir";
    /** Environment variable that sets the cache folder. */
    public static final String DIRECTORY_VARIABLE = "ADVISOR_CACHE_DIR";
    /** How many entries the folder keeps; the least recently used beyond that are deleted. */
    public static final int MAX_ENTRIES = 16;

    static final String ENTRY_SUFFIX = ".kjar";
    private static final String MAGIC = "ai-cost-advisor compiled rules v1";
    private static final int MAX_HEADER_BYTES = 512;
    private static final String DROOLS_POM_PROPERTIES = "/META-INF/maven/org.drools/drools-core/pom.properties";
    private static final Logger LOG = LoggerFactory.getLogger(RuleCache.class);

    private final Path directory;
    /** The option, property or variable that chose the folder, named in warnings as the setting to change, or null. */
    private final String chosenBy;
    private volatile boolean warned;

    private RuleCache(Path directory, String chosenBy) {
        this.directory = directory;
        this.chosenBy = chosenBy;
    }

    /** Returns a cache in the given folder, which is created when the first entry is written. */
    public static RuleCache at(Path directory) {
        return at(directory, null);
    }

    /**
     * Returns a cache in the given folder, which is created when the first entry is written.
     *
     * @param chosenBy the setting that chose the folder, such as {@code --cache-dir}, which warnings about an
     *                 unusable folder name as the setting to change, or {@code null} to name {@value #DIRECTORY_VARIABLE}
     */
    public static RuleCache at(Path directory, String chosenBy) {
        return new RuleCache(directory.toAbsolutePath().normalize(), chosenBy);
    }

    /** Returns a cache that stores nothing and makes {@link RuleLoader} compile every time, even rules precompiled in the jar. */
    public static RuleCache disabled() {
        return new RuleCache(null, null);
    }

    /** Returns the cache in the default folder of this user; see {@link #defaultDirectory}. */
    public static RuleCache defaultCache() {
        String property = System.getProperties().getProperty(DIRECTORY_PROPERTY);
        String chosenBy = property != null && !property.isBlank() ? "the system property " + DIRECTORY_PROPERTY : null;
        return at(defaultDirectory(property, System.getenv()), chosenBy);
    }

    /**
     * Chooses the cache folder: the {@code advisor.cache.dir} system property, else the
     * {@code ADVISOR_CACHE_DIR} environment variable, else {@code $XDG_CACHE_HOME/ai-cost-advisor}, else
     * {@code ~/.cache/ai-cost-advisor}.
     */
    static Path defaultDirectory(String property, Map<String, String> environment) {
        if (property != null && !property.isBlank()) {
            return Path.of(property);
        }
        String variable = environment.get(DIRECTORY_VARIABLE);
        if (variable != null && !variable.isBlank()) {
            return Path.of(variable);
        }
        String xdg = environment.get("XDG_CACHE_HOME");
        if (xdg != null && !xdg.isBlank() && Path.of(xdg).isAbsolute()) {
            return Path.of(xdg, "ai-cost-advisor");
        }
        return Path.of(System.getProperty("user.home"), ".cache", "ai-cost-advisor");
    }

    /** Returns the cache folder, or empty for a disabled cache. */
    public Optional<Path> directory() {
        return Optional.ofNullable(directory);
    }

    /** Computes the key of a rule set for this build of the advisor and the Drools on the class path. */
    public static String keyOf(RuleSource source) {
        return keyOf(source.hash(), AdvisorClasses.fingerprint());
    }

    static String keyOf(String rulesHash, String classesFingerprint) {
        String material = MAGIC + "\nrules " + rulesHash + "\ndrools " + droolsVersion()
                + "\nadvisor classes " + classesFingerprint + "\n";
        return sha256(material.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Returns the version of Drools on the class path, from its Maven metadata. {@code Drools.getFullVersion()}
     * reads the jar manifest instead, which in the advisor's single jar carries the advisor's version.
     */
    static String droolsVersion() {
        try (InputStream in = RuleCache.class.getResourceAsStream(DROOLS_POM_PROPERTIES)) {
            if (in != null) {
                Properties properties = new Properties();
                properties.load(in);
                String version = properties.getProperty("version");
                if (version != null) {
                    return version;
                }
            }
        } catch (IOException e) {
            LOG.debug("Could not read {}: {}", DROOLS_POM_PROPERTIES, e.toString());
        }
        return org.drools.base.util.Drools.getFullVersion();
    }

    /**
     * Reads the module stored under a key. A missing entry returns empty; an entry that fails its checks is
     * deleted, logged as a warning and returns empty.
     */
    Optional<byte[]> read(String key) {
        if (directory == null || !Files.isDirectory(directory)) {
            return Optional.empty();
        }
        Path entry = entryPath(key);
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(entry);
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            warnOnce("cannot read the compiled-rules cache entry " + entry + " (" + e.getMessage() + "); compiling the rules");
            return Optional.empty();
        }
        Optional<byte[]> module = decode(bytes, key);
        if (module.isEmpty()) {
            LOG.warn("The compiled-rules cache entry {} is corrupt or incomplete; deleting it and compiling the rules", entry);
            delete(key);
            return Optional.empty();
        }
        touch(entry);
        return module;
    }

    /**
     * Stores a module under a key, atomically, then trims the folder to {@link #MAX_ENTRIES} entries. Returns
     * whether the entry was stored; a failure is a warning, logged once.
     */
    boolean write(String key, byte[] module) {
        if (directory == null) {
            return false;
        }
        Optional<Path> file = fileInTheWay();
        if (file.isPresent()) {
            String where = file.get().equals(directory) ? "the compiled-rules cache folder " + directory + " is a file, not a folder"
                    : "the compiled-rules cache folder " + directory + " cannot be created, because " + file.get() + " is a file, not a folder";
            warnOnce(where + ", so the rules compile on every run; " + remedy("a folder"));
            return false;
        }
        Path temporary = null;
        try {
            Files.createDirectories(directory);
            temporary = Files.createTempFile(directory, "." + key.substring(0, 12), ".partial");
            Files.write(temporary, encode(key, module));
            moveIntoPlace(temporary, entryPath(key));
            temporary = null;
            trim();
            return true;
        } catch (IOException | SecurityException e) {
            warnOnce("cannot write to the compiled-rules cache folder " + directory + " (" + e
                    + "); the rules still load, but compile on every run. " + capitalize(remedy("a writable folder")));
            return false;
        } finally {
            if (temporary != null) {
                try {
                    Files.deleteIfExists(temporary);
                } catch (IOException e) {
                    LOG.debug("Could not delete the partial cache entry {}: {}", temporary, e.toString());
                }
            }
        }
    }

    /** Deletes the entry of a key, for example one that failed to load. */
    void delete(String key) {
        if (directory == null) {
            return;
        }
        try {
            Files.deleteIfExists(entryPath(key));
        } catch (IOException e) {
            warnOnce("cannot delete the compiled-rules cache entry " + entryPath(key) + " (" + e.getMessage() + ")");
        }
    }

    Path entryPath(String key) {
        return directory.resolve(key + ENTRY_SUFFIX);
    }

    /** Reads the entry precompiled into the jar at build time, when it was built for this key. */
    static Optional<byte[]> readBundled(String key) {
        try (InputStream in = RuleCache.class.getResourceAsStream(BundledRulesPrecompiler.ENTRY_RESOURCE)) {
            if (in == null) {
                return Optional.empty();
            }
            return decode(in.readAllBytes(), key);
        } catch (IOException e) {
            LOG.debug("Could not read the precompiled bundled rules: {}", e.toString());
            return Optional.empty();
        }
    }

    /** Lays out an entry: the header lines, a blank line, then the module bytes. */
    static byte[] encode(String key, byte[] module) {
        String header = MAGIC + "\nkey " + key + "\nsha256 " + sha256(module) + "\nlength " + module.length + "\n\n";
        byte[] head = header.getBytes(StandardCharsets.US_ASCII);
        byte[] entry = new byte[head.length + module.length];
        System.arraycopy(head, 0, entry, 0, head.length);
        System.arraycopy(module, 0, entry, head.length, module.length);
        return entry;
    }

    /** Returns the module of an entry if its header names this key and its length and checksum match. */
    static Optional<byte[]> decode(byte[] entry, String key) {
        int end = headerEnd(entry);
        if (end < 0) {
            return Optional.empty();
        }
        String[] lines = new String(entry, 0, end, StandardCharsets.US_ASCII).split("\n");
        if (lines.length != 4 || !lines[0].equals(MAGIC) || !lines[1].equals("key " + key)
                || !lines[2].startsWith("sha256 ") || !lines[3].startsWith("length ")) {
            return Optional.empty();
        }
        int start = end + 2;
        int length;
        try {
            length = Integer.parseInt(lines[3].substring("length ".length()));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
        if (length != entry.length - start) {
            return Optional.empty();
        }
        byte[] module = new byte[length];
        System.arraycopy(entry, start, module, 0, length);
        if (!sha256(module).equals(lines[2].substring("sha256 ".length()))) {
            return Optional.empty();
        }
        return Optional.of(module);
    }

    /** Finds the blank line that ends the header, returning the index of its first newline, or -1. */
    private static int headerEnd(byte[] entry) {
        int limit = Math.min(entry.length - 1, MAX_HEADER_BYTES);
        for (int i = 0; i < limit; i++) {
            if (entry[i] == '\n' && entry[i + 1] == '\n') {
                return i;
            }
        }
        return -1;
    }

    private static void moveIntoPlace(Path temporary, Path entry) throws IOException {
        try {
            Files.move(temporary, entry, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temporary, entry, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /** Marks an entry as used now, so that trimming keeps the entries in use. */
    private static void touch(Path entry) {
        try {
            Files.setLastModifiedTime(entry, FileTime.fromMillis(System.currentTimeMillis()));
        } catch (IOException e) {
            LOG.debug("Could not mark the cache entry {} as used: {}", entry, e.toString());
        }
    }

    private void trim() throws IOException {
        List<Path> entries = new ArrayList<>();
        try (DirectoryStream<Path> stream = Files.newDirectoryStream(directory, "*" + ENTRY_SUFFIX)) {
            stream.forEach(entries::add);
        }
        if (entries.size() <= MAX_ENTRIES) {
            return;
        }
        entries.sort(Comparator.comparing(RuleCache::lastModified).reversed());
        for (Path old : entries.subList(MAX_ENTRIES, entries.size())) {
            Files.deleteIfExists(old);
        }
    }

    private static FileTime lastModified(Path path) {
        try {
            return Files.getLastModifiedTime(path);
        } catch (IOException e) {
            return FileTime.fromMillis(0);
        }
    }

    /** Returns the cache folder itself, or the nearest existing folder above it, when that path is a file. */
    private Optional<Path> fileInTheWay() {
        for (Path path = directory; path != null; path = path.getParent()) {
            if (Files.exists(path)) {
                return Files.isDirectory(path) ? Optional.empty() : Optional.of(path);
            }
        }
        return Optional.empty();
    }

    /** Says how to choose another folder, such as "give --cache-dir a folder, or pass --no-cache". */
    private String remedy(String folder) {
        return chosenBy == null ? "set " + DIRECTORY_VARIABLE + " to " + folder + ", or pass --no-cache"
                : "give " + chosenBy + " " + folder + ", or pass --no-cache";
    }

    private static String capitalize(String text) {
        return Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }

    private void warnOnce(String message) {
        if (!warned) {
            warned = true;
            LOG.warn(message);
        }
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this Java runtime", e);
        }
    }
}
