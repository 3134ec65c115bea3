package org.openetp.opendata;

import java.util.UUID;
import org.openetp.procurement.ProcedureId;
import org.openetp.shared.NotFoundException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/** The "Open data" page (what is published, the feed, the bulk files) and the procedure page's link to its record. */
@Controller
class OpenDataPageController {

    private final BulkFiles bulk;
    private final Publisher publisher;
    private final Links links;
    private final OcdsProperties properties;
    private final ReleaseStore store;

    OpenDataPageController(BulkFiles bulk, Publisher publisher, Links links, OcdsProperties properties,
            ReleaseStore store) {
        this.store = store;
        this.bulk = bulk;
        this.publisher = publisher;
        this.links = links;
        this.properties = properties;
    }

    @GetMapping("/open-data")
    String page(Model model) {
        model.addAttribute("months", bulk.months());
        model.addAttribute("feed", links.releases("", null));
        model.addAttribute("prefix", properties.prefix());
        return "opendata/open-data";
    }

    /** From a procedure page to its OCDS record (the page knows the procedure, not the ocid prefix). */
    @GetMapping("/open-data/procedures/{id}")
    String record(@PathVariable UUID id) {
        String ocid = publisher.ocid(new ProcedureId(id));
        // Not published (or no such procedure): the error page, not a redirect to the API's problem JSON.
        if (!store.hasTenderRelease(ocid)) {
            throw new NotFoundException("Record");
        }
        return "redirect:/api/v1/ocds/records/" + ocid;
    }
}
