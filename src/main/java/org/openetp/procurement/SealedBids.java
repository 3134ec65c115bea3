package org.openetp.procurement;

import java.math.BigDecimal;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.openetp.identity.CurrentUser;
import org.openetp.organization.OrganizationId;
import org.openetp.organization.Role;
import org.openetp.procurement.domain.Bid;
import org.openetp.procurement.domain.BidContent;
import org.openetp.procurement.domain.BidSignature;
import org.openetp.procurement.domain.Lot;
import org.openetp.procurement.domain.Procedure;
import org.openetp.procurement.persistence.SealedContents;
import org.openetp.procurement.sealing.BidVault;
import org.openetp.procurement.sealing.SealedBox;
import org.openetp.shared.FieldError;
import org.openetp.shared.InvalidInputException;
import org.openetp.signature.SignaturePurpose;
import org.openetp.signature.Signatures;
import org.openetp.signature.VerifiedSignature;
import org.springframework.stereotype.Component;

/**
 * A bid's sealed content: checks what the bidder sent into a {@link BidContent}, verifies its signature over the
 * canonical text, seals it under the procedure key and opens it again. The box is bound to its bid and lot.
 */
@Component
class SealedBids {

    private static final SecureRandom SALTS = new SecureRandom();
    private static final int MAX_ANSWER = 5000;

    private final BidVault vault;
    private final Signatures signatures;

    SealedBids(BidVault vault, Signatures signatures) {
        this.vault = vault;
        this.signatures = signatures;
    }

    /** The content of a bid placed on the lot, salted; every invalid field is reported at once. */
    BidContent content(Procedure procedure, Lot lot, PlaceBid command) {
        List<FieldError> errors = new ArrayList<>();
        BigDecimal price = command.price();
        if (price == null) {
            errors.add(new FieldError("price", "field.required"));
        } else if (price.signum() <= 0 || price.scale() > 2) {
            errors.add(new FieldError("price", "bid.price.invalid"));
        } else if (procedure.kind().sellers() && price.compareTo(lot.startPrice()) < 0) {
            errors.add(new FieldError("price", "bid.price.belowStart"));
        } else if (!procedure.kind().sellers() && price.compareTo(lot.startPrice()) > 0) {
            errors.add(new FieldError("price", "bid.price.aboveStart"));
        }
        if (command.currency() != null && !command.currency().equals(procedure.currency())) {
            errors.add(new FieldError("currency", "bid.currency.mismatch"));
        }
        Map<String, String> proposal = new TreeMap<>();
        for (Criterion criterion : procedure.criteria()) {
            if (criterion.price()) {
                continue;
            }
            String answer = command.proposal() == null ? null : command.proposal().get(criterion.code());
            if (answer == null || answer.isBlank()) {
                errors.add(new FieldError("proposal." + criterion.code(), "field.required"));
            } else if (answer.length() > MAX_ANSWER) {
                errors.add(new FieldError("proposal." + criterion.code(), "field.tooLong"));
            } else {
                proposal.put(criterion.code(), answer.strip());
            }
        }
        if (!errors.isEmpty() || price == null) {
            throw new InvalidInputException(errors);
        }
        return BidContent.priced(salt(), procedure.id(), lot.id(), price, procedure.currency(), proposal);
    }

    /**
     * The content with the bid's signature, checked over the canonical text, when there is one; or as it is when
     * none is given and neither the procedure nor {@code OPENETP_SIGNATURE_REQUIRED} demands one (SPEC §3.2).
     */
    BidContent signed(CurrentUser user, OrganizationId supplier, Procedure procedure, PlaceBid command,
            BidContent content, Instant now) {
        String signature = command.signature();
        if (signature == null || signature.isBlank()) {
            if (signatures.required(procedure.settings().signatureRequired())) {
                throw new InvalidInputException("signature", "bid.signature.required");
            }
            return content;
        }
        String canonical = canonical(content.procedure(), content.lot(), java.util.Objects.requireNonNull(
                content.price()), content.currency(), content.proposal());
        if (command.document() != null && !command.document().equals(canonical)) {
            throw new InvalidInputException("document", "bid.document.mismatch");
        }
        VerifiedSignature verified = signatures.verify(user, supplier, Role.SUPPLIER, SignaturePurpose.BID,
                content.procedure() + "/" + content.lot(), canonical, signature);
        return content.signed(new BidSignature(canonical, signature, verified.signerSubject(), now));
    }

    /** Seals plaintext for the bid's usual box. */
    SealedBox seal(Procedure procedure, BidId bid, LotId lot, byte[] plaintext) {
        return vault.seal(procedure.sealedKey(), plaintext, associatedData(bid, lot));
    }

    /** Opens the bid's usual box (a two-envelope bid's technical envelope: no price in it). */
    BidContent open(Procedure procedure, Bid bid) {
        return SealedContents.readBid(vault.open(procedure.sealedKey(), bid.seal(), associatedData(bid.id(),
                bid.lot())));
    }

    /**
     * The exact text a bidder signs (API.md {@code GET /api/v1/signature/canonical}): five lines, LF-terminated, the
     * price with two decimals; then one line per non-price criterion in code order with the trimmed answer,
     * backslash-escaped so that an answer can never forge a line.
     */
    static String canonical(ProcedureId procedure, LotId lot, BigDecimal price, String currency,
            Map<String, String> answers) {
        StringBuilder text = new StringBuilder("OpenETP bid\nprocedure: ").append(procedure).append("\nlot: ")
                .append(lot).append("\nprice: ").append(price.setScale(2).toPlainString()).append("\ncurrency: ")
                .append(currency).append('\n');
        new TreeMap<>(answers).forEach((code, answer) -> text.append("proposal ").append(code).append(": ")
                .append(answer.replace("\\", "\\\\").replace("\n", "\\n").replace("\r", "\\r"))
                .append('\n'));
        return text.toString();
    }

    private static String salt() {
        byte[] salt = new byte[16];
        SALTS.nextBytes(salt);
        return HexFormat.of().formatHex(salt);
    }

    private static String associatedData(BidId bid, LotId lot) {
        return "bid:" + bid + ":lot:" + lot;
    }
}
