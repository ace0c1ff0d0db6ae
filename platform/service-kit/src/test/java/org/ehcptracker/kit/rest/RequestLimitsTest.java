package org.ehcptracker.kit.rest;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RequestLimitsTest {

    @Test
    void aPathOrQueryValueThatCannotBeStoredAsSentHasAFlaw() {
        assertThat(RequestLimits.flaw("a\u0000b")).contains("NUL");
        assertThat(RequestLimits.flaw("a\u001bb")).contains("control character");
        assertThat(RequestLimits.flaw("a\u007f")).contains("control character");
        assertThat(RequestLimits.flaw("\uFFFD(")).contains("not UTF-8");
        assertThat(RequestLimits.flaw("a\ud800")).contains("half a character");
        assertThat(RequestLimits.flaw("\udc00a")).contains("half a character");
    }

    @Test
    void ordinaryValuesHaveNone() {
        assertThat(RequestLimits.flaw("839")).isNull();
        assertThat(RequestLimits.flaw("ep-839 Dorset é")).isNull();
        assertThat(RequestLimits.flaw("\ud83d\ude00")).isNull(); // a whole emoji: a surrogate pair
        assertThat(RequestLimits.flaw("")).isNull();
    }
}
