package dev.aicostadvisor.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.List;

import org.junit.jupiter.api.Test;

import dev.aicostadvisor.model.Phase;

/** Compiling rule sets: each kind of broken rule file is reported with its file, line and column. */
class RuleCompilerTest {

    // A minimal, valid rule: the budget band rule of phase 1, alone in its file.
    static final String BUDGET_RULE = """
            package phase1;

            import dev.aicostadvisor.model.Budget;
            import dev.aicostadvisor.model.Recommendation;

            rule "Small budget"
                ruleflow-group "phase1"
            when
                Budget(monthlyUsd < 10000)
            then
                insert(new Recommendation("SmallBudget", "below 10,000 USD"));
            end
            """;

    static RuleSource source(String path, String content) {
        return RuleSource.of("test rules", List.of(new RuleFile(path, "rules/" + path, content)));
    }

    static List<RuleProblem> problemsOf(RuleSource source) {
        InvalidRulesException error = catchThrowableOfType(InvalidRulesException.class, () -> RuleCompiler.compile(source));
        assertThat(error).as("expected the rules not to compile").isNotNull();
        return error.problems();
    }

    @Test
    void validRuleCompiles() {
        CompiledRules rules = RuleCompiler.compile(source("phase1/budget.drl", BUDGET_RULE));

        assertThat(rules.ruleCount()).isEqualTo(1);
        RuleInfo rule = rules.rule("Small budget").orElseThrow();
        assertThat(rule.phase()).isEqualTo(Phase.PHASE_1);
        assertThat(rule.place()).isEqualTo("rules/phase1/budget.drl:6");
    }

    @Test
    void syntaxErrorNamesFileLineAndColumn() {
        String broken = BUDGET_RULE.replace("Budget(monthlyUsd < 10000)", "Budget(monthlyUsd < 10000");

        assertThat(problemsOf(source("phase1/budget.drl", broken))).extracting(RuleProblem::toString)
                .containsExactly("rules/phase1/budget.drl:10:1: [ERR 102] Line 10:0 mismatched input 'then' in rule \"Small budget\"");
    }

    @Test
    void syntaxErrorMidLineGivesItsColumn() {
        String broken = BUDGET_RULE.replace("Budget(monthlyUsd < 10000)", "Budget(monthlyUsd < 10000))");

        assertThat(problemsOf(source("phase1/budget.drl", broken))).extracting(RuleProblem::toString)
                .containsExactly("rules/phase1/budget.drl:9:31: [ERR 102] Line 9:30 mismatched input ')' in rule \"Small budget\"");
    }

    @Test
    void actionSyntaxErrorGivesLineAndColumn() {
        String broken = BUDGET_RULE.replace("\"below 10,000 USD\"));", ";");

        assertThat(problemsOf(source("phase1/budget.drl", broken))).extracting(RuleProblem::toString)
                .containsExactly("rules/phase1/budget.drl:11:46: in rule \"Small budget\": invalid Java in the rule's action: found \";\"");
    }

    @Test
    void actionStrayWordDropsParserTokenList() {
        String broken = BUDGET_RULE.replace("\"below 10,000 USD\"));", "\"below 10,000 USD\")) foo;");

        assertThat(problemsOf(source("phase1/budget.drl", broken))).extracting(RuleProblem::toString)
                .containsExactly("rules/phase1/budget.drl:11:67: in rule \"Small budget\": invalid Java in the rule's action: found \"foo\"");
    }

    @Test
    void missingEndNamesTheRuleWithoutIt() {
        String second = """

                rule "Large budget"
                    ruleflow-group "phase1"
                when
                    Budget(monthlyUsd > 100000)
                then
                    insert(new Recommendation("LargeBudget", "above 100,000 USD"));
                end
                """;
        String broken = BUDGET_RULE.replace("end\n", "") + second;

        assertThat(problemsOf(source("phase1/budget.drl", broken))).extracting(RuleProblem::message).singleElement().asString()
                .endsWith("; rule \"Small budget\" (line 6) has no end before the next rule, on line 13");
    }

    @Test
    void undefinedMethodInActionIsLocated() {
        String broken = BUDGET_RULE.replace("\"below 10,000 USD\"", "usdd(1)");

        assertThat(problemsOf(source("phase1/budget.drl", broken))).extracting(RuleProblem::toString)
                .containsExactly("rules/phase1/budget.drl:11:46: in rule \"Small budget\": The method usdd(int) is undefined in the rule's action");
    }

