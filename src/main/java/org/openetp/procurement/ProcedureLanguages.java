package org.openetp.procurement;

import org.openetp.procurement.persistence.ProcedureRepository;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The language a procedure's protocols are written in, for the modules that write protocols of their own. */
@Service
public class ProcedureLanguages {

    private final ProcedureRepository procedures;

    ProcedureLanguages(ProcedureRepository procedures) {
        this.procedures = procedures;
    }

    @Transactional(readOnly = true)
    public ProcedureLanguage of(ProcedureId procedure) {
        return ProcedureLanguage.ofCode(procedures.language(procedure));
    }
}
