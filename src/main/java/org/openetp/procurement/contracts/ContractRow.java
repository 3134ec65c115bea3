package org.openetp.procurement.contracts;

import java.math.BigDecimal;
import java.time.Instant;
import org.openetp.procurement.ContractId;

/**
 * A contract as one row of the contracts table: subject, the parties' short names, price, status, its stage in words
 * (what each side still must do, as on the contract's page), drafted.
 */
public record ContractRow(ContractId id, String subject, String buyer, String supplier, BigDecimal price,
        String currency, Contract.Status status, ContractProgress.Stage stage, Instant createdAt) {
}
