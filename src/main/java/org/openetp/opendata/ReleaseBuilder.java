package org.openetp.opendata;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.openetp.organization.OrganizationId;
import org.openetp.organization.Organizations;
import org.openetp.procurement.LotId;
import org.openetp.procurement.PublicProcedure;
import org.springframework.stereotype.Component;

/** Maps a procedure, as procurement discloses it, to an OCDS 1.1 release (field by field in {@code docs/ocds.md}). */
@Component
class ReleaseBuilder {

    private final OcdsProperties properties;
    private final Organizations organizations;
    private final Links links;

    ReleaseBuilder(OcdsProperties properties, Organizations organizations, Links links) {
        this.properties = properties;
        this.organizations = organizations;
        this.links = links;
    }

    /** The ocid of a procedure: the prefix, a hyphen and the procedure's id. */
    String ocid(UUID procedure) {
        return properties.prefix() + "-" + procedure;
    }

    /** The release {@code key} (unique within the procedure) tagged as given, dated {@code at}. */
    Map<String, Object> build(PublicProcedure p, Stage stage, String key, List<String> tags, Instant at,
            Map<LotId, Instant> decided) {
        Parties parties = new Parties(id -> organizations.describe(new OrganizationId(id)).orElse(null));
        String ocid = ocid(p.id().value());
        Json buyer = parties.reference(p.buyer(), "buyer");
        Json tender = TenderSection.of(p, stage, parties, links);
        Json release = Json.object()
                .put("ocid", ocid)
                .put("id", ocid + "-" + key)
                .put("date", at.toString())
                .put("tag", tags)
                .put("initiationType", "tender");
        Json bids = null;
        List<Json> awards = List.of();
        List<Json> contracts = List.of();
        if (stage == Stage.FULL) {
            List<Json> tenderers = OutcomeSections.tenderers(p, parties);
            if (p.bids() != null) {
                tender.put("numberOfTenderers", tenderers.size()).put("tenderers", tenderers);
            }
            bids = OutcomeSections.bids(p, parties, at);
            awards = OutcomeSections.awards(p, parties, decided);
            contracts = OutcomeSections.contracts(p, parties);
        }
        return release.put("parties", parties.all())
                .put("buyer", buyer)
                .put("tender", tender)
                .put("bids", bids)
                .put("awards", awards)
                .put("contracts", contracts)
                .map();
    }
}
