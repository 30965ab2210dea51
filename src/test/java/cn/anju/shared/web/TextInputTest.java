package cn.anju.shared.web;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

/** What text cannot be stored, and how the JSON reader refuses it with the path of the field. */
class TextInputTest {

    record Line(String note) {
    }

    record Order(String title, List<Line> lines, Map<String, String> tags) {
    }

    private final JsonMapper json = JsonMapper.builder().addModule(new TextInputChecks().checkedStrings()).build();

    @Test
    void nulAndUnpairedSurrogatesCannotBeStoredEverythingElseCan() {
        assertThat(TextInput.unstorable("a\u0000b")).isTrue();
        assertThat(TextInput.unstorable("a\ud800b")).isTrue();
        assertThat(TextInput.unstorable("a\udc00")).isTrue();
        assertThat(TextInput.unstorable("\ud800")).isTrue();
        assertThat(TextInput.unstorable("住户😀报修")).as("a pair is one character").isFalse();
        assertThat(TextInput.unstorable("\u202etxt.exe\t\r\n'; drop table x;--../..")).isFalse();
        assertThat(TextInput.unstorable("")).isFalse();
    }

    @Test
    void theJsonReaderNamesTheFieldToFix() {
        Throwable refused = catchThrowable(() -> json.readValue(
                "{\"title\":\"ok\",\"lines\":[{\"note\":\"fine\"},{\"note\":\"bad\\u0000\"}]}", Order.class));
        ProblemException problem = TextInput.refusalIn(refused);
        assertThat(problem).isNotNull();
        assertThat(problem.code()).isEqualTo("INVALID_CHARACTER");
        assertThat(problem.status().value()).isEqualTo(400);
        assertThat(problem.fieldProblems()).extracting(ProblemException.FieldProblem::field).containsExactly("lines[1].note");
        assertThat(problem.getMessage()).contains("lines[1].note").contains("请删除");
    }

    @Test
    void loneSurrogatesInValuesAndKeysAreRefusedToo() {
        assertThat(TextInput.refusalIn(catchThrowable(() -> json.readValue("{\"title\":\"\\udc01x\"}", Order.class))))
                .isNotNull();
        assertThat(TextInput.refusalIn(catchThrowable(() -> json.readValue("{\"tags\":{\"a\\u0000\":\"x\"}}", Order.class))))
                .isNotNull();
        assertThatThrownBy(() -> json.readValue("\"a\\u0000\"", String.class)).isInstanceOf(ProblemException.class);
    }

    @Test
    void storableTextReadsAsBefore() {
        Order order = json.readValue("{\"title\":\"楼道灯😀\",\"lines\":[{\"note\":null}],\"tags\":{\"k\":\"v\"}}", Order.class);
        assertThat(order.title()).isEqualTo("楼道灯😀");
        assertThat(order.lines().getFirst().note()).isNull();
        assertThat(order.tags()).containsEntry("k", "v");
    }
}
