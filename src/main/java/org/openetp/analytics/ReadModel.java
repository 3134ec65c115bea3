package org.openetp.analytics;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.openetp.organization.OrganizationId;
import org.openetp.organization.Organizations;
import org.openetp.procurement.ProcedureDisclosure;
import org.openetp.procurement.ProcedureId;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Brings the read model's rows of procedures up to date with what procurement discloses of them now. */
@Service
class ReadModel {

    private final ProcedureDisclosure disclosure;
    private final Organizations organizations;
    private final ReadModelStore store;

    ReadModel(ProcedureDisclosure disclosure, Organizations organizations, ReadModelStore store) {
        this.disclosure = disclosure;
        this.organizations = organizations;
        this.store = store;
    }

    /** Refreshes one procedure (a listener's work) and its daily totals, serialized with any other writer of it. */
    @Transactional
    public void refresh(ProcedureId procedure) {
        store.lock(procedure);
        store.replace(List.of(procedure), read(List.of(procedure)));
    }

    /**
     * Refreshes the procedures' rows in the caller's transaction, in one batch of writes, leaving the daily totals to
     * the caller (the rebuild's work: it recomputes them all at its end).
     */
    void refreshAll(List<ProcedureId> procedures) {
        store.replaceRows(procedures, read(procedures));
    }

    private List<Facts> read(List<ProcedureId> procedures) {
        Map<UUID, Boolean> sme = new HashMap<>();
        List<Facts> facts = new ArrayList<>();
        for (ProcedureId id : procedures) {
            disclosure.disclose(id).ifPresent(p -> facts.add(Projection.of(p,
                    org -> sme.computeIfAbsent(org, o -> organizations.isSme(new OrganizationId(o))))));
        }
        return facts;
    }
}
