package org.openetp.procurement.lifecycle;

import org.openetp.procurement.ProcedureKind;
import org.openetp.procurement.ProcedureSettings;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The hand-over to the live auction (auction kinds): the offers stay sealed after the opening until the auction
 * starts, so no opening protocol is written then; the auction module runs each lot on {@code BidsOpened}, reads the
 * applications ({@code Procurement.auctionApplications}) and hands the result back
 * ({@code Procurement.recordAuctionResult}); its auction protocol stands for the evaluation protocol.
 */
@Component
@Order(50)
class AuctionHandOverFeature implements ProcedureFeature {

    @Override
    public boolean appliesTo(ProcedureKind kind, ProcedureSettings settings) {
        return kind.auction();
    }

    @Override
    public boolean writesOwnProtocols() {
        return true;
    }
}
