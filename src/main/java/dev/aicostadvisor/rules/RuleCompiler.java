package dev.aicostadvisor.rules;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.drools.base.definitions.rule.impl.RuleImpl;
import org.drools.compiler.kie.builder.impl.InternalKieModule;
import org.drools.model.codegen.ExecutableModelProject;
import org.drools.modelcompiler.KieBaseBuilder;
import org.kie.api.KieBase;
import org.kie.api.KieServices;
import org.kie.api.builder.KieBuilder;
import org.kie.api.builder.KieFileSystem;
import org.kie.api.builder.KieModule;
import org.kie.api.builder.Message;
import org.kie.api.builder.ReleaseId;
import org.kie.api.definition.KiePackage;
import org.kie.api.definition.rule.Rule;
import org.kie.api.runtime.KieContainer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.aicostadvisor.model.Decision;
import dev.aicostadvisor.model.Flowchart;
import dev.aicostadvisor.model.FlowchartNode;
import dev.aicostadvisor.model.Phase;
import dev.aicostadvisor.scenario.MapReader;

/**
 * Compiles a {@link RuleSource} into a KieBase with the executable model, after checking what Drools does
 * not: that each file's package matches its folder, that no rule name is used twice, and that every rule
 * belongs to the agenda group of a phase.
 *
 * <p>Every build gets its own ReleaseId, because builds with the same one replace each other in the KIE
 * repository, and the module is removed from the repository once its KieBase exists, so that reloads do
 * not pile up there.
 */
public final class RuleCompiler {

    private static final Logger LOG = LoggerFactory.getLogger(RuleCompiler.class);
    private static final String GROUP_ID = "dev.aicostadvisor.rules";
    private static final AtomicLong BUILDS = new AtomicLong();

    private RuleCompiler() {
    }

    /**
     * Compiles the rules.
     *
     * @throws InvalidRulesException listing every problem with its file, line and column
     */
    public static CompiledRules compile(RuleSource source) {
        long start = System.nanoTime();
        List<DrlOutline> outlines = source.files().stream().map(DrlOutline::of).toList();
        List<RuleProblem> problems = new ArrayList<>(checkStructure(outlines));

        KieServices services = KieServices.get();
        ReleaseId releaseId = services.newReleaseId(GROUP_ID,
                "rules-" + source.hash().substring(0, 12) + "-" + BUILDS.incrementAndGet(), "1.0.0");
        KieFileSystem fileSystem = services.newKieFileSystem();
        fileSystem.generateAndWritePomXML(releaseId);
        for (RuleFile file : source.files()) {
            fileSystem.write("src/main/resources/" + file.path(), file.content());
        }
        KieBuilder builder = services.newKieBuilder(fileSystem).buildAll(ExecutableModelProject.class);
        List<Message> errors = builder.getResults().getMessages(Message.Level.ERROR);
        boolean namesChecked = problems.stream().anyMatch(problem -> problem.message().startsWith("rule name "));
        for (RuleProblem problem : new ProblemLocator(source).locate(errors)) {
            // The structural check already reported each repeated rule name, with the place of the first one.
            if (!(namesChecked && problem.message().startsWith("Duplicate rule name"))) {
                problems.add(problem);
            }
        }
        if (!problems.isEmpty()) {
            services.getRepository().removeKieModule(releaseId);
            throw new InvalidRulesException(source.description() + " did not compile: " + problems.size()
                    + (problems.size() == 1 ? " problem" : " problems"), problems);
        }

        KieModule module = builder.getKieModule();
        byte[] moduleBytes = ((InternalKieModule) module).getBytes();
        KieBase kieBase = newKieBase(services, releaseId);
        CompiledRules compiled = new CompiledRules(kieBase, source, describeRules(kieBase, outlines), moduleBytes,
                (System.nanoTime() - start) / 1_000_000, false);
        checkGroups(compiled);
        return compiled;
    }

    /**
     * Loads rules compiled earlier from the bytes of their module, skipping the compiler. The caller makes
     * sure the bytes belong to this source, for example through {@link RuleSource#hash()}.
     *
     * <p>The KieBase is built straight from the module's rule model classes, with the same default
     * configuration that {@link #compile} uses, and without the KIE repository and its {@code kmodule.xml}
     * parsing, which took most of the time.
     *
     * @throws IllegalArgumentException when the bytes are not a compiled rules module
     */
    public static CompiledRules load(RuleSource source, byte[] moduleBytes) {
        long start = System.nanoTime();
        KieBase kieBase;
        try {
            ModuleClassLoader classes = ModuleClassLoader.of(moduleBytes, RuleCompiler.class.getClassLoader());
            kieBase = KieBaseBuilder.createKieBaseFromModel(classes.models());
        } catch (IOException | ReflectiveOperationException e) {
            throw new IllegalArgumentException("not a compiled rules module: " + e, e);
        }
        List<DrlOutline> outlines = source.files().stream().map(DrlOutline::of).toList();
        CompiledRules compiled = new CompiledRules(kieBase, source, describeRules(kieBase, outlines), moduleBytes,
                (System.nanoTime() - start) / 1_000_000, true);
        checkGroups(compiled);
        return compiled;
    }

    private static KieBase newKieBase(KieServices services, ReleaseId releaseId) {
        KieContainer container = services.newKieContainer(releaseId);
        KieBase kieBase = container.getKieBase();
        services.getRepository().removeKieModule(releaseId);
        return kieBase;
    }

