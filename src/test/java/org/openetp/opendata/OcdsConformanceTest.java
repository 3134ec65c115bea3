package org.openetp.opendata;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The conformance checker itself: it passes a minimal valid package and names each kind of fault it must catch. */
class OcdsConformanceTest {

    private final OcdsConformance conformance = new OcdsConformance("ocds-oetp00");

    private static String pack(String release) {
        return """
                {"uri": "https://example.org/p", "version": "1.1", "publishedDate": "2026-12-07T10:00:00Z",
                 "publisher": {"name": "OpenETP"}, "releases": [%s]}""".formatted(release);
    }

    private static String release(String id, String ocid, String tenderStatus) {
        return """
                {"ocid": "%s", "id": "%s", "date": "2026-12-07T10:00:00Z", "tag": ["tender"],
                 "initiationType": "tender", "tender": {"id": "t1", "status": "%s",
                 "lots": [{"id": "l1", "status": "active"}],
                 "items": [{"id": "1", "relatedLot": "l1"}]},
                 "bids": {"details": [{"id": "b1", "status": "valid", "relatedLots": ["l1"]}]}}"""
                .formatted(ocid, id, tenderStatus);
    }

    @Test
    void aMinimalPackageWithTheLotsAndBidsExtensionsConforms() {
        assertThat(conformance.releasePackageProblems(pack(release("r1", "ocds-oetp00-1", "active")))).isEmpty();
    }

    @Test
    void namesAWrongPrefixARepeatedIdAClosedCodeAndEmptyValues() {
        String bad = pack(release("r1", "ocds-zzzz99-1", "active") + "," + release("r1", "ocds-zzzz99-1", "active"));
        assertThat(conformance.releasePackageProblems(bad))
                .anyMatch(p -> p.startsWith("ocid without the prefix"))
                .anyMatch(p -> p.startsWith("release id repeated"));
        assertThat(conformance.releasePackageProblems(pack(release("r1", "ocds-oetp00-1", "openForBids"))))
                .anyMatch(p -> p.startsWith("schema:"))
                .anyMatch(p -> p.contains("closed code list tenderStatus.csv"));
        String empty = pack(release("r1", "ocds-oetp00-1", "active").replace("\"t1\"", "\"t1\", \"title\": \"\", "
                + "\"value\": {}, \"documents\": []"));
        assertThat(conformance.releasePackageProblems(empty))
                .contains("empty string at $.releases[0].tender.title", "empty object at $.releases[0].tender.value",
                        "empty array at $.releases[0].tender.documents");
    }

    @Test
    void theBidStatusOfTheBidsExtensionIsAClosedList() {
        String bad = pack(release("r1", "ocds-oetp00-1", "active").replace("\"valid\"", "\"great\""));
        assertThat(conformance.releasePackageProblems(bad)).anyMatch(p -> p.contains("bidStatus.csv"));
    }
}