    @Test
    void unknownPropertyIsLocated() {
        String broken = BUDGET_RULE.replace("monthlyUsd < 10000", "monthlyUsdd < 10000");

        assertThat(problemsOf(source("phase1/budget.drl", broken))).extracting(RuleProblem::toString)
                .containsExactly("rules/phase1/budget.drl:9:12: in rule \"Small budget\": "
                        + "Unable to parse left part of expression: monthlyUsdd < 10000");
    }

    @Test
    void consequenceTypeErrorNamesRule() {
        String broken = BUDGET_RULE.replace("\"below 10,000 USD\"", "\"below\" - 10000");

        List<RuleProblem> problems = problemsOf(source("phase1/budget.drl", broken));

        assertThat(problems).hasSize(1);
        assertThat(problems.get(0).location()).isEqualTo("rules/phase1/budget.drl");
        assertThat(problems.get(0).line()).isEqualTo(11);
        assertThat(problems.get(0).message()).isEqualTo(
                "in rule \"Small budget\": The operator - is undefined for the argument type(s) String, int");
    }

    @Test
    void packageMustMatchFolder() {
        String moved = BUDGET_RULE.replace("package phase1;", "package phase2;");

        assertThat(problemsOf(source("phase1/budget.drl", moved))).extracting(RuleProblem::toString)
                .containsExactly("rules/phase1/budget.drl:1:1: package 'phase2' does not match the folder; expected 'package phase1;'");
    }

    @Test
    void ruleNameUsedTwiceIsRejected() {
        String copy = BUDGET_RULE.replace("package phase1;", "package phase2;").replace("\"phase1\"", "\"phase2\"");
        RuleSource source = RuleSource.of("test rules", List.of(
                new RuleFile("phase1/budget.drl", "rules/phase1/budget.drl", BUDGET_RULE),
                new RuleFile("phase2/copy.drl", "rules/phase2/copy.drl", copy)));

        assertThat(problemsOf(source)).extracting(RuleProblem::toString)
                .containsExactly("rules/phase2/copy.drl:6:1: rule name \"Small budget\" is already used at "
                        + "rules/phase1/budget.drl:6; give each rule its own name");
    }

    @Test
    void unknownNodeIdIsLocated() {
        String misspelt = BUDGET_RULE.replace("new Recommendation(\"SmallBudget\"", "new Recommendation(\"SmallBudgt\"");

        assertThat(problemsOf(source("phase1/budget.drl", misspelt))).extracting(RuleProblem::toString)
                .containsExactly("rules/phase1/budget.drl:11:32: 'SmallBudgt' is not a flowchart node; did you mean 'SmallBudget'?");
    }

    @Test
    void unknownDecisionInConstraintIsLocated() {
        String misspelt = BUDGET_RULE.replace("Budget(monthlyUsd < 10000)",
                "exists Recommendation(decision == \"Q7\")\n    Budget(monthlyUsd < 10000)");

        assertThat(problemsOf(source("phase1/budget.drl", misspelt))).extracting(RuleProblem::toString)
                .containsExactly("rules/phase1/budget.drl:9:40: 'Q7' is not a flowchart decision; did you mean 'Q1'?");
    }

    @Test
    void duplicateRuleNameIsReportedOnce() {
        String twice = BUDGET_RULE + BUDGET_RULE.substring(BUDGET_RULE.indexOf("rule \"Small budget\""));

        assertThat(problemsOf(source("phase1/budget.drl", twice))).extracting(RuleProblem::toString)
                .containsExactly("rules/phase1/budget.drl:13:1: rule name \"Small budget\" is already used at "
                        + "rules/phase1/budget.drl:6; give each rule its own name");
    }

    @Test
    void ruleOutsideEveryPhaseIsRejected() {
        String ungrouped = BUDGET_RULE.replace("    ruleflow-group \"phase1\"\n", "");

        assertThat(problemsOf(source("phase1/budget.drl", ungrouped))).extracting(RuleProblem::toString)
                .containsExactly("rules/phase1/budget.drl:6:1: rule \"Small budget\" belongs to no phase; "
                        + "add ruleflow-group \"phase1\" (or phase2, phase3, phase4, success)");
    }

    @Test
    void compiledModuleLoadsAgain() {
        RuleSource source = source("phase1/budget.drl", BUDGET_RULE);
        CompiledRules compiled = RuleCompiler.compile(source);

        CompiledRules loaded = RuleCompiler.load(source, compiled.moduleBytes());

        assertThat(loaded.fromCache()).isTrue();
        assertThat(loaded.ruleCount()).isEqualTo(1);
        assertThat(loaded.rule("Small budget")).isPresent();
    }
}
