package org.openetp.loyalty;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.openetp.identity.CurrentUser;
import org.openetp.shared.InvalidInputException;
import org.openetp.shared.NotFoundException;
import org.openetp.shared.RuleViolationException;
import org.openetp.shared.mail.Mail;
import org.openetp.shared.mail.Mailer;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Statements per client and program: the client sees its own, the seller its members'. A client outside the
 * platform cannot sign in, so its seller sends the statement by e-mail (the outbox) or downloads the PDF for it.
 */
@Service
class Statements {

    private final ProgramStore programs;
    private final CatalogueStore catalogue;
    private final PointsStore points;
    private final Programs seller;
    private final ClientLoyalty client;
    private final LoyaltyAccess access;
    private final Mailer mailer;
    private final MessageSource messages;
    private final Clock clock;

    Statements(ProgramStore programs, CatalogueStore catalogue, PointsStore points, Programs seller,
            ClientLoyalty client, LoyaltyAccess access, Mailer mailer, MessageSource messages, Clock clock) {
        this.programs = programs;
        this.catalogue = catalogue;
        this.points = points;
        this.seller = seller;
        this.client = client;
        this.access = access;
        this.mailer = mailer;
        this.messages = messages;
        this.clock = clock;
    }

    /** The caller's organization's statement in a program. */
    @Transactional(readOnly = true)
    public Statement forClient(CurrentUser user, ProgramId program, @Nullable UUID organizationId,
            @Nullable String from, @Nullable String to) {
        return statement(client.membership(user, program, organizationId), from, to);
    }

    /** A member's statement, to the program's seller. */
    @Transactional(readOnly = true)
    public Statement forSeller(CurrentUser user, ProgramId program, MemberId member, @Nullable String from,
            @Nullable String to) {
        return statement(sellersMember(user, program, member), from, to);
    }

    /** The seller's admin e-mails a member outside the platform its statement (to the outbox). */
    @Transactional
    public String mail(CurrentUser user, ProgramId program, MemberId memberId, @Nullable String from,
            @Nullable String to, Locale locale) {
        ProgramStore.Member member = sellersMember(user, program, memberId);
        access.requireAdmin(user, programs.program(program).orElseThrow().seller(), "Program");
        if (member.email() == null) {
            throw new RuleViolationException("loyalty.statement.noEmail");
        }
        Statement s = statement(member, from, to);
        mailer.send(new Mail(member.email(), messages.getMessage("loyalty.mail.statement.subject",
                new Object[] {s.program(), s.from().toString(), s.to().toString()}, locale),
                StatementFiles.text(s, messages, locale), List.of()));
        return member.email();
    }

    java.time.Instant now() {
        return clock.instant();
    }

    ProgramStore.Member sellersMember(CurrentUser user, ProgramId program, MemberId memberId) {
        seller.owned(user, program);
        return programs.member(memberId).filter(m -> m.program().equals(program))
                .orElseThrow(() -> new NotFoundException("Member"));
    }

    Statement statement(ProgramStore.Member member, @Nullable String fromText, @Nullable String toText) {
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        LocalDate to = date(toText, "to", today);
        LocalDate from = date(fromText, "from", to.minusYears(1).plusDays(1));
        if (from.isAfter(to)) {
            throw new InvalidInputException("from", "loyalty.period.invalid");
        }
        Instant start = from.atStartOfDay(ZoneOffset.UTC).toInstant();
        Instant end = to.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
        ProgramStore.Program p = programs.program(member.program()).orElseThrow();
        List<RedemptionView> redemptions = catalogue.redemptions(p.id(), member.id(), null).stream()
                .filter(r -> !r.requestedAt().isBefore(start) && r.requestedAt().isBefore(end)).toList();
        return new Statement(p.name(), access.name(p.seller()), member.name(), p.currency(), from, to,
                section(member.id(), Unit.POINTS, start, end), section(member.id(), Unit.CREDIT, start, end),
                redemptions);
    }

    private Statement.Section section(MemberId member, Unit unit, Instant start, Instant end) {
        PointsStore.Balances opening = points.balancesBefore(member, unit, start);
        List<PointsStore.Line> lines = points.statement(member, unit, start, end);
        PointsStore.Balances closing = lines.isEmpty() ? opening
                : new PointsStore.Balances(lines.getLast().pendingAfter(), lines.getLast().availableAfter(), 0);
        return new Statement.Section(unit, opening, lines, closing);
    }

    private static LocalDate date(@Nullable String text, String field, LocalDate otherwise) {
        if (text == null || text.isBlank()) {
            return otherwise;
        }
        try {
            return LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw new InvalidInputException(field, "loyalty.date.invalid");
        }
    }
}
