package org.openetp.procurement.lifecycle;

import java.util.ArrayList;
import java.util.List;
import org.openetp.procurement.ProcedureKind;
import org.openetp.procurement.ProcedureSettings;
import org.openetp.procurement.domain.Procedure;
import org.springframework.core.annotation.AnnotationAwareOrderComparator;
import org.springframework.stereotype.Component;

/** Every registered {@link ProcedureFeature}, in their order; the lifecycle asks for those a procedure switches on. */
@Component
public class ProcedureFeatures {

    private final List<ProcedureFeature> all;

    ProcedureFeatures(List<ProcedureFeature> all) {
        List<ProcedureFeature> sorted = new ArrayList<>(all);
        AnnotationAwareOrderComparator.sort(sorted); // by @Order: the order of two features' hooks at one step
        this.all = List.copyOf(sorted);
    }

    /** The features the procedure's settings switch on, in order. */
    public List<ProcedureFeature> of(Procedure procedure) {
        return of(procedure.kind(), procedure.settings());
    }

    /** The features a procedure of the kind with these settings switches on, in order. */
    public List<ProcedureFeature> of(ProcedureKind kind, ProcedureSettings settings) {
        return all.stream().filter(f -> f.appliesTo(kind, settings)).toList();
    }
}
