package org.openetp.procurement;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.openetp.identity.CurrentUser;
import org.openetp.ledger.Ledger;
import org.openetp.organization.Membership;
import org.openetp.organization.OrganizationId;
import org.openetp.organization.OrganizationView;
import org.openetp.organization.Organizations;
import org.openetp.organization.Role;
import org.openetp.procurement.persistence.AgendaRepository;
import org.openetp.procurement.persistence.AgendaRepository.DepositLot;
import org.openetp.procurement.security.BidSecurityDesk;
import org.openetp.procurement.security.PendingGuarantee;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What procurement asks of a user today, for the home page: the buyer's, the supplier's and the operator's lists,
 * each bounded by the user's own organizations in that role (or the operator's role) and by {@link #LIMIT} lines.
 */
@Service
public class Agenda {

    /** Lines per list: a home page points at the work, the full lists are a click away. */
    public static final int LIMIT = 10;

    private final AgendaRepository rows;
    private final Organizations organizations;
    private final Ledger ledger;
    private final BidSecurityDesk security;
    private final Clock clock;

    Agenda(AgendaRepository rows, Organizations organizations, Ledger ledger, BidSecurityDesk security,
            Clock clock) {
        this.rows = rows;
        this.organizations = organizations;
        this.ledger = ledger;
        this.security = security;
        this.clock = clock;
    }

    /**
     * The buyer's day: drafts, deadlines coming, bids to evaluate, questions to answer, contracts to accept. Empty
     * (no sections) for a user who is neither a buyer nor a committee member anywhere.
     */
    @Transactional(readOnly = true)
    public List<AgendaSection> buyer(CurrentUser user) {
        List<Membership> memberships = organizations.membershipsOf(user.id());
        Set<UUID> buyers = with(memberships, Role.BUYER);
        Set<UUID> evaluators = with(memberships, Role.BUYER);
        evaluators.addAll(with(memberships, Role.COMMITTEE_MEMBER));
        if (evaluators.isEmpty()) {
            return List.of();
        }
        Instant now = clock.instant();
        List<AgendaSection> sections = new ArrayList<>();
        if (!buyers.isEmpty()) {
            sections.add(new AgendaSection(AgendaKind.DRAFT, rows.drafts(buyers, LIMIT)));
            sections.add(new AgendaSection(AgendaKind.DEADLINE, rows.deadlines(buyers, now, LIMIT)));
        }
        sections.add(new AgendaSection(AgendaKind.EVALUATE, rows.toEvaluate(evaluators, LIMIT)));
        if (!buyers.isEmpty()) {
            sections.add(new AgendaSection(AgendaKind.QUESTIONS, rows.questions(buyers, LIMIT)));
            sections.add(new AgendaSection(AgendaKind.BUYER_CONTRACT, rows.contractsToAccept(buyers, true, LIMIT)));
        }
        return sections;
    }

    /**
     * The supplier's day: open bids before their deadline, auctions starting, wins, contracts to accept, and lots in
     * its categories whose security its available money cannot cover. Empty for a user who supplies nowhere.
     */
    @Transactional(readOnly = true)
    public List<AgendaSection> supplier(CurrentUser user) {
        Set<UUID> suppliers = with(organizations.membershipsOf(user.id()), Role.SUPPLIER);
        if (suppliers.isEmpty()) {
            return List.of();
        }
        Instant now = clock.instant();
        return List.of(
                new AgendaSection(AgendaKind.OPEN_BID, rows.openBids(suppliers, now, LIMIT)),
                new AgendaSection(AgendaKind.AUCTION, rows.auctions(suppliers, now, LIMIT)),
                new AgendaSection(AgendaKind.WIN, rows.wins(suppliers, now, LIMIT)),
                new AgendaSection(AgendaKind.SUPPLIER_CONTRACT, rows.contractsToAccept(suppliers, false, LIMIT)),
                new AgendaSection(AgendaKind.DEPOSIT_SHORT, depositsShort(suppliers, now)));
    }

    /**
     * Every bank guarantee waiting for the operator's check, oldest first, with principal, procedure, lot and amount
     * (the page shows the first {@link #LIMIT} and counts them all); empty for anyone but the operator.
     */
    @Transactional(readOnly = true)
    public AgendaSection guarantees(CurrentUser user) {
        if (!user.operator()) {
            return new AgendaSection(AgendaKind.GUARANTEE, List.of());
        }
        List<AgendaItem> items = security.pendingQueue().stream().map(Agenda::item).toList();
        return new AgendaSection(AgendaKind.GUARANTEE, items);
    }

    private static AgendaItem item(PendingGuarantee g) {
        return new AgendaItem(AgendaKind.GUARANTEE, new ProcedureId(g.procedureId()), g.procedureTitle(), null,
                g.lot(), null, null, 0, g.principal(), g.security().amount(), g.security().currency());
    }

    /** Lots its categories ask a deposit for that is more than the organization has available in that currency. */
    private List<AgendaItem> depositsShort(Set<UUID> suppliers, Instant now) {
        List<AgendaItem> short_ = new ArrayList<>();
        for (UUID supplier : suppliers) {
            OrganizationId id = new OrganizationId(supplier);
            List<String> categories = organizations.describe(id).map(OrganizationView::categoriesOffered)
                    .orElse(List.of());
            for (DepositLot lot : rows.lotsAskingSecurity(supplier, categories, now, LIMIT)) {
                var available = ledger.account(id, lot.currency()).available();
                if (available.compareTo(lot.amount()) < 0) {
                    short_.add(new AgendaItem(AgendaKind.DEPOSIT_SHORT, lot.procedureId(), lot.title(), lot.lotId(),
                            lot.lotTitle(), lot.deadline(), null, 0, null, lot.amount().subtract(available),
                            lot.currency()));
                }
            }
        }
        return short_.stream().sorted(Comparator.comparing(AgendaItem::due, Comparator.nullsLast(
                Comparator.naturalOrder()))).limit(LIMIT).toList();
    }

    private static Set<UUID> with(List<Membership> memberships, Role role) {
        return memberships.stream().filter(m -> m.has(role)).map(Membership::organization).map(o -> o.value())
                .collect(Collectors.toCollection(HashSet::new));
    }
}
