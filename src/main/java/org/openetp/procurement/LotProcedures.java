package org.openetp.procurement;

import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The procedure a lot belongs to, for pages addressed by lot (the live auction page, before the auction of the lot
 * exists: it is created when the applications are opened). No access check: callers read the procedure with theirs.
 */
@Repository
public class LotProcedures {

    private final JdbcClient jdbc;

    LotProcedures(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<ProcedureId> procedureOf(LotId lot) {
        return jdbc.sql("SELECT procedure_id FROM lot WHERE id = :lot").param("lot", lot.value())
                .query(UUID.class).optional().map(ProcedureId::new);
    }
}
