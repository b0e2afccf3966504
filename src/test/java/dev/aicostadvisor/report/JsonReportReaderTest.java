package dev.aicostadvisor.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.aicostadvisor.Evaluation;
import dev.aicostadvisor.TestRules;
import dev.aicostadvisor.scenario.ScenarioReader;

/** Reading JSON reports back: every field, batches, and reports that do not match the flowchart. */
class JsonReportReaderTest {

    private static final Evaluation SAAS = TestRules.advisor()
            .evaluate(ScenarioReader.read(Path.of("scenarios/saas-support-assistant.yaml")));

    @Test
    void reportReadsBackInFull() {
        JsonReportReader.Report report = JsonReportReader.read(JsonReport.render(SAAS));

        assertThat(report.scenario()).isEqualTo("Mid-size SaaS support assistant");
        assertThat(report.recommendations()).isEqualTo(SAAS.recommendations());
        assertThat(report.notes()).isEqualTo(SAAS.notes());
        assertThat(report.recommendations().get(1).getRule()).isEqualTo("Q2 MedBudget: budget within the medium band");
    }

    @Test
    void batchReadsFromArrayOrLines() {
        String array = "[\n" + JsonReport.render(SAAS) + ",\n" + JsonReport.render(SAAS) + "\n]\n";
        String lines = JsonReport.renderLine(SAAS) + "\n\n" + JsonReport.renderLine(SAAS) + "\n";

        assertThat(JsonReportReader.readAll(array)).hasSize(2);
        assertThat(JsonReportReader.readAll(lines)).extracting(JsonReportReader.Report::recommendations)
                .containsExactly(SAAS.recommendations(), SAAS.recommendations());
    }

    @Test
    void unknownNodeIsRejected() {
        String json = JsonReport.renderLine(SAAS).replace("\"node\":\"MedBudget\"", "\"node\":\"MediumBudget\"");

        assertThatThrownBy(() -> JsonReportReader.read(json)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("recommendations[1].node: 'MediumBudget' is not a flowchart node");
    }

    @Test
    void titleFromAnotherFlowchartIsRejected() {
        String json = JsonReport.renderLine(SAAS).replace("\"title\":\"Medium budget: flexibility level\"", "\"title\":\"Medium budget\"");

        assertThatThrownBy(() -> JsonReportReader.read(json))
                .hasMessage("recommendations[1].title: 'Medium budget' differs from the flowchart's 'Medium budget: flexibility level'; "
                        + "the report comes from another version of the flowchart");
    }

    @Test
    void badLineOfBatchIsNamed() {
        String lines = JsonReport.renderLine(SAAS) + "\n{\"scenario\": \"x\", \"recommendations\": {}}\n";

        assertThatThrownBy(() -> JsonReportReader.readAll(lines)).hasMessage("line 2: recommendations: expected a list");
    }

    @Test
    void malformedJsonIsRejected() {
        assertThatThrownBy(() -> JsonReportReader.read("{\"scenario\": ")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("malformed JSON: ");
    }

    @Test
    void unknownNoteKindIsRejected() {
        String json = "{\"scenario\": \"x\", \"recommendations\": [], \"notes\": [{\"kind\": \"warning\", \"text\": \"t\", \"nodes\": []}]}";

        assertThatThrownBy(() -> JsonReportReader.read(json))
                .hasMessage("notes[0].kind: 'warning' is not a note kind; expected conflict, not_measured or assumption");
    }

    @Test
    void emptyReportReads() {
        JsonReportReader.Report report = JsonReportReader.read("{\"scenario\": \"x\", \"recommendations\": [], \"notes\": []}");

        assertThat(report.recommendations()).isEqualTo(List.of());
        assertThat(report.notes()).isEmpty();
    }
}
