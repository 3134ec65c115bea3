package org.openetp.crm;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.openetp.shared.ForbiddenException;
import org.openetp.shared.RuleViolationException;

/**
 * A client company with its ownership ledger (SPEC §7.4): who found it, kept forever, and who owns it per channel,
 * dated. Reserved (federal) accounts are owned and worked only by head-office managers (SPEC §7.5).
 */
final class Account {

    /** One line of the ledger: the owner in a channel from a moment, until another took over (to is then set). */
    record Ownership(Channel channel, UUID ownerId, Instant from, @Nullable Instant to, String reason) {

        boolean current() {
            return to == null;
        }
    }

    /** A hand-over from the direct-sales owner to the service owner on the first won deal. */
    record HandOver(@Nullable UUID from, UUID to) {
    }

    private final UUID id;
    private final UUID organizationId;
    private final boolean reserved;
    private @Nullable UUID finderId;
    private @Nullable Channel finderChannel;
    private @Nullable Instant foundAt;
    private final List<Ownership> ledger;
    private final List<Ownership> opened = new ArrayList<>();
    private final List<Ownership> closed = new ArrayList<>();

    Account(UUID id, UUID organizationId, boolean reserved, @Nullable UUID finderId, @Nullable Channel finderChannel,
            @Nullable Instant foundAt, List<Ownership> ledger) {
        this.id = id;
        this.organizationId = organizationId;
        this.reserved = reserved;
        this.finderId = finderId;
        this.finderChannel = finderChannel;
        this.foundAt = foundAt;
        this.ledger = new ArrayList<>(ledger);
    }

    /** A new account found by {@code finder}, who becomes its first owner in his channel. */
    static Account found(UUID id, UUID organizationId, boolean reserved, Manager finder, Instant now) {
        Account account = new Account(id, organizationId, reserved, null, null, null, List.of());
        account.requireMayWork(finder);
        account.recordFinder(finder, now);
        account.assignOwner(finder, finder.channel(), now, "FOUND");
        return account;
    }

    /** A new account nobody found yet (a lead from a tender): no finder, no owner. */
    static Account unclaimed(UUID id, UUID organizationId) {
        return new Account(id, organizationId, false, null, null, null, List.of());
    }

    /** Records who found the client; once set it never changes (the database refuses as well). */
    void recordFinder(Manager finder, Instant now) {
        if (finderId != null) {
            if (finderId.equals(finder.userId())) {
                return;
            }
            throw new RuleViolationException("crm.finder.immutable");
        }
        requireMayWork(finder);
        finderId = finder.userId();
        finderChannel = finder.channel();
        foundAt = now;
    }

    /** Refuses a manager who may not work this account: reserved accounts are for head-office managers only. */
    void requireMayWork(Manager manager) {
        if (reserved && !manager.headOffice()) {
            throw new ForbiddenException("crm.reserved.headOfficeOnly");
        }
    }

    /** Makes {@code owner} the current owner in the channel, closing the previous owner's line. */
    void assignOwner(Manager owner, Channel channel, Instant now, String reason) {
        requireMayWork(owner);
        Optional<Ownership> current = currentOwner(channel);
        if (current.isPresent() && current.get().ownerId().equals(owner.userId())) {
            return;
        }
        current.ifPresent(c -> close(c, now));
        Ownership line = new Ownership(channel, owner.userId(), now, null, reason);
        ledger.add(line);
        opened.add(line);
    }

    /**
     * On the first won deal the direct-sales owners give the client to the service owner: their lines close and a
     * service line opens. Nothing happens when the account already has a service owner.
     */
    Optional<HandOver> handOverToService(Manager service, Instant now) {
        if (currentOwner(Channel.SERVICE).isPresent()) {
            return Optional.empty();
        }
        requireMayWork(service);
        UUID from = null;
        for (Ownership line : List.copyOf(ledger)) {
            if (line.current() && line.channel().direct()) {
                from = from == null ? line.ownerId() : from;
                close(line, now);
            }
        }
        Ownership line = new Ownership(Channel.SERVICE, service.userId(), now, null, "HAND_OVER");
        ledger.add(line);
        opened.add(line);
        return Optional.of(new HandOver(from, service.userId()));
    }

    /** The head's decision in a conflict: the losers' current lines end and the winner owns it in his channel. */
    void keepFor(Manager winner, java.util.Collection<UUID> losers, Instant now) {
        for (Ownership line : List.copyOf(ledger)) {
            if (line.current() && losers.contains(line.ownerId()) && !line.ownerId().equals(winner.userId())) {
                close(line, now);
            }
        }
        assignOwner(winner, winner.channel(), now, "CONFLICT_DECISION");
    }

    Optional<Ownership> currentOwner(Channel channel) {
        return ledger.stream().filter(o -> o.current() && o.channel() == channel).findFirst();
    }

    List<Ownership> currentOwners() {
        return ledger.stream().filter(Ownership::current).toList();
    }

    private void close(Ownership line, Instant now) {
        int index = ledger.indexOf(line);
        Ownership ended = new Ownership(line.channel(), line.ownerId(), line.from(), now, line.reason());
        ledger.set(index, ended);
        if (!opened.remove(line)) {
            closed.add(ended);
        } else {
            // opened and closed in one go: keep it as a closed line to insert
            opened.add(ended);
        }
    }

    UUID id() {
        return id;
    }

    UUID organizationId() {
        return organizationId;
    }

    boolean reserved() {
        return reserved;
    }

    @Nullable UUID finderId() {
        return finderId;
    }

    @Nullable Channel finderChannel() {
        return finderChannel;
    }

    @Nullable Instant foundAt() {
        return foundAt;
    }

    List<Ownership> ledger() {
        return List.copyOf(ledger);
    }

    /** Lines to insert since loading. */
    List<Ownership> opened() {
        return List.copyOf(opened);
    }

    /** Stored lines that ended since loading. */
    List<Ownership> closed() {
        return List.copyOf(closed);
    }
}
