package org.openetp.crm;

import java.util.List;
import java.util.UUID;
import org.openetp.crm.CrmService.Ctx;
import org.openetp.identity.CurrentUser;
import org.openetp.shared.NotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** A deal's and an account's whole story, for their pages and the API; not found outside the record's team. */
@Service
@Transactional
public class Timeline {

    private final CrmService crm;
    private final CrmStore records;
    private final TimelineStore store;

    Timeline(CrmService crm, CrmStore records, TimelineStore store) {
        this.crm = crm;
        this.records = records;
        this.store = store;
    }

    public List<TimelineEntry> ofDeal(CurrentUser user, UUID deal) {
        Ctx ctx = crm.owning(user, records.dealOrganization(deal));
        UUID account = records.dealView(ctx.org(), deal).orElseThrow(() -> new NotFoundException("Deal"))
                .accountId();
        return store.story(ctx.org(), account, deal);
    }

    public List<TimelineEntry> ofAccount(CurrentUser user, UUID account) {
        Ctx ctx = crm.owning(user, records.accountOrganization(account));
        return store.story(ctx.org(), account, null);
    }
}
