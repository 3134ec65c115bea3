package org.openetp.procurement.tenders;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.openetp.procurement.BidId;
import org.openetp.procurement.ProcedureId;
import org.openetp.procurement.sealing.SealedBox;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The price envelopes of two-envelope bids (sealed, beside the bid's technical content) and their opening. */
@Repository
class EnvelopeRepository {

    private final JdbcClient jdbc;

    EnvelopeRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void storePriceEnvelope(BidId bid, SealedBox box) {
        jdbc.sql("UPDATE bid SET price_nonce = :nonce, price_ciphertext = :ciphertext WHERE id = :id")
                .param("nonce", box.nonce()).param("ciphertext", box.ciphertext()).param("id", bid.value()).update();
    }

    Optional<SealedBox> priceEnvelope(BidId bid) {
        return jdbc.sql("SELECT price_nonce, price_ciphertext FROM bid WHERE id = :id AND price_nonce IS NOT NULL")
                .param("id", bid.value())
                .query((rs, n) -> new SealedBox(rs.getBytes("price_nonce"), rs.getBytes("price_ciphertext")))
                .optional();
    }

    Optional<Instant> pricesOpenedAt(ProcedureId procedure) {
        return jdbc.sql("SELECT opened_at FROM price_opening WHERE procedure_id = :p").param("p", procedure.value())
                .query((rs, n) -> rs.getTimestamp("opened_at").toInstant()).optional();
    }

    void recordOpening(ProcedureId procedure, Instant at, UUID by) {
        jdbc.sql("INSERT INTO price_opening (procedure_id, opened_at, opened_by) VALUES (:p, :at, :by)")
                .param("p", procedure.value()).param("at", Timestamp.from(at)).param("by", by).update();
    }
}
