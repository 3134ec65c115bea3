package org.openetp.procurement;

import java.util.EnumSet;
import java.util.Set;

/**
 * The procedure kinds of API.md. Each is a preset of the one engine: the table below says which settings and rules a
 * kind brings, and the lifecycle, the settings check and the other modules ask the kind for those, never for its
 * name. A new kind is a new line here.
 */
public enum ProcedureKind {
    REQUEST_FOR_QUOTATIONS(Preset.PRICE_ONLY),
    REQUEST_FOR_PROPOSALS(),
    COMPETITIVE_NEGOTIATIONS(Preset.INVITED_ONLY, Preset.NEGOTIATIONS),
    OPEN_TENDER(),
    CLOSED_TENDER(Preset.INVITED_ONLY),
    TWO_STAGE_TENDER(Preset.TWO_STAGE),
    PREQUALIFICATION_TENDER(Preset.PREQUALIFICATION),
    TWO_ENVELOPE_TENDER(Preset.TWO_ENVELOPE),
    REBIDDING_TENDER(Preset.REBIDDING),
    SME_TENDER(Preset.SME_ONLY),
    FRAMEWORK_TENDER(Preset.FRAMEWORK),
    ALTERNATIVES_TENDER(Preset.ALTERNATIVES),
    REVERSE_AUCTION(Preset.AUCTION, Preset.PRICE_ONLY),
    FORWARD_AUCTION(Preset.AUCTION, Preset.PRICE_ONLY, Preset.SELLERS),
    DUTCH_AUCTION(Preset.AUCTION, Preset.PRICE_ONLY, Preset.SELLERS, Preset.PRICE_CLOCK),
    REVERSE_DUTCH_AUCTION(Preset.AUCTION, Preset.PRICE_ONLY, Preset.PRICE_CLOCK),
    JAPANESE_AUCTION(Preset.AUCTION, Preset.PRICE_ONLY),
    SEALED_BID_AUCTION(Preset.AUCTION, Preset.PRICE_ONLY),
    MULTI_ROUND_AUCTION(Preset.AUCTION, Preset.PRICE_ONLY);

    /** What a kind brings to the procedure, beyond the settings every kind may choose. */
    public enum Preset {
        /** Lowest (for sellers: highest) price wins; no criteria weighted by a committee. */
        PRICE_ONLY,
        /** Only invited suppliers see and bid ({@code invitedOnly}, which the buyer cannot turn off). */
        INVITED_ONLY,
        /** Only small and medium-sized enterprises bid ({@code smeOnly}). */
        SME_ONLY,
        /** Suppliers qualify before they bid ({@code prequalification}). */
        PREQUALIFICATION,
        /** Technical proposals first, priced bids in stage 2 ({@code twoStage}). */
        TWO_STAGE,
        /** The price is sealed in an envelope of its own ({@code twoEnvelope}). */
        TWO_ENVELOPE,
        /** Admitted bidders improve their prices in a round ({@code rebidding}). */
        REBIDDING,
        /** Suppliers may offer alternatives beside the bid ({@code alternativesAllowed}). */
        ALTERNATIVES,
        /** The award concludes a framework agreement ({@code frameworkSize} required). */
        FRAMEWORK,
        /** The buyer negotiates with each supplier, calls for final offers and chooses one with a reason. */
        NEGOTIATIONS,
        /** A live auction follows the applications (SPEC §5.9). */
        AUCTION,
        /** The seller's auctions (SPEC §6.2–6.3): highest price wins, offers start at the start price. */
        SELLERS,
        /** A clock moves the price between the start and the reserve price, which the kind requires. */
        PRICE_CLOCK
    }

    private final Set<Preset> presets;

    ProcedureKind(Preset... presets) {
        this.presets = presets.length == 0 ? EnumSet.noneOf(Preset.class) : EnumSet.of(presets[0], presets);
    }

    /** Whether the kind brings this preset. */
    public boolean presets(Preset preset) {
        return presets.contains(preset);
    }

    /**
     * Whether anyone may see a published procedure of this kind; closed tenders and competitive negotiations are seen
     * by those invited only (so is any procedure whose {@code invitedOnly} setting is on).
     */
    public boolean openToAll() {
        return !presets(Preset.INVITED_ONLY);
    }

    /** The live auctions (SPEC §5.9): tariffs tell them apart from the other procedures. */
    public boolean auction() {
        return presets(Preset.AUCTION);
    }

    /** Lowest price wins (price only), as opposed to weighted criteria scored by a committee. */
    public boolean priceOnly() {
        return presets(Preset.PRICE_ONLY);
    }

    /** The seller's auctions (SPEC §6.2–6.3), where the highest price wins and offers start at the start price. */
    public boolean sellers() {
        return presets(Preset.SELLERS);
    }

    /** Negotiations with each invited supplier end in final offers, of which the buyer chooses one. */
    public boolean negotiations() {
        return presets(Preset.NEGOTIATIONS);
    }
}
