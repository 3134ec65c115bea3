package org.openetp.procurement.domain;

import java.util.Collection;
import java.util.List;
import java.util.UUID;
import org.openetp.shared.RuleViolationException;

/**
 * The rules of a framework agreement (SPEC §5.1 item 8): the award selects up to N suppliers, best ranked first;
 * later call-offs go only to those suppliers.
 */
public final class FrameworkPolicy {

    private FrameworkPolicy() {
    }

    /** A ranked admitted bidder: its organization and place (1 is best). */
    public record Ranked(UUID organization, int rank) {
    }

    /** The suppliers the award selects: the best {@code size} ranked bidders, in rank order. */
    public static List<Ranked> select(List<Ranked> ranked, int size) {
        return ranked.stream().sorted(java.util.Comparator.comparingInt(Ranked::rank)).limit(size).toList();
    }

    /** Refuses a call-off to an organization outside the framework. */
    public static void requireMember(Collection<UUID> members, UUID supplier) {
        if (!members.contains(supplier)) {
            throw new RuleViolationException("calloff.notInFramework");
        }
    }
}
