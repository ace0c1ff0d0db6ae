package org.ehcptracker.kit.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.quarkiverse.resteasy.problem.HttpProblem;
import java.time.LocalDate;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Issue 14: inputs Jackson would read as something else than what was sent are refused, naming the field. */
class StrictJsonTest {

    record Body(UUID caseId, LocalDate receivedDate, Integer yearOfMove, String note) {
    }

    private final ObjectMapper mapper = strict();

    private static ObjectMapper strict() {
        var mapper = new ObjectMapper().registerModule(new JavaTimeModule());
        new StrictJson().customize(mapper);
        return mapper;
    }

    @Test
    void aPlainDateIsRead() throws Exception {
        assertThat(mapper.readValue("{\"receivedDate\":\"2025-03-03\"}", Body.class).receivedDate())
                .isEqualTo(LocalDate.of(2025, 3, 3));
    }

    @Test
    void aDateTimeOrAnOutOfRangeYearWhereADateBelongsIsRefusedNamingTheField() {
        for (String date : new String[] {"2025-03-03T23:30:00Z", "+999999999-12-31", "2025-3-3"}) {
            Throwable e = catchThrowable(() -> mapper.readValue("{\"receivedDate\":\"" + date + "\"}", Body.class));
            HttpProblem problem = ProblemResponses.bodyProblem(e);
            assertThat(problem).as(date).isNotNull();
            assertThat(problem.getParameters()).as(date).containsEntry("field", "receivedDate");
            assertThat(problem.getDetail()).as(date).isEqualTo("receivedDate: expected a date as yyyy-mm-dd");
        }
    }

    @Test
    void anEmptyStringIsNotANullIdOrDate() {
        assertThatThrownBy(() -> mapper.readValue("{\"caseId\":\"\"}", Body.class))
                .satisfies(e -> assertThat(ProblemResponses.bodyProblem(e).getParameters()).containsEntry("field", "caseId"));
        assertThatThrownBy(() -> mapper.readValue("{\"receivedDate\":\"\"}", Body.class))
                .satisfies(e -> assertThat(ProblemResponses.bodyProblem(e).getParameters()).containsEntry("field", "receivedDate"));
    }

    @Test
    void anEmptyStringIsStillText() throws Exception {
        assertThat(mapper.readValue("{\"note\":\"\"}", Body.class).note()).isEmpty();
    }

    @Test
    void aNumberTooLargeOrTextThatIsNotUtf8NamesItsField() {
        Throwable tooLarge = catchThrowable(() -> mapper.readValue("{\"yearOfMove\":99999999999999999999}", Body.class));
        assertThat(ProblemResponses.bodyProblem(tooLarge).getParameters()).containsEntry("field", "yearOfMove");
        byte[] notUtf8 = {'{', '"', 'n', 'o', 't', 'e', '"', ':', '"', (byte) 0xC3, 0x28, '"', '}'};
        Throwable bytes = catchThrowable(() -> mapper.readValue(notUtf8, Body.class));
        assertThat(ProblemResponses.bodyProblem(bytes).getParameters()).containsEntry("field", "note");
    }

    @Test
    void malformedJsonBeforeAnyFieldNamesNone() {
        Throwable e = catchThrowable(() -> mapper.readValue("{note:1}", Body.class));
        HttpProblem problem = ProblemResponses.bodyProblem(e);
        assertThat(problem.getParameters()).doesNotContainKey("field");
        assertThat(problem.getDetail()).startsWith("the body is not valid JSON");
    }
}
