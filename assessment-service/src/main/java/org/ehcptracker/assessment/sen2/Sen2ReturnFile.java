package org.ehcptracker.assessment.sen2;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.StringWriter;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import org.ehcptracker.assessment.domain.ChildPersonalDetails;

/**
 * Writes a council's SEN2 person-level return as XML in the guide's structure (docs/sen2.md): a header, then one
 * Person per child (the cases of one childRef) with the person module from this service's personal details and, under
 * it, one Requests per case with its Assessment, NamedPlan and PlanDetail, and ActivePlans with its PlacementDetail,
 * from reporting-service's pseudonymous modules. An item nobody recorded is left out, never written empty.
 */
public final class Sen2ReturnFile {

    /** The software code in the header (the guide's SoftwareCode). */
    public static final String SOFTWARE = "EHCP Tracker";

    private Sen2ReturnFile() {
    }

    /** One child: the cases of one childRef, and the details held of the first that holds any. */
    record Person(String childRef, ChildPersonalDetails details, List<JsonNode> cases) {
    }

    /** The children of the modules, in the modules' order, each with the details held for its cases. */
    static List<Person> persons(JsonNode modules, Map<UUID, ChildPersonalDetails> held) {
        Map<String, List<JsonNode>> byChild = new LinkedHashMap<>();
        for (JsonNode c : modules.path("cases")) {
            String childRef = c.path("childRef").asText(c.path("caseId").asText());
            byChild.computeIfAbsent(childRef, k -> new ArrayList<>()).add(c);
        }
        List<Person> persons = new ArrayList<>();
        byChild.forEach((childRef, cases) -> {
            ChildPersonalDetails details = cases.stream()
                    .map(c -> held.getOrDefault(UUID.fromString(c.path("caseId").asText()), ChildPersonalDetails.NONE))
                    .filter(d -> !d.isEmpty()).findFirst().orElse(ChildPersonalDetails.NONE);
            persons.add(new Person(childRef, details, cases));
        });
        return persons;
    }

    /** The file for {@code modules} (reporting's answer) with the details {@code held} by case id. */
    public static String write(JsonNode modules, Map<UUID, ChildPersonalDetails> held, Instant now) {
        StringWriter out = new StringWriter();
        try {
            XMLStreamWriter x = XMLOutputFactory.newFactory().createXMLStreamWriter(out);
            x.writeStartDocument("UTF-8", "1.0");
            x.writeStartElement("Message");
            header(x, modules, now);
            x.writeStartElement("Persons");
            for (Person p : persons(modules, held)) {
                person(x, p);
            }
            x.writeEndElement();
            x.writeEndElement();
            x.writeEndDocument();
            x.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("the SEN2 return could not be written", e);
        }
        return out.toString();
    }

    private static void header(XMLStreamWriter x, JsonNode m, Instant now) throws XMLStreamException {
        x.writeStartElement("Header");
        x.writeStartElement("CollectionDetails");
        item(x, "Collection", "SEN2");
        item(x, "Year", m.path("collectionYear").asText());
        item(x, "ReferenceDate", m.path("censusDate").asText());
        x.writeEndElement();
        x.writeStartElement("Source");
        item(x, "SourceLevel", "L");
        item(x, "LEA", m.path("localAuthorityCode").asText());
        item(x, "SoftwareCode", SOFTWARE);
        item(x, "Release", "1");
        item(x, "SerialNo", "1");
        item(x, "DateTime", now.truncatedTo(ChronoUnit.SECONDS).atOffset(ZoneOffset.UTC).toLocalDateTime().toString());
        x.writeEndElement();
        x.writeEndElement();
    }

    private static void person(XMLStreamWriter x, Person p) throws XMLStreamException {
        ChildPersonalDetails d = p.details();
        x.writeStartElement("Person");
        String[] names = names(d.childName());
        item(x, "Surname", names[0]);
        item(x, "Forename", names[1]);
        item(x, "PersonBirthDate", d.dateOfBirth() == null ? null : d.dateOfBirth().toString());
        item(x, "Sex", d.sen2().sex());
        item(x, "Ethnicity", d.sen2().ethnicity());
        item(x, "PostCode", d.sen2().postcode());
        item(x, "UPN", d.sen2().upn());
        item(x, "UniqueLearnerNumber", d.sen2().uln());
        for (JsonNode c : p.cases()) {
            requests(x, c);
        }
        x.writeEndElement();
    }

