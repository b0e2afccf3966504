package dev.aicostadvisor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Duration;
import java.util.Collection;
import java.util.Collections;
import java.util.List;

import org.drools.kiesession.rulebase.SessionsAwareKnowledgeBase;
import org.junit.jupiter.api.Test;
import org.kie.api.KieBase;

import dev.aicostadvisor.model.Scenario;
import dev.aicostadvisor.rules.CompiledRules;

/**
 * Rules that misbehave: a rule that loops ends at the firing limit, a slow rule at the time limit, and a
 * rule that throws ends its own evaluation only. Each error names the rule and the scenario, every
 * session is disposed, and the next evaluation gives the same result as the shipped rules.
 */
class EvaluationLimitsTest {

    private static final CompiledRules RULES = FaultyRules.compiled();
    private static final Scenario SAAS = AdvisorTest.saasAssistant();
    private static final Scenario LOOPING = FaultyRules.triggering(SAAS, FaultyRules.LOOP_TRIGGER);
    private static final Scenario SLOW = FaultyRules.triggering(SAAS, FaultyRules.SLOW_TRIGGER);
    private static final Scenario THROWING = FaultyRules.throwing(SAAS);

    /**
     * Closes the advisor and checks that the KieBase holds no session that was not there before: the failed
     * evaluations disposed of theirs, and closing disposed of the pool's idle ones.
     */
    private static void assertNoSessionLeft(Advisor advisor, List<?> before) {
        advisor.close();
        List<Object> after = List.copyOf(openSessions(RULES.kieBase()));
        assertThat(after).as("sessions after the test, against those before it").isSubsetOf(before);
    }

    /** Returns the sessions that a KieBase still holds: those created and not yet disposed. */
    static Collection<?> openSessions(KieBase kieBase) {
        return ((SessionsAwareKnowledgeBase) kieBase).getKieSessions();
    }

    @Test
    void loopingRuleStopsAtFiringLimit() {
        List<?> before = List.copyOf(openSessions(RULES.kieBase()));
        Advisor advisor = Advisor.builder().rules(RULES).maxFirings(500).build();

        EvaluationException error = catchThrowableOfType(EvaluationException.class, () -> advisor.evaluate(LOOPING));

        String looping = "\"" + FaultyRules.LOOPING_RULE + "\"";
        assertThat(error.getMessage()).isEqualTo("evaluation of scenario 'Test trigger: loop' stopped after 500 rule firings "
                + "in phase2; the rules that fired last: " + String.join(", ", Collections.nCopies(6, looping))
                + ". A rule that modifies a fact it matches fires again each time: add no-loop or a guard condition, "
                + "or raise the limit if these rules need more firings");
        assertThat(error.rule()).isEqualTo(FaultyRules.LOOPING_RULE);
        assertThat(error.scenario()).isEqualTo("Test trigger: loop");
        assertNoSessionLeft(advisor, before);
    }

    @Test
    void loopingRuleStopsAtDefaultLimit() {
        Advisor advisor = Advisor.builder().rules(RULES).build();

        EvaluationException error = catchThrowableOfType(EvaluationException.class, () -> advisor.evaluate(LOOPING));

        assertThat(error.getMessage()).startsWith("evaluation of scenario 'Test trigger: loop' stopped after "
                + Advisor.DEFAULT_MAX_FIRINGS + " rule firings in phase2");
        assertThat(error.rule()).isEqualTo(FaultyRules.LOOPING_RULE);
    }

    @Test
    void slowRuleStopsAtTimeLimit() {
        // The slow rule sleeps 20 ms per firing and never stops, so 1,000,000 firings would take over
        // five hours: only the time limit can end this evaluation.
        List<?> before = List.copyOf(openSessions(RULES.kieBase()));
        Advisor advisor = Advisor.builder().rules(RULES).maxFirings(1_000_000).timeLimit(Duration.ofMillis(100)).build();

        EvaluationException error = catchThrowableOfType(EvaluationException.class, () -> advisor.evaluate(SLOW));

        assertThat(error.getMessage()).startsWith("evaluation of scenario 'Test trigger: sleep' stopped after 100 ms in phase2; "
                + "the rules that fired last: ");
        assertThat(error.getMessage()).endsWith("\"" + FaultyRules.SLOW_RULE + "\"");
        assertThat(error.rule()).isEqualTo(FaultyRules.SLOW_RULE);
        assertNoSessionLeft(advisor, before);
    }

    @Test
    void throwingRuleNamesRuleAndScenario() {
        List<?> before = List.copyOf(openSessions(RULES.kieBase()));
        Advisor advisor = Advisor.builder().rules(RULES).build();

        EvaluationException error = catchThrowableOfType(EvaluationException.class, () -> advisor.evaluate(THROWING));

        assertThat(error.getMessage()).isEqualTo("rule \"" + FaultyRules.THROWING_RULE + "\" failed on scenario 'Large budget': "
                + "IllegalStateException: this test rule fails on purpose");
        assertThat(error.rule()).isEqualTo(FaultyRules.THROWING_RULE);
        assertThat(error.scenario()).isEqualTo("Large budget");
        assertThat(error.getCause()).isInstanceOf(IllegalStateException.class);
        assertNoSessionLeft(advisor, before);
    }

    @Test
    void evaluationAfterFailuresIsUnaffected() {
        List<?> before = List.copyOf(openSessions(RULES.kieBase()));
        Advisor advisor = Advisor.builder().rules(RULES).maxFirings(500).timeLimit(Duration.ofMillis(100)).build();
        Evaluation expected = TestRules.advisor().evaluate(SAAS);

        for (Scenario failing : new Scenario[] {THROWING, LOOPING, SLOW}) {
            assertThat(catchThrowableOfType(EvaluationException.class, () -> advisor.evaluate(failing)))
                    .as("evaluation of %s", failing.getName()).isNotNull();
            Evaluation after = advisor.evaluate(SAAS);

            assertThat(after.recommendations()).as("outcomes after %s", failing.getName()).isEqualTo(expected.recommendations());
            assertThat(after.notes()).as("notes after %s", failing.getName()).isEqualTo(expected.notes());
            assertThat(after.ruleFirings()).as("firings after %s", failing.getName()).isEqualTo(expected.ruleFirings());
        }
        assertNoSessionLeft(advisor, before);
    }

    @Test
    void firingCountStartsAgainEachEvaluation() {
        Advisor advisor = Advisor.builder().rules(RULES).maxFirings(500).build();

        EvaluationException first = catchThrowableOfType(EvaluationException.class, () -> advisor.evaluate(LOOPING));
        EvaluationException second = catchThrowableOfType(EvaluationException.class, () -> advisor.evaluate(LOOPING));

        // A count carried over from the first evaluation would stop the second one at once, in phase1.
        assertThat(second.getMessage()).isEqualTo(first.getMessage());
    }
}
