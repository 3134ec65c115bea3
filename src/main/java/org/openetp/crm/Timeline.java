package org.openetp.crm;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.openetp.crm.CrmService.Ctx;
import org.openetp.crm.CrmViews.DealView;
import org.openetp.identity.CurrentUser;
import org.openetp.procurement.Participation;
import org.openetp.procurement.ProcedureDisclosure;
import org.openetp.procurement.ProcedureId;
import org.openetp.procurement.PublicProcedure;
import org.openetp.shared.NotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A deal's and an account's whole story, for their pages and the API; not found outside the record's team. A deal
 * linked to a procedure (tender-to-lead) adds the team organization's own bids and contracts on it, read from
 * procurement when the story is told.
 */
@Service
@Transactional
public class Timeline {

    private final CrmService crm;
    private final CrmStore records;
    private final TimelineStore store;
    private final ProcedureDisclosure procedures;

    Timeline(CrmService crm, CrmStore records, TimelineStore store, ProcedureDisclosure procedures) {
        this.crm = crm;
        this.records = records;
        this.store = store;
        this.procedures = procedures;
    }

    public List<TimelineEntry> ofDeal(CurrentUser user, UUID deal) {
        Ctx ctx = crm.owning(user, records.dealOrganization(deal));
        DealView view = records.dealView(ctx.org(), deal).orElseThrow(() -> new NotFoundException("Deal"));
        return withPlatform(ctx.org(), store.story(ctx.org(), view.accountId(), deal), List.of(view));
    }

    public List<TimelineEntry> ofAccount(CurrentUser user, UUID account) {
        Ctx ctx = crm.owning(user, records.accountOrganization(account));
        return withPlatform(ctx.org(), store.story(ctx.org(), account, null),
                records.deals(ctx.org(), null, null, account, null));
    }

    /** The story with the organization's bids and contracts on the deals' procedures, newest first. */
    private List<TimelineEntry> withPlatform(UUID org, List<TimelineEntry> story, List<DealView> deals) {
        Map<UUID, DealView> linked = new LinkedHashMap<>();
        deals.stream().filter(d -> d.procedureId() != null).forEach(d -> linked.putIfAbsent(d.procedureId(), d));
        if (linked.isEmpty()) {
            return story;
        }
        List<TimelineEntry> entries = new ArrayList<>(story);
        linked.forEach((procedure, deal) -> procedures.participation(new ProcedureId(procedure), org)
                .ifPresent(p -> entries.addAll(entries(p, deal))));
        entries.sort(Comparator.comparing(TimelineEntry::at).reversed());
        return entries;
    }

    private static List<TimelineEntry> entries(Participation p, DealView deal) {
        List<TimelineEntry> entries = new ArrayList<>();
        UUID procedure = p.id().value();
        for (PublicProcedure.Bid bid : p.bids()) {
            entries.add(new TimelineEntry(bid.submittedAt(), TimelineEntry.Kind.BID, null, bid.status().name(), null,
                    null, p.title(), deal.id(), deal.title(), procedure, bid.price(), p.currency()));
        }
        for (PublicProcedure.Contract contract : p.contracts()) {
            entries.add(new TimelineEntry(contract.createdAt(), TimelineEntry.Kind.CONTRACT, null, contract.status(),
                    null, null, p.title(), deal.id(), deal.title(), procedure, contract.price(), contract.currency()));
        }
        return entries;
    }
}
