package org.openetp.loyalty;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.openetp.crm.DealWon;
import org.openetp.identity.CurrentUser;
import org.openetp.organization.OrganizationId;
import org.openetp.procurement.ContractInForce;
import org.openetp.procurement.ContractRefused;
import org.openetp.shared.NotFoundException;
import org.openetp.shared.RuleViolationException;
import org.openetp.shared.mail.Mail;
import org.openetp.shared.mail.Mailer;
import org.springframework.context.MessageSource;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Earning (SPEC §8): the buying side of a contract in force earns in every running program of the selling side in
 * the contract's currency; a won CRM deal earns the same way for its client, on the platform or outside it. Each
 * source earns once per program: the earning's unique key and the postings' idempotency keys hold in the database,
 * so a redelivered event, a retry or a restart change nothing. Points wait out the lock period as pending.
 */
@Service
class Earnings {

    static final String CONTRACT = "CONTRACT";
    static final String DEAL = "DEAL";

    private final ProgramStore programs;
    private final CatalogueStore catalogue;
    private final PointsStore points;
    private final PointsLedger ledger;
    private final LoyaltyAccess access;
    private final Mailer mailer;
    private final MessageSource messages;
    private final Clock clock;

    Earnings(ProgramStore programs, CatalogueStore catalogue, PointsStore points, PointsLedger ledger,
            LoyaltyAccess access, Mailer mailer, MessageSource messages, Clock clock) {
        this.programs = programs;
        this.catalogue = catalogue;
        this.points = points;
        this.ledger = ledger;
        this.access = access;
        this.mailer = mailer;
        this.messages = messages;
        this.clock = clock;
    }

    @ApplicationModuleListener
    void on(ContractInForce event) {
        earnForContract(event);
    }

    @ApplicationModuleListener
    void on(DealWon event) {
        earnForDeal(event);
    }

    /** A draft refused (or a contract ended) within the lock: what it earned and is still pending goes back. */
    @ApplicationModuleListener
    void on(ContractRefused event) {
        reverseSource(CONTRACT, event.contract().value(), "contract refused");
    }

    @Transactional
    void earnForContract(ContractInForce e) {
        for (ProgramStore.Program program : programs.running(e.seller(), e.currency(), day(e.occurredAt()))) {
            ProgramStore.Member member = programs.memberOfClient(program.id(), e.buyer(), access.name(e.buyer()),
                    e.occurredAt());
            earn(program, member, CONTRACT, e.contract().value(), e.subject(), e.value(), e.categoryCode());
        }
    }

    @Transactional
    void earnForDeal(DealWon e) {
        for (ProgramStore.Program program : programs.running(e.organization().value(), e.value().currency(),
                day(e.occurredAt()))) {
            OrganizationId linked = e.linkedOrganization();
            ProgramStore.Member member = linked != null
                    ? programs.memberOfClient(program.id(), linked.value(), access.name(linked.value()),
                            e.occurredAt())
                    : programs.memberOfCrmAccount(program.id(), e.account(), e.accountName(), e.email(),
                            e.occurredAt());
            boolean earned = earn(program, member, DEAL, e.deal(), e.title(), e.value().amount(), null);
            if (earned && member.client() == null && member.email() != null) {
                tellByMail(program, member, e);
            }
        }
    }

    /**
     * Earns for one source under the program's current rules and the member's tier; false when the source had
     * earned in this program already.
     */
    boolean earn(ProgramStore.Program program, ProgramStore.Member member, String source, UUID sourceId,
            String description, BigDecimal value, @Nullable String category) {
        Instant now = clock.instant();
        Rules rules = programs.rules(program.id(), program.rulesVersion());
        Rules.Earned earned = rules.earn(value, category, member.tierRank());
        UUID id = UUID.randomUUID();
        String text = description.length() > 500 ? description.substring(0, 500) : description;
        var earning = new CatalogueStore.Earning(id, program.id(), member.id(), source, sourceId, text, value,
                rules.version(), earned.multiplier(), earned.points(), earned.credit(), now, null);
        if (catalogue.insertEarning(earning, category, member.tierRank()).isEmpty()) {
            return false;
        }
        Instant unlocks = rules.lockPeriod().after(now);
        String key = "earn:" + source + ":" + sourceId + ":" + program.id() + ":";
        if (earned.points().signum() > 0) {
            ledger.earn(program.id(), member.id(), Unit.POINTS, earned.points(), id, now, unlocks,
                    rules.expiry().expiresAt(now), key + Unit.POINTS, text, "system");
        }
        if (earned.credit().signum() > 0) {
            // Cashback is money the seller owes: it does not expire.
            ledger.earn(program.id(), member.id(), Unit.CREDIT, earned.credit(), id, now, unlocks, null,
                    key + Unit.CREDIT, text, "system");
        }
        return true;
    }

    /** Reverses what a source earned and is still pending, in every program; returns how many awards went back. */
    @Transactional
    int reverseSource(String source, UUID sourceId, String memo) {
        int reversed = 0;
        for (CatalogueStore.Earning earning : catalogue.earningsOf(source, sourceId)) {
            reversed += reverse(earning, memo);
        }
        return reversed;
    }

    /** The seller reverses an earning whose contract or deal fell through within the lock period. */
    @Transactional
    int reverseBySeller(CurrentUser user, ProgramStore.Program program, UUID earningId, String memo) {
        access.requireAdmin(user, program.seller(), "Program");
        CatalogueStore.Earning earning = catalogue.earningsById(earningId)
                .filter(e -> e.program().equals(program.id())).orElseThrow(() -> new NotFoundException("Earning"));
        int reversed = reverse(earning, memo);
        if (reversed == 0) {
            throw new RuleViolationException("loyalty.reverse.locked");
        }
        return reversed;
    }

    private int reverse(CatalogueStore.Earning earning, String memo) {
        int reversed = 0;
        List<PointsStore.Award> awards = points.awardsOfEarning(earning.id());
        for (PointsStore.Award award : awards) {
            if (ledger.reverse(earning.program(), award.id(), memo).filter(p -> !p.replay()).isPresent()) {
                reversed++;
            }
        }
        if (reversed > 0) {
            catalogue.markReversed(earning.id(), clock.instant());
        }
        return reversed;
    }

    private void tellByMail(ProgramStore.Program program, ProgramStore.Member member, DealWon e) {
        Locale locale = Locale.ENGLISH;
        String body = messages.getMessage("loyalty.mail.earned.body", new Object[] {member.name(), program.name(),
                access.name(program.seller()), e.title(), e.value().toString()}, locale);
        mailer.send(new Mail(member.email(), messages.getMessage("loyalty.mail.earned.subject",
                new Object[] {program.name()}, locale), body, List.of()));
    }

    private static LocalDate day(Instant at) {
        return LocalDate.ofInstant(at, ZoneOffset.UTC);
    }
}
