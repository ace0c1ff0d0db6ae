package org.ehcptracker.assessment.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.ehcptracker.kit.domain.CommandRejected;
import org.junit.jupiter.api.Test;

/** SEN2's person details (docs/sen2.md): each checked against its code list or format, hand-worked. */
class Sen2PersonTest {

    /**
     * UPN 839 2001 25 001 (LA 839, school 2001, year 25, serial 001): characters 2-13 weighted 2-13:
     * 8×2 + 3×3 + 9×4 + 2×5 + 0×6 + 0×7 + 1×8 + 2×9 + 5×10 + 0×11 + 0×12 + 1×13 = 160; 160 mod 23 = 22, the
     * 23rd letter of ABCDEFGHJKLMNPQRTUVWXYZ: Z. A temporary UPN ending in a letter counts it by its index (A = 0):
     * 160 − 13 + 0 = 147; 147 mod 23 = 9: K.
     */
    @Test
    void a_upn_is_valid_only_with_its_check_letter() {
        assertThat(Sen2Person.upnCheckLetter("839200125001")).isEqualTo('Z');
        assertThat(Sen2Person.validUpn("Z839200125001")).isTrue();
        assertThat(Sen2Person.validUpn("K83920012500A")).isTrue();
        assertThat(Sen2Person.validUpn("A839200125001")).isFalse();
        assertThat(Sen2Person.validUpn("Z83920012500")).isFalse();
        assertThat(Sen2Person.validUpn("I839200125001")).isFalse();
        assertThat(Sen2Person.checked(null, null, "z839200125001", null, null).upn()).isEqualTo("Z839200125001");
    }

    /**
     * ULN 123456789?: 1×10 + 2×9 + 3×8 + 4×7 + 5×6 + 6×5 + 7×4 + 8×3 + 9×2 = 210; 210 mod 11 = 1; check 10 − 1 = 9.
     * 987654321?: the sum is 330, 330 mod 11 = 0, check 10: no ULN starts so.
     */
    @Test
    void a_uln_is_ten_digits_with_its_check_digit() {
        assertThat(Sen2Person.validUln("1234567899")).isTrue();
        assertThat(Sen2Person.validUln("1234567890")).isFalse();
        assertThat(Sen2Person.validUln("9876543210")).isFalse();
        assertThat(Sen2Person.validUln("123456789")).isFalse();
    }

    @Test
    void codes_are_upper_cased_and_a_postcode_gets_its_one_space() {
        Sen2Person p = Sen2Person.checked(" f ", "wbri", null, null, "sw1a1aa");
        assertThat(p).isEqualTo(new Sen2Person("F", "WBRI", null, null, "SW1A 1AA"));
        assertThat(p.fieldsHeld()).containsExactly("sex", "ethnicity", "postcode");
        assertThat(p.toString()).doesNotContain("WBRI").doesNotContain("SW1A");
        assertThat(Sen2Person.checked("", " ", null, null, null).isEmpty()).isTrue();
    }

    @Test
    void a_value_off_its_list_or_format_is_refused_naming_its_field() {
        assertRefused("sex", () -> Sen2Person.checked("X", null, null, null, null));
        assertRefused("ethnicity", () -> Sen2Person.checked(null, "White British", null, null, null));
        assertRefused("upn", () -> Sen2Person.checked(null, null, "A839200125001", null, null));
        assertRefused("uln", () -> Sen2Person.checked(null, null, null, "1234567890", null));
        assertRefused("postcode", () -> Sen2Person.checked(null, null, null, null, "12345"));
        assertRefused("postcode", () -> Sen2Person.checked(null, null, null, null, "SW1A\u00001AA"));
    }

    private static void assertRefused(String field, Runnable check) {
        assertThatThrownBy(check::run).isInstanceOf(CommandRejected.class).extracting("field").isEqualTo(field);
    }
}
