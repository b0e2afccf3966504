package dev.aicostadvisor.rules;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Compiles the rules bundled in the jar at build time, so that a run on unchanged rules loads them instead
 * of compiling. The Maven build runs this in the {@code process-classes} phase on the classes folder, which
 * already holds the compiled classes and the copy of {@code rules/}. It writes two resources there:
 * {@link AdvisorClasses#RESOURCE}, the fingerprint of the advisor's classes, and {@link #ENTRY_RESOURCE},
 * the compiled rules in the format of a {@link RuleCache} entry.
 *
 * <p>Rules that do not compile are reported as a warning and leave no precompiled entry, so the build
 * still produces a jar, which then compiles the rules at run time and reports their problems there.
 *
 * <p>Usage: {@code java -cp CLASSPATH dev.aicostadvisor.rules.BundledRulesPrecompiler target/classes}
 */
public final class BundledRulesPrecompiler {

    /** The class path resource of the precompiled bundled rules. */
    static final String ENTRY_RESOURCE = "/compiled-rules/bundled.kjar";

    private BundledRulesPrecompiler() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            System.err.println("usage: BundledRulesPrecompiler CLASSES_DIR");
            System.exit(2);
        }
        Path classes = Path.of(args[0]);
        Path entry = classes.resolve(ENTRY_RESOURCE.substring(1));
        Files.deleteIfExists(entry);
        String fingerprint = AdvisorClasses.compute(classes);
        Path fingerprintFile = classes.resolve(AdvisorClasses.RESOURCE.substring(1));
        Files.createDirectories(fingerprintFile.getParent());
        Files.writeString(fingerprintFile, fingerprint + "\n", StandardCharsets.US_ASCII);

        RuleSource source = RuleSource.directory(classes.resolve(RuleSource.BUNDLED_ROOT.substring(1)));
        CompiledRules compiled;
        try {
            compiled = RuleCompiler.compile(source);
        } catch (InvalidRulesException e) {
            // The jar still works: it compiles the rules at run time and reports their problems there.
            System.err.println("warning: the bundled rules were not precompiled: " + e.getMessage());
            return;
        }
        Files.createDirectories(entry.getParent());
        Files.write(entry, RuleCache.encode(RuleCache.keyOf(source.hash(), fingerprint), compiled.moduleBytes()));
        System.out.println("Precompiled " + compiled.ruleCount() + " bundled rules into " + entry + " in "
                + compiled.loadMillis() + " ms");
    }
}
