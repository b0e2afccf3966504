package dev.aicostadvisor.rules;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import org.drools.model.Model;

/**
 * Defines the classes of a compiled rules module (a kjar built with the executable model) straight from
 * its bytes, and names the rule model classes in it.
 *
 * <p>This lets {@link RuleCompiler#load} build a KieBase from the model classes without going through the
 * KIE repository, whose parsing of the module's {@code kmodule.xml} with XStream and an XML schema took
 * most of a load's time.
 */
final class ModuleClassLoader extends ClassLoader {

    private static final String MODEL_LIST_SUFFIX = "/drools-model";
    private static final String MODEL_VERSION_PREFIX = "Drools-Model-Version:";

    private final Map<String, byte[]> classes;
    private final List<String> modelClassNames;

    private ModuleClassLoader(ClassLoader parent, Map<String, byte[]> classes, List<String> modelClassNames) {
        super("compiled-rules", parent);
        this.classes = classes;
        this.modelClassNames = modelClassNames;
    }

    /**
     * Reads a module's entries.
     *
     * @throws IOException when the bytes are not a zip archive
     * @throws IllegalArgumentException when the archive contains no list of rule models
     */
    static ModuleClassLoader of(byte[] moduleBytes, ClassLoader parent) throws IOException {
        Map<String, byte[]> classes = new HashMap<>();
        List<String> models = null;
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(moduleBytes))) {
            for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                String name = entry.getName();
                if (name.endsWith(".class")) {
                    classes.put(name.substring(0, name.length() - ".class".length()).replace('/', '.'), zip.readAllBytes());
                } else if (name.startsWith("META-INF/kie/") && name.endsWith(MODEL_LIST_SUFFIX)) {
                    models = modelNames(new String(zip.readAllBytes(), StandardCharsets.UTF_8));
                }
            }
        }
        if (models == null || classes.isEmpty()) {
            throw new IllegalArgumentException("invalid compiled rules module: no executable rule model (no " + MODEL_LIST_SUFFIX + " list)");
        }
        return new ModuleClassLoader(parent, classes, models);
    }

    /** Instantiates every rule model class that the module lists. */
    List<Model> models() throws ReflectiveOperationException {
        List<Model> models = new ArrayList<>();
        for (String name : modelClassNames) {
            models.add((Model) loadClass(name).getDeclaredConstructor().newInstance());
        }
        return models;
    }

    @Override
    protected Class<?> findClass(String name) throws ClassNotFoundException {
        byte[] bytes = classes.get(name);
        if (bytes == null) {
            throw new ClassNotFoundException(name);
        }
        return defineClass(name, bytes, 0, bytes.length);
    }

    private static List<String> modelNames(String list) {
        List<String> names = new ArrayList<>();
        for (String line : list.split("\n")) {
            String name = line.trim();
            if (!name.isEmpty() && !name.startsWith(MODEL_VERSION_PREFIX)) {
                names.add(name);
            }
        }
        return names;
    }
}
