package dev.aicostadvisor.rules;

/**
 * One rule file of a rule set.
 *
 * @param path     the path inside the rule set, with forward slashes, such as {@code phase1/budget.drl};
 *                 its folder is the file's package
 * @param location how messages name the file, such as {@code rules/phase1/budget.drl}
 * @param content  the DRL text
 */
public record RuleFile(String path, String location, String content) {

    /** Returns the package that the file's folder calls for: {@code phase1} for {@code phase1/budget.drl}. */
    public String expectedPackage() {
        int slash = path.lastIndexOf('/');
        return slash < 0 ? "" : path.substring(0, slash).replace('/', '.');
    }
}