    /** Checks each file's package against its folder and rule names for repeats. */
    static List<RuleProblem> checkStructure(List<DrlOutline> outlines) {
        List<RuleProblem> problems = new ArrayList<>();
        Map<String, DrlOutline.RuleOutline> firstByName = new HashMap<>();
        for (DrlOutline outline : outlines) {
            String expected = outline.file().expectedPackage();
            if (outline.packageName() == null) {
                problems.add(new RuleProblem(outline.file().location(), 1, 1,
                        "no package declared; expected 'package " + expected + ";' to match the folder"));
            } else if (!outline.packageName().equals(expected)) {
                problems.add(new RuleProblem(outline.file().location(), outline.packageLine(), 1,
                        "package '" + outline.packageName() + "' does not match the folder; expected 'package " + expected + ";'"));
            }
            for (DrlOutline.RuleOutline rule : outline.rules()) {
                DrlOutline.RuleOutline first = firstByName.putIfAbsent(rule.name(), rule);
                if (first != null) {
                    problems.add(new RuleProblem(rule.location(), rule.line(), 1, "rule name \"" + rule.name()
                            + "\" is already used at " + first.location() + ":" + first.line() + "; give each rule its own name"));
                }
            }
            problems.addAll(checkFlowchartIds(outline));
        }
        return problems;
    }

    private static final Pattern NODE_LITERAL = Pattern.compile("(?:new\\s+Recommendation\\s*\\(\\s*|\\bnode\\s*==\\s*)\"([^\"]*)\"");
    private static final Pattern DECISION_LITERAL = Pattern.compile("\\bdecision\\s*==\\s*\"([^\"]*)\"");

    /**
     * Checks the node and decision ids written as text in a rule file: a misspelt id in a constraint makes a
     * rule that never fires, and one in {@code new Recommendation(...)} fails only when the rule fires.
     */
    static List<RuleProblem> checkFlowchartIds(DrlOutline outline) {
        List<RuleProblem> problems = new ArrayList<>();
        List<String> nodes = Flowchart.nodes().stream().map(FlowchartNode::id).toList();
        List<String> decisions = Flowchart.decisions().stream().map(Decision::id).toList();
        for (int number = 1; number <= outline.lineCount(); number++) {
            String line = outline.line(number);
            if (line.trim().startsWith("//")) {
                continue;
            }
            Matcher node = NODE_LITERAL.matcher(line);
            while (node.find()) {
                if (!nodes.contains(node.group(1))) {
                    problems.add(unknownId(outline, number, node.start(1) + 1, "node", node.group(1), nodes));
                }
            }
            Matcher decision = DECISION_LITERAL.matcher(line);
            while (decision.find()) {
                if (!decisions.contains(decision.group(1))) {
                    problems.add(unknownId(outline, number, decision.start(1) + 1, "decision", decision.group(1), decisions));
                }
            }
        }
        return problems;
    }

    private static RuleProblem unknownId(DrlOutline outline, int line, int start, String kind, String id, List<String> known) {
        String suggestion = nearest(id, known);
        return new RuleProblem(outline.file().location(), line, start, "'" + id + "' is not a flowchart " + kind
                + (suggestion == null ? "; the flowchart's " + kind + "s are such as " + String.join(", ", known.subList(0, 3))
                : "; did you mean '" + suggestion + "'?"));
    }

    /** Returns the known id nearest to an unknown one, ignoring case, or {@code null} when none is near. */
    private static String nearest(String unknown, List<String> known) {
        return MapReader.nearest(unknown, known);
    }

    /** Rejects rules outside the agenda groups of the phases: the runner never focuses them, so they would never fire. */
    private static void checkGroups(CompiledRules compiled) {
        List<RuleProblem> problems = new ArrayList<>();
        for (RuleInfo rule : compiled.rules()) {
            if (rule.phase() == null) {
                problems.add(new RuleProblem(rule.location(), rule.line(), 1, "rule \"" + rule.name()
                        + "\" belongs to no phase; add ruleflow-group \"phase1\" (or phase2, phase3, phase4, success)"));
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidRulesException(compiled.source().description() + " did not compile: " + problems.size()
                    + (problems.size() == 1 ? " problem" : " problems"), problems);
        }
    }

    private static List<RuleInfo> describeRules(KieBase kieBase, List<DrlOutline> outlines) {
        Map<String, DrlOutline.RuleOutline> places = new HashMap<>();
        for (DrlOutline outline : outlines) {
            for (DrlOutline.RuleOutline rule : outline.rules()) {
                places.putIfAbsent(rule.name(), rule);
            }
        }
        List<RuleInfo> rules = new ArrayList<>();
        for (KiePackage kiePackage : kieBase.getKiePackages()) {
            for (Rule rule : kiePackage.getRules()) {
                DrlOutline.RuleOutline place = places.get(rule.getName());
                rules.add(new RuleInfo(rule.getName(), rule.getPackageName(), phaseOf(rule),
                        place == null ? kiePackage.getName() : place.location(), place == null ? 0 : place.line()));
            }
        }
        rules.sort((a, b) -> a.location().equals(b.location())
                ? Integer.compare(a.line(), b.line())
                : a.location().compareTo(b.location()));
        return rules;
    }

    private static Phase phaseOf(Rule rule) {
        String group = rule instanceof RuleImpl impl ? impl.getAgendaGroup() : null;
        if (group == null) {
            return null;
        }
        for (Phase phase : Phase.values()) {
            if (phase.group().equals(group)) {
                return phase;
            }
        }
        LOG.debug("Rule {} is in agenda group {}, which is no phase", rule.getName(), group);
        return null;
    }
}
