package org.ehcptracker.advice.domain;

import java.util.Optional;
import org.ehcptracker.kit.domain.CommandRejected;
import org.ehcptracker.contracts.advice.AdviceType;

/**
 * What the agency directory says about the agency a request is addressed to, read in the command's
 * transaction.
 *
 * @param councilUsesDirectory the case's council has at least one agency in the directory; a council
 *                             without any is not checked, so councils move to the directory one at a time
 * @param agency the agency under that id, if the directory has one (of any council)
 */
public record AgencyLookup(boolean councilUsesDirectory, Optional<Agency> agency) {

    /** For a council that has no directory yet: nothing is checked. */
    public static final AgencyLookup NO_DIRECTORY = new AgencyLookup(false, Optional.empty());

    /**
     * Refuses (422, field agencyId) existing advice from an agency that is not in the council's directory or does
     * not give this type of advice. A deactivated agency passes: the advice was given while it was active.
     */
    public void requireKnown(String agencyId, String localAuthorityCode, AdviceType adviceType) {
        if (!councilUsesDirectory) {
            return;
        }
        Agency known = knownTo(agencyId, localAuthorityCode);
        requireGives(known, agencyId, adviceType);
    }

    private Agency knownTo(String agencyId, String localAuthorityCode) {
        return agency.filter(a -> a.localAuthorityCode().equals(localAuthorityCode))
                .orElseThrow(() -> CommandRejected.unprocessable("agencyId", "agency " + agencyId
                        + " is not in council " + localAuthorityCode + "'s agency directory; add it first"
                        + " (POST /api/councils/" + localAuthorityCode + "/agencies)"));
    }

    private static void requireGives(Agency known, String agencyId, AdviceType adviceType) {
        if (!known.adviceTypes().contains(adviceType)) {
            throw CommandRejected.unprocessable("agencyId", "agency " + agencyId + " does not give " + adviceType
                    + " advice (its directory entry lists " + known.adviceTypes().stream().sorted().toList() + ")");
        }
    }

    /**
     * Refuses (422, field agencyId) a request to an agency that is not in the council's directory, is
     * deactivated, or does not give this type of advice.
     */
    public void requireCanBeAsked(String agencyId, String localAuthorityCode, AdviceType adviceType) {
        if (!councilUsesDirectory) {
            return;
        }
        Agency known = knownTo(agencyId, localAuthorityCode);
        if (!known.active()) {
            throw CommandRejected.unprocessable("agencyId", "agency " + agencyId
                    + " is deactivated in council " + localAuthorityCode + "'s directory; address the request to an active agency");
        }
        requireGives(known, agencyId, adviceType);
    }
}
