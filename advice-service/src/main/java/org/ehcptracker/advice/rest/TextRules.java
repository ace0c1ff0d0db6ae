package org.ehcptracker.advice.rest;

/** Patterns the bodies' text fields share. */
final class TextRules {

    /** One line of text: no control character (a NUL cannot be stored by PostgreSQL: a 400, never a 500). */
    static final String ONE_LINE = "[^\\p{Cntrl}]*";
    static final String ONE_LINE_MESSAGE = "must not contain control characters (such as NUL or a line break)";

    /** Free text over several lines: line breaks and tabs, but no other control character. */
    static final String MULTI_LINE = "[^\\x00-\\x08\\x0B\\x0C\\x0E-\\x1F\\x7F]*";
    static final String MULTI_LINE_MESSAGE = "must not contain control characters such as NUL (line breaks and tabs are fine)";

    /** The DfE three-digit local authority code. */
    static final String LA_CODE = "\\d{3}";

    private TextRules() {
    }
}
