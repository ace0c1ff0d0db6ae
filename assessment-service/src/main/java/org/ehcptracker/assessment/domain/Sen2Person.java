package org.ehcptracker.assessment.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.ehcptracker.kit.domain.CommandRejected;

/**
 * The child's details SEN2's person module asks for besides name and date of birth (docs/sen2.md): sex, ethnicity,
 * unique pupil number, unique learner number and postcode. Personal data, as name and date of birth: held only in
 * this service's erasable table, never in an event. Each is optional; a value given must be of its code list or
 * format.
 *
 * @param sex       CBDS sex code: M (male), F (female), U (not known)
 * @param ethnicity a CBDS main ethnicity code (e.g. WBRI), REFU (refused) or NOBT (not yet obtained)
 * @param upn       unique pupil number: 13 characters whose first is the check letter of the other twelve (DfE)
 * @param uln       unique learner number: 10 digits, the last a check digit (Learning Records Service)
 * @param postcode  a UK postcode, kept upper case with one space before the inward code
 */
public record Sen2Person(String sex, String ethnicity, String upn, String uln, String postcode) {

    public static final Sen2Person NONE = new Sen2Person(null, null, null, null, null);

    public static final Set<String> SEXES = Set.of("M", "F", "U");

    /** The CBDS main ethnicity codes (18 groups), refused and not yet obtained. */
    public static final Set<String> ETHNICITIES = Set.of("WBRI", "WIRI", "WIRT", "WOTH", "WROM", "MWBC", "MWBA",
            "MWAS", "MOTH", "AIND", "APKN", "ABAN", "AOTH", "BCRB", "BAFR", "BOTH", "CHNE", "OOTH", "REFU", "NOBT");

    /** The 23 letters of the UPN alphabet (no I, O, S): a check letter's value is its index, as a final letter's. */
    static final String UPN_LETTERS = "ABCDEFGHJKLMNPQRTUVWXYZ";

    private static final Pattern UPN = Pattern.compile("[" + UPN_LETTERS + "]\\d{11}[0-9" + UPN_LETTERS + "]");
    private static final Pattern ULN = Pattern.compile("\\d{10}");
    private static final Pattern POSTCODE = Pattern.compile("([A-Z]{1,2}\\d[A-Z\\d]?) ?(\\d[A-Z]{2})");

    public Sen2Person {
        sex = normalised(sex);
        ethnicity = normalised(ethnicity);
        upn = normalised(upn);
        uln = normalised(uln);
        postcode = normalised(postcode);
        if (postcode != null) {
            var m = POSTCODE.matcher(postcode);
            postcode = m.matches() ? m.group(1) + " " + m.group(2) : postcode;
        }
    }

    private static String normalised(String value) {
        return value == null || value.isBlank() ? null : value.strip().toUpperCase(Locale.ROOT);
    }

    /**
     * The details as given, each checked against its code list or format.
     *
     * @throws CommandRejected (400) naming the first field at fault (sex, ethnicity, upn, uln, postcode)
     */
    public static Sen2Person checked(String sex, String ethnicity, String upn, String uln, String postcode) {
        Sen2Person p = new Sen2Person(sex, ethnicity, upn, uln, postcode);
        if (p.sex != null && !SEXES.contains(p.sex)) {
            throw CommandRejected.invalid("sex", "sex must be a CBDS sex code: M, F or U (not known)");
        }
        if (p.ethnicity != null && !ETHNICITIES.contains(p.ethnicity)) {
            throw CommandRejected.invalid("ethnicity", "ethnicity must be a CBDS main ethnicity code (e.g. WBRI, APKN, "
                    + "BAFR), REFU (refused) or NOBT (not yet obtained)");
        }
        if (p.upn != null && !validUpn(p.upn)) {
            throw CommandRejected.invalid("upn", "upn must be 13 characters: a check letter, 11 digits, a digit or "
                    + "letter, with the check letter the DfE algorithm gives");
        }
        if (p.uln != null && !validUln(p.uln)) {
            throw CommandRejected.invalid("uln", "uln must be 10 digits whose last is the check digit");
        }
        if (p.postcode != null && !POSTCODE.matcher(p.postcode).matches()) {
            throw CommandRejected.invalid("postcode", "postcode must be a UK postcode, e.g. SW1A 1AA");
        }
        return p;
    }

    /**
     * DfE's UPN check: characters 2 to 13 weighted by their position (2 to 13; a letter counts its index in
     * {@link #UPN_LETTERS}), summed, modulo 23, is the index of the first character.
     */
    public static boolean validUpn(String upn) {
        return upn != null && UPN.matcher(upn).matches() && upn.charAt(0) == upnCheckLetter(upn.substring(1));
    }

    /** The check letter of a UPN's last twelve characters. */
    public static char upnCheckLetter(String lastTwelve) {
        int sum = 0;
        for (int i = 0; i < lastTwelve.length(); i++) {
            char c = lastTwelve.charAt(i);
            int value = Character.isDigit(c) ? c - '0' : UPN_LETTERS.indexOf(c);
            sum += value * (i + 2);
        }
        return UPN_LETTERS.charAt(sum % 23);
    }

    /** The LRS check: the first nine digits weighted 10 down to 2, summed, modulo 11; the check digit is 10 minus it (never 10). */
    public static boolean validUln(String uln) {
        if (uln == null || !ULN.matcher(uln).matches()) {
            return false;
        }
        int sum = 0;
        for (int i = 0; i < 9; i++) {
            sum += (uln.charAt(i) - '0') * (10 - i);
        }
        int check = 10 - sum % 11;
        return check < 10 && check == uln.charAt(9) - '0';
    }

    public boolean isEmpty() {
        return sex == null && ethnicity == null && upn == null && uln == null && postcode == null;
    }

    /** The names of the fields held (for the audit of a read or a change), never their values. */
    public List<String> fieldsHeld() {
        var fields = new ArrayList<String>();
        if (sex != null) {
            fields.add("sex");
        }
        if (ethnicity != null) {
            fields.add("ethnicity");
        }
        if (upn != null) {
            fields.add("upn");
        }
        if (uln != null) {
            fields.add("uln");
        }
        if (postcode != null) {
            fields.add("postcode");
        }
        return fields;
    }

    /** Says which fields are held, never the values. */
    @Override
    public String toString() {
        return "Sen2Person" + fieldsHeld();
    }
}
