package org.openetp.procurement;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/**
 * A contract came into force (both parties accepted), with who sells and who buys: in a seller's auction the
 * organizer sells and the winner buys, in every other procedure the organizer buys. For modules that react to
 * contract value (loyalty); the journaled record of the same moment is {@link ContractActivated}.
 */
public record ContractInForce(ContractId contract, ProcedureId procedure, UUID seller, UUID buyer, BigDecimal value,
        String currency, String categoryCode, String subject, Instant occurredAt) {
}
