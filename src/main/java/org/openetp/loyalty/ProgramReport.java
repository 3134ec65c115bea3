package org.openetp.loyalty;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * The seller's program report for a period: members per tier now, points issued (earned and added), redeemed,
 * expired and reversed in the period, and the liability outstanding now (points and cashback credit not yet spent).
 * {@code creditRedeemed} is the cashback turned into credit notes in the period; {@code creditNotesOpen} what the
 * seller owes now on credit notes (money-credit rewards and cashback) it has not marked settled yet.
 */
public record ProgramReport(UUID programId, String program, String currency, Instant from, Instant to,
        List<TierCount> membersPerTier, BigDecimal issued, BigDecimal redeemed, BigDecimal expired,
        BigDecimal reversed, BigDecimal outstanding, BigDecimal creditIssued, BigDecimal creditOutstanding,
        BigDecimal creditRedeemed, BigDecimal creditNotesOpen) {

    /** How many members a tier has (rank 0: no tier yet). */
    public record TierCount(int rank, @Nullable String tier, long members) {
    }
}
