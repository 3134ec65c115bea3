package org.openetp.analytics;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.openetp.organization.OrganizationId;
import org.openetp.organization.Organizations;
import org.openetp.procurement.ProcedureDisclosure;
import org.openetp.procurement.ProcedureDisclosures;
import org.openetp.procurement.ProcedureId;
import org.openetp.procurement.PublicProcedure;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Brings the read model's rows of procedures up to date with what procurement discloses of them now. */
@Service
class ReadModel {

    private final ProcedureDisclosure disclosure;
    private final ProcedureDisclosures disclosures;
    private final Organizations organizations;
    private final ReadModelStore store;

    ReadModel(ProcedureDisclosure disclosure, ProcedureDisclosures disclosures, Organizations organizations,
            ReadModelStore store) {
        this.disclosure = disclosure;
        this.disclosures = disclosures;
        this.organizations = organizations;
        this.store = store;
    }

    /** Refreshes one procedure (a listener's work) and its daily totals, serialized with any other writer of it. */
    @Transactional
    public void refresh(ProcedureId procedure) {
        store.lock(procedure);
        store.replace(List.of(procedure), facts(disclosure.disclose(procedure).stream().toList()));
    }

    /**
     * Refreshes the procedures' rows in the caller's transaction, read in one batch (a few statements) and written in
     * one batch, leaving the daily totals to the caller (the rebuild's work: it recomputes them all at its end).
     * Returns the procedures as disclosed (drafts left out), in the given order.
     */
    List<PublicProcedure> refreshAll(List<ProcedureId> procedures) {
        List<PublicProcedure> disclosed = disclosures.disclose(procedures);
        store.replaceRows(procedures, facts(disclosed));
        return disclosed;
    }

    private List<Facts> facts(List<PublicProcedure> disclosed) {
        Map<UUID, Boolean> sme = new HashMap<>();
        List<Facts> facts = new ArrayList<>();
        for (PublicProcedure p : disclosed) {
            facts.add(Projection.of(p, org -> sme.computeIfAbsent(org,
                    o -> organizations.isSme(new OrganizationId(o)))));
        }
        return facts;
    }
}
