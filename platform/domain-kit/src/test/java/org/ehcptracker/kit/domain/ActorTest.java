package org.ehcptracker.kit.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Set;
import org.junit.jupiter.api.Test;

class ActorTest {

    @Test
    void the_recorded_role_is_the_most_specific_the_token_carries() {
        Actor manager = Actor.of("5f1c", Set.of("caseworker", "team-manager"), Set.of("839"), null);
        assertThat(manager.role()).isEqualTo("team-manager");
        assertThat(manager).hasToString("team-manager:5f1c");
        assertThat(manager.hasRole("caseworker")).isTrue();
        assertThat(Actor.of("9a", Set.of("offline_access"), Set.of(), null).role()).isEqualTo("none");
    }

    @Test
    void a_council_actor_acts_for_its_councils_only() {
        Actor caseworker = Actor.of("5f1c", Set.of("caseworker"), Set.of("839", "873"), null);
        assertThat(caseworker.actsFor("839")).isTrue();
        assertThat(caseworker.actsFor("857")).isFalse();
        assertThat(caseworker.actsForEveryCouncil()).isFalse();
        caseworker.requireCouncil("873");
        assertThatThrownBy(() -> caseworker.requireCouncil("857")).isInstanceOf(AccessDenied.class)
                .hasMessageContaining("857");
    }

    @Test
    void a_national_actor_acts_for_every_council() {
        Actor analyst = Actor.of("a1", Set.of("board"), Set.of(Actor.EVERY_COUNCIL), null);
        assertThat(analyst.actsFor("857")).isTrue();
        assertThat(analyst.actsForEveryCouncil()).isTrue();
    }

    @Test
    void an_agency_user_reaches_only_its_own_agencys_requests() {
        Actor ep = Actor.of("e1", Set.of("agency"), Set.of("839"), "ep-839");
        ep.requireAgencyIfAgencyUser("ep-839");
        assertThatThrownBy(() -> ep.requireAgencyIfAgencyUser("health-839")).isInstanceOf(AccessDenied.class);
        Actor noAgencyClaim = Actor.of("e2", Set.of("agency"), Set.of("839"), null);
        assertThatThrownBy(() -> noAgencyClaim.requireAgencyIfAgencyUser("ep-839")).isInstanceOf(AccessDenied.class);
        // a caseworker is not an agency: the council scope is checked apart
        Actor.of("c1", Set.of("caseworker"), Set.of("839"), null).requireAgencyIfAgencyUser("ep-839");
    }

    @Test
    void an_actor_inside_the_system_has_no_council() {
        Actor system = new Actor(Role.SYSTEM, "advice-service");
        assertThat(system.actsFor("839")).isFalse();
        assertThat(system).hasToString("system:advice-service");
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
