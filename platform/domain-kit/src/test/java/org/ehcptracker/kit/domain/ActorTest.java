package org.ehcptracker.kit.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class ActorTest {

    @Test
    void parsesRoleAndId() {
        Actor actor = Actor.parse("agency:ep-839");
        assertThat(actor.role()).isEqualTo("agency");
        assertThat(actor.id()).isEqualTo("ep-839");
        assertThat(actor).hasToString("agency:ep-839");
    }

    @Test
    void toleratesSurroundingSpace() {
        assertThat(Actor.parse("  caseworker:j.smith@bcp ")).isEqualTo(new Actor("caseworker", "j.smith@bcp"));
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {" ", "jsmith", ":jsmith", "caseworker:", "Caseworker:jsmith", "caseworker:j smith", "a:b:c"})
    void refusesAnythingThatIsNotRoleColonId(String header) {
        assertThatThrownBy(() -> Actor.parse(header))
                .isInstanceOfSatisfying(CommandRejected.class, e -> {
                    assertThat(e.kind()).isEqualTo(CommandRejected.Kind.INVALID);
                    assertThat(e.field()).isEqualTo(Actor.HEADER);
                });
    }

    @Test
    void rejectionsCarryTheirKindFieldAndMessage() {
        CommandRejected e = CommandRejected.unprocessable("issuedDate", "a final plan needs a draft plan first");
        assertThat(e.kind()).isEqualTo(CommandRejected.Kind.UNPROCESSABLE);
        assertThat(e.field()).isEqualTo("issuedDate");
        assertThat(e).hasMessage("a final plan needs a draft plan first");
        assertThat(CommandRejected.notFound("no case").field()).isNull();
    }
}
