package org.openetp.procurement;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** What the tender steps show: invitations, applications and stage-1 proposals, negotiation threads and state. */
public final class TenderViews {

    private TenderViews() {
    }

    /** An invited organization, as its buyer sees it. */
    public record Invitation(UUID organizationId, String name, Instant invitedAt) {
    }

    /** A qualification application ({@code stage} QUALIFICATION) or a stage-1 proposal (STAGE_ONE). */
    public record Application(UUID id, String stage, UUID organizationId, String organization, String text,
            @Nullable String documentsRef, Instant submittedAt, String status, @Nullable String reason) {
    }

    /** Where a step stands: its deadline, whether its protocol is published, and the applications the caller sees. */
    public record StageState(String stage, Instant deadline, boolean protocolPublished,
            List<Application> applications) {
    }

    /** A message of one supplier's private negotiation thread. */
    public record Message(UUID id, UUID supplierOrganizationId, boolean fromBuyer, String text, Instant sentAt) {
    }

    /** One supplier's thread: the buyer lists all, a supplier only its own. */
    public record Thread(UUID organizationId, String organization, List<Message> messages) {
    }

    /** The buyer's choice on a lot of competitive negotiations. */
    public record Choice(UUID lotId, UUID bidId, String reason, Instant chosenAt) {
    }

    /** Where competitive negotiations stand: the final-offer deadline once called, and the choices made. */
    public record NegotiationState(@Nullable Instant finalOfferDeadline, List<Choice> choices) {
    }
}
