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

    /** Refreshes one procedure (a listener's work), serialized with any other writer of it. */
    @Transactional
    public void refresh(ProcedureId procedure) {
        store.lock(procedure);
        refreshAll(List.of(procedure));
    }

    /** Refreshes the procedures in the caller's transaction, in one batch of writes (the rebuild's work). */
    void refreshAll(List<ProcedureId> procedures) {
        Map<UUID, Boolean> sme = new HashMap<>();
        List<Facts> facts = new ArrayList<>();
        for (ProcedureId id : procedures) {
            disclosure.disclose(id).ifPresent(p -> facts.add(Projection.of(p,
                    org -> sme.computeIfAbsent(org, o -> organizations.isSme(new OrganizationId(o))))));
        }
        store.replace(procedures, facts);
    }
}
