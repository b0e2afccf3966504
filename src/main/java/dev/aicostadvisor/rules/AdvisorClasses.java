package dev.aicostadvisor.rules;

import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A fingerprint of the advisor's own class files. Compiled rules link against the fact classes, so a cached
 * compilation is valid only for the classes it was compiled with. The build writes the fingerprint into
 * {@link #RESOURCE}; where that is missing, as in a build that skipped that step, it is computed from the
 * class files at the first call.
 */
final class AdvisorClasses {

    /** The class path resource that holds the fingerprint, as one line of hex digits. */
    static final String RESOURCE = "/META-INF/ai-cost-advisor/classes.sha256";

    private static final String PACKAGE_FOLDER = "dev/aicostadvisor";
    private static final Logger LOG = LoggerFactory.getLogger(AdvisorClasses.class);
    private static volatile String fingerprint;

    private AdvisorClasses() {
    }

    /** Returns the fingerprint of the classes this advisor runs with. */
    static String fingerprint() {
        String value = fingerprint;
        if (value == null) {
            value = readResource();
            if (value == null) {
                value = computeFromCodeSource();
            }
            fingerprint = value;
        }
        return value;
    }

    /** Computes the SHA-256 of every class file below {@code dev/aicostadvisor} in a classes folder, by path and content. */
    static String compute(Path classesRoot) throws IOException {
        Path packages = classesRoot.resolve(PACKAGE_FOLDER);
        List<Path> classes;
        try (Stream<Path> walk = Files.walk(packages)) {
            classes = walk.filter(path -> path.toString().endsWith(".class")).sorted().toList();
        }
        MessageDigest digest = newDigest();
        for (Path file : classes) {
            byte[] name = classesRoot.relativize(file).toString().replace('\\', '/').getBytes(StandardCharsets.UTF_8);
            byte[] content = Files.readAllBytes(file);
            digest.update(ByteBuffer.allocate(4).putInt(name.length).array());
            digest.update(name);
            digest.update(ByteBuffer.allocate(4).putInt(content.length).array());
            digest.update(content);
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    private static String readResource() {
        try (InputStream in = AdvisorClasses.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                return null;
            }
            String text = new String(in.readAllBytes(), StandardCharsets.US_ASCII).trim();
            return text.matches("[0-9a-f]{64}") ? text : null;
        } catch (IOException e) {
            LOG.debug("Could not read {}: {}", RESOURCE, e.toString());
            return null;
        }
    }

    private static String computeFromCodeSource() {
        CodeSource source = AdvisorClasses.class.getProtectionDomain().getCodeSource();
        try {
            Path location = Path.of(source.getLocation().toURI());
            if (Files.isDirectory(location)) {
                return compute(location);
            }
            try (FileSystem jar = FileSystems.newFileSystem(location, Map.of())) {
                return compute(jar.getPath("/"));
            }
        } catch (IOException | URISyntaxException | RuntimeException e) {
            // Without a fingerprint no cache entry can be trusted, so use one that matches no entry.
            LOG.debug("Could not fingerprint the advisor's classes: {}", e.toString());
            return "unknown-" + System.nanoTime();
        }
    }

    private static MessageDigest newDigest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this Java runtime", e);
        }
    }
}
