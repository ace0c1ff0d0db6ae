package org.ehcptracker.assessment.sen2;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.xml.parsers.DocumentBuilderFactory;
import org.ehcptracker.assessment.domain.ChildPersonalDetails;
import org.ehcptracker.assessment.domain.Sen2Person;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * The return file's format (docs/sen2.md): reporting's modules for council 980, census 2026-01-15, joined with the
 * details held here. Child C-1 has two requests (one refused in 2025, one that gave a plan at URN 139021, active on
 * the census date); child C-2 one withdrawn request and no details held. Every element written is checked.
 */
class Sen2ReturnFileTest {

    static final UUID REFUSED = UUID.fromString("00000000-0000-0000-0000-000000000001");
    static final UUID PLAN = UUID.fromString("00000000-0000-0000-0000-000000000002");
    static final UUID WITHDRAWN = UUID.fromString("00000000-0000-0000-0000-000000000003");

    static final String MODULES = """
            {"localAuthorityCode":"980","censusDate":"2026-01-15","collectionYear":2026,
             "periodStart":"2025-01-01","periodEnd":"2025-12-31","cases":[
              {"caseId":"%s","childRef":"C-1","request":{"receivedDate":"2025-03-03","requestSource":"PARENT",
                "requestOutcome":"N","requestOutcomeDate":"2025-04-10","requestMediation":true,"requestTribunal":false,
                "transferredFromLa":null},"assessment":null,"activePlan":null},
              {"caseId":"%s","childRef":"C-1","request":{"receivedDate":"2025-06-02","requestSource":"PARENT",
                "requestOutcome":"Y","requestOutcomeDate":"2025-07-11","requestMediation":false,"requestTribunal":false,
                "transferredFromLa":null},
               "assessment":{"assessmentOutcome":"Y","assessmentOutcomeDate":"2025-10-17","assessmentMediation":false,
                "assessmentTribunal":false,"otherMediation":false,"otherTribunal":true,"week20":true,
                "namedPlan":{"planId":"00000000-0000-0000-0000-0000000000aa","startDate":"2025-10-17","ceaseDate":null,
                  "ceaseReason":null,"placement":{"urn":"139021","ukprn":null,"senSetting":null,"placementRank":1}}},
               "activePlan":{"planId":"00000000-0000-0000-0000-0000000000aa","transferLa":"981","reviewMeeting":null,
                "reviewOutcome":null,"lastReview":null,"placement":{"urn":"139021","ukprn":null,"senSetting":null,"placementRank":1},
                "senNeeds":[{"senType":"ASD","senTypeRank":1},{"senType":"SLCN","senTypeRank":2}]}},
              {"caseId":"%s","childRef":"C-2","request":{"receivedDate":"2025-07-07","requestSource":"SCHOOL_OR_SETTING",
                "requestOutcome":"W","requestOutcomeDate":"2025-08-01","requestMediation":false,"requestTribunal":false,
                "transferredFromLa":null},"assessment":null,"activePlan":null}]}
            """.formatted(REFUSED, PLAN, WITHDRAWN);

    static JsonNode modules() throws Exception {
        return new ObjectMapper().readTree(MODULES);
    }

    static Document parse(String xml) throws Exception {
        return DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
    }

