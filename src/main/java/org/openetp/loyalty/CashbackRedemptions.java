package org.openetp.loyalty;

import java.math.BigDecimal;
import java.time.Clock;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.openetp.identity.CurrentUser;
import org.openetp.shared.ConflictException;
import org.openetp.shared.InvalidInputException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Cashback spent with its seller (SPEC §8): the client's admin turns (part of) its available cashback credit into a
 * credit note the seller owes it. The amount comes off the CREDIT balance through the points ledger (balanced, once
 * per key, never negative), soonest-expiring awards first, and the credit note becomes a redemption in the seller's
 * fulfilment list, settled outside the platform and marked settled like a money-credit reward.
 */
@Service
class CashbackRedemptions {

    /** The largest credit note one redemption makes (the ledger's amounts have 17 digits before the point). */
    static final BigDecimal MAX = new BigDecimal("1000000000000");

    private final ClientLoyalty clients;
    private final CatalogueStore catalogue;
    private final PointsLedger ledger;
    private final LoyaltyAccess access;
    private final Clock clock;

    CashbackRedemptions(ClientLoyalty clients, CatalogueStore catalogue, PointsLedger ledger, LoyaltyAccess access,
            Clock clock) {
        this.clients = clients;
        this.catalogue = catalogue;
        this.ledger = ledger;
        this.access = access;
        this.clock = clock;
    }

    /**
     * Turns {@code amount} of the caller's organization's available cashback in the program into a credit note.
     * Once per idempotency key: a replay answers the first redemption; the same key with another amount is refused.
     */
    @Transactional
    public RedemptionView redeem(CurrentUser user, ProgramId program, @Nullable UUID organizationId,
            @Nullable BigDecimal amount, String idempotencyKey) {
        String key = idempotencyKey.strip();
        if (key.isEmpty() || key.length() > 100) {
            throw new InvalidInputException("Idempotency-Key", "loyalty.key.invalid");
        }
        BigDecimal credit = valid(amount);
        ProgramStore.Member member = clients.membership(user, program, organizationId);
        access.requireAdmin(user, member.client(), "Program");
        PointsLedger.Posted posted = ledger.redeem(program, member.id(), Unit.CREDIT, credit,
                "cashback:" + member.id() + ":" + key, "", user.id().toString());
        if (posted.replay()) {
            UUID existing = catalogue.redemptionOfPosting(posted.posting())
                    .orElseThrow(() -> new ConflictException("Idempotency-Key", "loyalty.key.reused"));
            return catalogue.redemptions(program, member.id(), existing).getFirst();
        }
        UUID id = UUID.randomUUID();
        catalogue.insertCashbackRedemption(id, program, member.id(), credit, posted.posting(), user.id().value(),
                clock.instant());
        return catalogue.redemptions(program, member.id(), id).getFirst();
    }

    private static BigDecimal valid(@Nullable BigDecimal amount) {
        if (amount == null) {
            throw new InvalidInputException("amount", "loyalty.cashback.amount.required");
        }
        BigDecimal a = amount.stripTrailingZeros();
        if (a.signum() <= 0 || a.scale() > 2 || a.compareTo(MAX) > 0) {
            throw new InvalidInputException("amount", "loyalty.cashback.amount.invalid");
        }
        return a.setScale(2);
    }
}
