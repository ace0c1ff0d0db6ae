package org.ehcptracker.advice.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.ehcptracker.contracts.advice.AdviceType;
import org.ehcptracker.kit.domain.AccessDenied;
import org.ehcptracker.kit.domain.Actor;
import org.ehcptracker.kit.domain.Role;
import org.junit.jupiter.api.Test;

/** Who may reach an advice request (issue 11): council staff by council, agency users by the agency claim. */
class AdviceRequestReachTest {

    /** Council 839's request to agency ep-839, requested 11 April 2025, due 23 May (+ 42 days). */
    static final AdviceRequestState.Request REQUEST = new AdviceRequestState.Request(
            UUID.fromString("00000000-0000-0000-0000-0000000000a1"), UUID.fromString("00000000-0000-0000-0000-0000000000c1"),
            "839", AdviceType.EDUCATIONAL_PSYCHOLOGY, "ep-839", LocalDate.of(2025, 4, 11), LocalDate.of(2025, 5, 23),
            AdviceRequestStatus.REQUESTED, null, null, null, null, 0, null, null);

    static Actor actor(Set<String> roles, Set<String> councils, String agency) {
        return Actor.of("subject-1", roles, councils, agency);
    }

    @Test
    void council_staff_reach_the_requests_of_the_councils_they_act_for() {
        assertThatCode(() -> AdviceRequestReach.require(actor(Set.of(Role.CASEWORKER), Set.of("839"), null), REQUEST))
                .doesNotThrowAnyException();
        assertThatCode(() -> AdviceRequestReach.require(
                actor(Set.of(Role.TEAM_MANAGER, Role.CASEWORKER), Set.of("873", "839"), null), REQUEST))
                .doesNotThrowAnyException();
        assertThatCode(() -> AdviceRequestReach.require(actor(Set.of(Role.CASEWORKER), Set.of("*"), null), REQUEST))
                .doesNotThrowAnyException();
    }

    @Test
    void council_staff_of_another_council_are_refused() {
        assertThatThrownBy(() -> AdviceRequestReach.require(actor(Set.of(Role.CASEWORKER), Set.of("857"), null), REQUEST))
                .isInstanceOf(AccessDenied.class).hasMessageContaining("839");
        assertThatThrownBy(() -> AdviceRequestReach.require(actor(Set.of(Role.CASEWORKER), Set.of(), null), REQUEST))
                .isInstanceOf(AccessDenied.class);
    }

    @Test
    void an_agency_user_reaches_the_requests_addressed_to_its_agency_whatever_its_councils() {
        assertThatCode(() -> AdviceRequestReach.require(actor(Set.of(Role.AGENCY), Set.of(), "ep-839"), REQUEST))
                .doesNotThrowAnyException();
        assertThatCode(() -> AdviceRequestReach.require(actor(Set.of(Role.AGENCY), Set.of("857"), "ep-839"), REQUEST))
                .doesNotThrowAnyException();
    }

    @Test
    void an_agency_user_of_another_agency_or_without_an_agency_is_refused_naming_the_agency_field() {
        assertThatThrownBy(() -> AdviceRequestReach.require(actor(Set.of(Role.AGENCY), Set.of("*"), "eps-873"), REQUEST))
                .isInstanceOf(NotTheAgencyAsked.class)
                .hasMessageContaining("only the agency asked")
                .extracting(e -> ((NotTheAgencyAsked) e).field()).isEqualTo("agencyId");
        assertThatThrownBy(() -> AdviceRequestReach.require(actor(Set.of(Role.AGENCY), Set.of("839"), null), REQUEST))
                .isInstanceOf(NotTheAgencyAsked.class);
    }

    @Test
    void a_token_with_agency_and_caseworker_is_council_staff_scoped_by_council() {
        Actor both = actor(Set.of(Role.AGENCY, Role.CASEWORKER), Set.of("857"), "ep-839");
        assertThat(AdviceRequestReach.agencyUser(both)).isFalse();
        assertThatThrownBy(() -> AdviceRequestReach.require(both, REQUEST)).isInstanceOf(AccessDenied.class);
    }

    @Test
    void an_empty_stream_is_left_to_the_decider_which_answers_not_found() {
        assertThatCode(() -> AdviceRequestReach.require(actor(Set.of(Role.CASEWORKER), Set.of("857"), null),
                AdviceRequestState.NONE)).doesNotThrowAnyException();
        assertThatThrownBy(() -> AdviceRequestReach.require(actor(Set.of(Role.CASEWORKER), Set.of("857"), null),
                (AdviceRequestState) REQUEST)).isInstanceOf(AccessDenied.class);
    }

    @Test
    void lists_show_council_staff_their_councils_and_every_council_only_to_national_users_and_agencies() {
        assertThat(AdviceRequestReach.listedCouncils(actor(Set.of(Role.CASEWORKER), Set.of("839", "873"), null)))
                .contains(Set.of("839", "873"));
        assertThat(AdviceRequestReach.listedCouncils(actor(Set.of(Role.CASEWORKER), Set.of("*"), null))).isEmpty();
        // an agency user's lists are its agency's (checked apart), in whichever council
        assertThat(AdviceRequestReach.listedCouncils(actor(Set.of(Role.AGENCY), Set.of("839"), "ep-839"))).isEmpty();
        assertThat(AdviceRequestReach.listedCouncils(actor(Set.of(Role.CASEWORKER), Set.of(), null)))
                .isEqualTo(Optional.of(Set.of()));
    }

    @Test
    void an_agency_user_reads_only_its_own_agency_and_council_staff_any() {
        assertThatCode(() -> AdviceRequestReach.requireOwnAgency(actor(Set.of(Role.AGENCY), Set.of(), "ep-839"), "ep-839", "x"))
                .doesNotThrowAnyException();
        assertThatThrownBy(() -> AdviceRequestReach.requireOwnAgency(actor(Set.of(Role.AGENCY), Set.of(), "ep-839"),
                "eps-873", "not yours")).isInstanceOf(NotTheAgencyAsked.class).hasMessage("not yours");
        assertThatCode(() -> AdviceRequestReach.requireOwnAgency(actor(Set.of(Role.CASEWORKER), Set.of("839"), null),
                "eps-873", "x")).doesNotThrowAnyException();
    }
}
