package org.openetp.procurement.domain;

import java.math.BigDecimal;
import java.util.Collections;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;
import org.openetp.procurement.LotId;
import org.openetp.procurement.ProcedureId;

/**
 * What a bid seals: a random salt, where it was placed, the price (none in a two-envelope tender's technical
 * envelope), the currency, the answers per non-price criterion and the signature when the bid was signed.
 *
 * @param salt hex; the content's SHA-256 is readable before the opening, and prices are few enough to hash every
 *             candidate, so without it the digest would give the price away (none in bids of the first releases)
 */
public record BidContent(@Nullable String salt, ProcedureId procedure, LotId lot, @Nullable BigDecimal price,
        String currency, SortedMap<String, String> proposal, @Nullable BidSignature signature) {

    public BidContent {
        proposal = Collections.unmodifiableSortedMap(new TreeMap<>(proposal));
    }

    /** A priced bid as the bidder placed it: the price with two decimals, the proposal sorted by criterion code. */
    public static BidContent priced(String salt, ProcedureId procedure, LotId lot, BigDecimal price, String currency,
            Map<String, String> proposal) {
        return new BidContent(salt, procedure, lot, price.setScale(2), currency, new TreeMap<>(proposal), null);
    }

    /** The same content, signed. */
    public BidContent signed(BidSignature by) {
        return new BidContent(salt, procedure, lot, price, currency, proposal, by);
    }

    /**
     * The technical envelope of a two-envelope tender: everything but the price and the signature, which names the
     * price (its digest would give it away too).
     */
    public BidContent technical() {
        return new BidContent(salt, procedure, lot, null, currency, proposal, null);
    }
}
