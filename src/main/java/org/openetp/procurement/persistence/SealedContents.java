package org.openetp.procurement.persistence;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.TreeMap;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.openetp.procurement.LotId;
import org.openetp.procurement.ProcedureId;
import org.openetp.procurement.domain.AlternativeContent;
import org.openetp.procurement.domain.BidContent;
import org.openetp.procurement.domain.BidSignature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The plaintext of sealed bids and alternatives: JSON objects with the fields in a fixed order, prices as strings
 * with two decimals. It is the very text sealed since the first release (its SHA-256 is in every receipt), so boxes
 * sealed before the content was typed open into the same records, the first releases' too (no salt, a signature
 * without signer and time); don't reorder or rename a field.
 */
public final class SealedContents {

    private static final JsonMapper JSON = JsonMapper.shared();

    private SealedContents() {
    }

    /** The bytes to seal (and to hash for the receipt). */
    public static byte[] write(BidContent content) {
        ObjectNode node = JSON.createObjectNode();
        if (content.salt() != null) {
            node.put("salt", content.salt());
        }
        node.put("procedure", content.procedure().toString());
        node.put("lot", content.lot().toString());
        if (content.price() != null) {
            node.put("price", content.price().toPlainString());
        }
        node.put("currency", content.currency());
        ObjectNode proposal = node.putObject("proposal");
        content.proposal().forEach(proposal::put);
        BidSignature signed = content.signature();
        if (signed != null) {
            node.put("document", signed.document());
            node.put("signature", signed.signature());
            if (signed.signer() != null && signed.signedAt() != null) {
                node.put("signer", signed.signer());
                node.put("signedAt", signed.signedAt().toString());
            }
        }
        return JSON.writeValueAsBytes(node);
    }

    /** A bid's sealed content, as written by {@link #write(BidContent)} now or before it was typed. */
    public static BidContent readBid(byte[] plaintext) {
        JsonNode node = JSON.readTree(plaintext);
        TreeMap<String, String> proposal = new TreeMap<>();
        JsonNode answers = node.get("proposal");
        if (answers != null && answers.isObject()) {
            answers.properties().forEach(e -> proposal.put(e.getKey(), e.getValue().asString()));
        }
        BidSignature signed = null;
        String signature = text(node, "signature");
        if (signature != null) {
            String signedAt = text(node, "signedAt");
            signed = new BidSignature(String.valueOf(text(node, "document")), signature, text(node, "signer"),
                    signedAt == null ? null : Instant.parse(signedAt));
        }
        return new BidContent(text(node, "salt"),
                new ProcedureId(UUID.fromString(String.valueOf(text(node, "procedure")))),
                new LotId(UUID.fromString(String.valueOf(text(node, "lot")))), decimal(node, "price"),
                String.valueOf(text(node, "currency")), proposal, signed);
    }

    /** The bytes to seal for an alternative offer. */
    public static byte[] write(AlternativeContent content) {
        ObjectNode node = JSON.createObjectNode();
        node.put("salt", content.salt());
        node.put("description", content.description());
        node.put("price", content.price().toPlainString());
        return JSON.writeValueAsBytes(node);
    }

    /** An alternative's sealed content. */
    public static AlternativeContent readAlternative(byte[] plaintext) {
        JsonNode node = JSON.readTree(plaintext);
        BigDecimal price = decimal(node, "price");
        if (price == null) {
            throw new IllegalStateException("A sealed alternative always has its price");
        }
        return new AlternativeContent(String.valueOf(text(node, "salt")),
                String.valueOf(text(node, "description")), price);
    }

    private static @Nullable String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asString();
    }

    private static @Nullable BigDecimal decimal(JsonNode node, String field) {
        String value = text(node, field);
        return value == null ? null : new BigDecimal(value);
    }
}
