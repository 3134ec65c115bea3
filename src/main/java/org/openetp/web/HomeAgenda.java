package org.openetp.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.openetp.audit.AuditCheckpoints;
import org.openetp.billing.Billing;
import org.openetp.identity.CurrentUser;
import org.openetp.organization.Organizations;
import org.openetp.procurement.Agenda;
import org.openetp.procurement.AgendaItem;
import org.openetp.procurement.AgendaKind;
import org.openetp.procurement.AgendaSection;
import org.springframework.stereotype.Component;

/**
 * The signed-in home page's cards per role, gathered through each module's public API: procurement's agenda for the
 * buyer and the supplier; for the operator the accreditation queue, the guarantees, the invoices waiting for a
 * payment to be recorded and the journal's latest signed checkpoint.
 */
@Component
class HomeAgenda {

    private final Agenda agenda;
    private final Organizations organizations;
    private final Billing billing;
    private final AuditCheckpoints checkpoints;

    HomeAgenda(Agenda agenda, Organizations organizations, Billing billing, AuditCheckpoints checkpoints) {
        this.agenda = agenda;
        this.organizations = organizations;
        this.billing = billing;
        this.checkpoints = checkpoints;
    }

    List<HomeSection> buyer(CurrentUser user) {
        return agenda.buyer(user).stream().map(HomeAgenda::section).toList();
    }

    List<HomeSection> supplier(CurrentUser user) {
        return agenda.supplier(user).stream().map(HomeAgenda::section).toList();
    }

    List<HomeSection> operator(CurrentUser user, Locale locale) {
        if (!user.operator()) {
            return List.of();
        }
        var waiting = organizations.pending(user);
        List<HomeSection.Line> pending = waiting.stream().limit(Agenda.LIMIT)
                .map(o -> new HomeSection.Line(o.shortName(), "/operator/accreditation", o.taxId(), null, 0, null,
                        null, null, o.createdAt()))
                .toList();
        var issued = billing.invoices(user, "ISSUED", locale);
        List<HomeSection.Line> invoices = issued.stream().limit(Agenda.LIMIT)
                .map(i -> new HomeSection.Line(i.number(), "/invoices/" + i.id(), i.buyer().name(), null, 0,
                        i.total(), i.currency(), null, i.issuedAt()))
                .toList();
        List<HomeSection.Line> checkpoint = new ArrayList<>();
        checkpoints.latest().ifPresent(c -> checkpoint.add(new HomeSection.Line(String.valueOf(c.anchorSeq()),
                "/operator/audit", null, "home.checkpoint.line", 0, null, null, null, c.at())));
        return List.of(
                new HomeSection("accreditation", "home.todo.ACCREDITATION", "home.todo.ACCREDITATION.none", pending,
                        waiting.size(), "nav.accreditation", "/operator/accreditation"),
                section(agenda.guarantees(user)),
                new HomeSection("invoices", "home.todo.INVOICES", "home.todo.INVOICES.none", invoices,
                        issued.size(), "nav.operatorBilling", "/operator/invoices"),
                new HomeSection("checkpoints", "home.todo.CHECKPOINTS", "home.todo.CHECKPOINTS.none", checkpoint,
                        checkpoint.size(), "home.checkpoint.verify", "/operator/audit"));
    }

    private static HomeSection section(AgendaSection section) {
        AgendaKind kind = section.kind();
        String key = "home.todo." + kind.name();
        return new HomeSection(kind.name().toLowerCase(Locale.ROOT).replace('_', '-'), key, key + ".none",
                section.items().stream().limit(Agenda.LIMIT).map(HomeAgenda::line).toList(), section.items().size(),
                key + ".action", action(kind));
    }

    private static HomeSection.Line line(AgendaItem item) {
        String noteKey = switch (item.kind()) {
            case QUESTIONS -> "home.note.questions";
            case DEPOSIT_SHORT -> "home.note.short";
            default -> null;
        };
        String detail = item.kind() == AgendaKind.GUARANTEE ? item.party() + " · " + item.lotTitle()
                : item.lotTitle();
        return new HomeSection.Line(item.title(), href(item), detail, noteKey, item.count(), item.amount(),
                item.currency(), item.due(), null);
    }

    /** Where a line leads: the page where its work is done. */
    private static String href(AgendaItem item) {
        String procedure = "/procedures/" + item.procedureId().value();
        return switch (item.kind()) {
            case QUESTIONS -> procedure + "/documents/questions";
            case BUYER_CONTRACT, SUPPLIER_CONTRACT -> "/contracts/" + item.contractId();
            case AUCTION -> item.lotId() == null ? procedure : "/auctions/" + item.lotId().value();
            case GUARANTEE -> "/operator/guarantees";
            default -> procedure;
        };
    }

    /** The next step a card offers, whether or not it lists anything. */
    private static String action(AgendaKind kind) {
        return switch (kind) {
            case DRAFT -> "/procedures/new";
            case DEADLINE, EVALUATE, QUESTIONS -> "/procedures/mine";
            case BUYER_CONTRACT, SUPPLIER_CONTRACT -> "/contracts";
            case OPEN_BID, AUCTION -> "/procedures";
            case WIN -> "/bids/mine";
            case DEPOSIT_SHORT -> "/money";
            case GUARANTEE -> "/operator/guarantees";
        };
    }
}