    /** The element children of {@code e} as name=text (text only for leaves). */
    static List<String> items(Element e) {
        List<String> out = new ArrayList<>();
        for (Node n = e.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element c) {
                boolean leaf = c.getElementsByTagName("*").getLength() == 0;
                out.add(leaf ? c.getTagName() + "=" + c.getTextContent() : c.getTagName());
            }
        }
        return out;
    }

    static Element child(Element e, String name, int index) {
        return (Element) e.getElementsByTagName(name).item(index);
    }

    @Test
    void the_file_has_the_guides_structure_with_every_item_recorded_and_none_empty() throws Exception {
        // the details were given with the refused request; the later request of the same child has none of its own
        Map<UUID, ChildPersonalDetails> held = Map.of(REFUSED, new ChildPersonalDetails("Amy Jane Smith",
                LocalDate.parse("2016-07-19"), new Sen2Person("F", "WBRI", "Z839200125001", null, "SW1A 1AA")));

        String xml = Sen2ReturnFile.write(modules(), held, Instant.parse("2026-02-02T09:30:15.123Z"));
        Element message = parse(xml).getDocumentElement();

        assertThat(message.getTagName()).isEqualTo("Message");
        assertThat(items(message)).containsExactly("Header", "Persons");
        assertThat(items(child(message, "CollectionDetails", 0)))
                .containsExactly("Collection=SEN2", "Year=2026", "ReferenceDate=2026-01-15");
        assertThat(items(child(message, "Source", 0))).containsExactly("SourceLevel=L", "LEA=980",
                "SoftwareCode=EHCP Tracker", "Release=1", "SerialNo=1", "DateTime=2026-02-02T09:30:15");

        Element persons = child(message, "Persons", 0);
        assertThat(persons.getElementsByTagName("Person").getLength()).isEqualTo(2);
        Element amy = child(persons, "Person", 0);
        assertThat(items(amy)).containsExactly("Surname=Smith", "Forename=Amy Jane", "PersonBirthDate=2016-07-19",
                "Sex=F", "Ethnicity=WBRI", "PostCode=SW1A 1AA", "UPN=Z839200125001", "Requests", "Requests");
        Element refused = child(amy, "Requests", 0);
        assertThat(items(refused)).containsExactly("ReceivedDate=2025-03-03", "RequestOutcomeDate=2025-04-10",
                "RequestOutcome=N", "RequestMediation=1", "RequestTribunal=0");
        Element plan = child(amy, "Requests", 1);
        assertThat(items(plan)).containsExactly("ReceivedDate=2025-06-02", "RequestOutcomeDate=2025-07-11",
                "RequestOutcome=Y", "RequestMediation=0", "RequestTribunal=0", "Assessment", "ActivePlans");
        assertThat(items(child(plan, "Assessment", 0))).containsExactly("AssessmentOutcome=Y",
                "AssessmentOutcomeDate=2025-10-17", "AssessmentMediation=0", "AssessmentTribunal=0", "OtherMediation=0",
                "OtherTribunal=1", "Week20=1", "NamedPlan");
        assertThat(items(child(plan, "NamedPlan", 0))).containsExactly("StartDate=2025-10-17", "PlanDetail");
        assertThat(items(child(plan, "PlanDetail", 0))).containsExactly("URN=139021", "PlacementRank=1");
        assertThat(items(child(plan, "ActivePlans", 0))).containsExactly("TransferLA=981", "PlacementDetail",
                "SENneed", "SENneed");
        assertThat(items(child(plan, "PlacementDetail", 0))).containsExactly("URN=139021", "PlacementRank=1");
        assertThat(items(child(plan, "SENneed", 0))).containsExactly("SENtype=ASD", "SENtypeRank=1");
        assertThat(items(child(plan, "SENneed", 1))).containsExactly("SENtype=SLCN", "SENtypeRank=2");

        // no details held: the person has its requests only
        Element second = child(persons, "Person", 1);
        assertThat(items(second)).containsExactly("Requests");
        assertThat(items(child(second, "Requests", 0))).containsExactly("ReceivedDate=2025-07-07",
                "RequestOutcomeDate=2025-08-01", "RequestOutcome=W", "RequestMediation=0", "RequestTribunal=0");
    }

    @Test
    void an_empty_return_is_a_file_with_no_persons() throws Exception {
        JsonNode empty = new ObjectMapper().readTree("""
                {"localAuthorityCode":"982","censusDate":"2026-01-15","collectionYear":2026,"cases":[]}""");
        Element message = parse(Sen2ReturnFile.write(empty, Map.of(), Instant.parse("2026-02-02T09:30:00Z")))
                .getDocumentElement();
        assertThat(items(child(message, "Persons", 0))).isEmpty();
        assertThat(Sen2ReturnFile.fileName("982", LocalDate.parse("2026-01-15"))).isEqualTo("sen2-982-2026.xml");
    }

    @Test
    void a_name_is_split_at_its_last_word_and_characters_xml_cannot_carry_are_left_out() throws Exception {
        assertThat(Sen2ReturnFile.names("Amy Jane Smith")).containsExactly("Smith", "Amy Jane");
        assertThat(Sen2ReturnFile.names("Cher")).containsExactly("Cher", null);
        Map<UUID, ChildPersonalDetails> held = Map.of(WITHDRAWN, new ChildPersonalDetails("Bo\u0001b Lee", null));
        Element message = parse(Sen2ReturnFile.write(modules(), held, Instant.parse("2026-02-02T09:30:00Z")))
                .getDocumentElement();
        assertThat(items(child(child(message, "Persons", 0), "Person", 1))).startsWith("Surname=Lee", "Forename=Bob");
    }
}