    /**
     * The name as held is one text: the surname is its last word, the forename the words before it (docs/sen2.md).
     * A single word is the surname.
     */
    static String[] names(String childName) {
        if (childName == null) {
            return new String[] {null, null};
        }
        String name = childName.strip();
        int last = name.lastIndexOf(' ');
        return last < 0 ? new String[] {name, null}
                : new String[] {name.substring(last + 1), name.substring(0, last).strip()};
    }

    private static void requests(XMLStreamWriter x, JsonNode c) throws XMLStreamException {
        JsonNode r = c.path("request");
        x.writeStartElement("Requests");
        item(x, "ReceivedDate", text(r, "receivedDate"));
        item(x, "RequestOutcomeDate", text(r, "requestOutcomeDate"));
        item(x, "RequestOutcome", text(r, "requestOutcome"));
        item(x, "RequestMediation", flag(r, "requestMediation"));
        item(x, "RequestTribunal", flag(r, "requestTribunal"));
        JsonNode a = c.path("assessment");
        if (a.isObject()) {
            x.writeStartElement("Assessment");
            item(x, "AssessmentOutcome", text(a, "assessmentOutcome"));
            item(x, "AssessmentOutcomeDate", text(a, "assessmentOutcomeDate"));
            item(x, "AssessmentMediation", flag(a, "assessmentMediation"));
            item(x, "AssessmentTribunal", flag(a, "assessmentTribunal"));
            item(x, "OtherMediation", flag(a, "otherMediation"));
            item(x, "OtherTribunal", flag(a, "otherTribunal"));
            item(x, "Week20", flag(a, "week20"));
            JsonNode n = a.path("namedPlan");
            if (n.isObject()) {
                x.writeStartElement("NamedPlan");
                item(x, "StartDate", text(n, "startDate"));
                item(x, "CeaseDate", text(n, "ceaseDate"));
                item(x, "CeaseReason", text(n, "ceaseReason"));
                placement(x, "PlanDetail", n.path("placement"));
                x.writeEndElement();
            }
            x.writeEndElement();
        }
        JsonNode ap = c.path("activePlan");
        if (ap.isObject()) {
            x.writeStartElement("ActivePlans");
            item(x, "TransferLA", text(ap, "transferLa"));
            item(x, "ReviewMeeting", text(ap, "reviewMeeting"));
            item(x, "ReviewOutcome", text(ap, "reviewOutcome"));
            item(x, "LastReview", text(ap, "lastReview"));
            placement(x, "PlacementDetail", ap.path("placement"));
            for (JsonNode need : ap.path("senNeeds")) {
                x.writeStartElement("SENneed");
                item(x, "SENtype", text(need, "senType"));
                item(x, "SENtypeRank", text(need, "senTypeRank"));
                x.writeEndElement();
            }
            x.writeEndElement();
        }
        x.writeEndElement();
    }

    private static void placement(XMLStreamWriter x, String element, JsonNode p) throws XMLStreamException {
        if (!p.isObject()) {
            return;
        }
        x.writeStartElement(element);
        item(x, "URN", text(p, "urn"));
        item(x, "UKPRN", text(p, "ukprn"));
        item(x, "SENSetting", text(p, "senSetting"));
        item(x, "PlacementRank", text(p, "placementRank"));
        x.writeEndElement();
    }

    private static String text(JsonNode node, String field) {
        JsonNode v = node.path(field);
        return v.isMissingNode() || v.isNull() ? null : v.asText();
    }

    /** A yes/no item as the guide writes it: 1 or 0. */
    private static String flag(JsonNode node, String field) {
        JsonNode v = node.path(field);
        return v.isBoolean() ? (v.asBoolean() ? "1" : "0") : null;
    }

    private static void item(XMLStreamWriter x, String element, String value) throws XMLStreamException {
        if (value == null) {
            return;
        }
        x.writeStartElement(element);
        // characters XML 1.0 cannot carry (control characters a name might hold) are left out, not written broken
        x.writeCharacters(NOT_XML.matcher(value).replaceAll(""));
        x.writeEndElement();
    }

    private static final java.util.regex.Pattern NOT_XML =
            java.util.regex.Pattern.compile("[\\x00-\\x08\\x0B\\x0C\\x0E-\\x1F\\uFFFE\\uFFFF]");

    /** The file's name: sen2-{la}-{year}.xml. */
    public static String fileName(String la, LocalDate censusDate) {
        return "sen2-" + la + "-" + censusDate.getYear() + ".xml";
    }
}
