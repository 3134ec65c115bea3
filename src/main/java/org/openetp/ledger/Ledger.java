package org.openetp.ledger;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.openetp.identity.CurrentUser;
import org.openetp.organization.OrganizationId;
import org.openetp.shared.ConflictException;
import org.openetp.shared.FieldError;
import org.openetp.shared.InvalidInputException;
import org.openetp.shared.Money;
import org.openetp.shared.table.TableQuery;
import org.openetp.shared.table.TableSlice;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.openetp.shared.Currencies;

/**
 * The ledger's API (SPEC §4.4). Every money movement is a posting of entries that sum to zero:
 * <ul>
 * <li>top-up: platform bank → organization available (money received from outside);</li>
 * <li>charge: available → platform revenue (tariffs);</li>
 * <li>block: available → blocked (bid deposits); release: blocked → available;</li>
 * <li>forfeit: one organization's blocked → another's available;</li>
 * <li>credit: platform revenue → available (the unused part of a tariff given back).</li>
 * </ul>
 * Each posting method joins the caller's transaction, so that a bid and its deposit commit or roll back together.
 * A refusal ({@link InsufficientFundsException}, invalid input, a reused key) happens before anything is written,
 * and an {@link InsufficientFundsException} does not mark the caller's transaction for rollback: a caller may catch
 * it and carry on (e.g. issue an invoice instead of charging). Postings are idempotent by key: the same key with
 * the same parameters returns the original posting and moves nothing; with other parameters it is a 409. Callers
 * should run in PostgreSQL's default READ COMMITTED isolation, under which a replay waiting for a concurrent first
 * request sees that request's posting.
 */
@Service
public class Ledger {

    static final int MAX_KEY_LENGTH = 200;
    static final int MAX_MEMO_LENGTH = 500;
    /** Far above any real movement, and well inside the NUMERIC(19, 2) columns even after many postings. */
    static final BigDecimal MAX_AMOUNT = new BigDecimal("1000000000000");

    private final LedgerStore store;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final StatementRows statementRows;

    Ledger(LedgerStore store, ApplicationEventPublisher events, Clock clock, StatementRows statementRows) {
        this.store = store;
        this.events = events;
        this.clock = clock;
        this.statementRows = statementRows;
    }

    /** The organization's money in the currency; zeros when nothing has moved yet. */
    @Transactional(readOnly = true)
    public AccountView account(OrganizationId organization, String currency) {
        String checked = checkedCurrency(currency);
        return store.account(organization, checked).orElseGet(() -> zero(organization, checked));
    }

    /** The organization's money in every currency it has used, by currency code. */
    @Transactional(readOnly = true)
    public List<AccountView> accounts(OrganizationId organization) {
        return store.accounts(organization);
    }

    // The methods taking an amount and a currency code apart are for input not yet checked (a form, a request
    // body, a module that keeps the two apart): they answer every wrong field at once with the ledger's own
    // message keys. Modules holding a Money use the overloads below.

    /** Money received from outside (a bank transfer) becomes available to the organization. */
    @Transactional(noRollbackFor = InsufficientFundsException.class)
    public PostingView topUp(OrganizationId organization, BigDecimal amount, String currency, String idempotencyKey,
            @Nullable String memo) {
        return post(PostingKind.TOP_UP, organization, null, amount, currency, idempotencyKey, memo);
    }

    /** Takes available money as platform revenue (a tariff); refused with the shortfall when too little is available. */
    @Transactional(noRollbackFor = InsufficientFundsException.class)
    public PostingView charge(OrganizationId organization, BigDecimal amount, String currency, String idempotencyKey,
            @Nullable String memo) {
        return post(PostingKind.CHARGE, organization, null, amount, currency, idempotencyKey, memo);
    }

    /**
     * Gives platform revenue back to the organization's available money: the unused days of a tariff plan replaced
     * by an upgrade. The caller computes the amount; the memo says what it is for, on both statements.
     */
    @Transactional(noRollbackFor = InsufficientFundsException.class)
    public PostingView credit(OrganizationId organization, BigDecimal amount, String currency, String idempotencyKey,
            @Nullable String memo) {
        return post(PostingKind.CREDIT, organization, null, amount, currency, idempotencyKey, memo);
    }

    /** Blocks available money (a bid deposit); refused with the shortfall when too little is available. */
    @Transactional(noRollbackFor = InsufficientFundsException.class)
    public PostingView block(OrganizationId organization, BigDecimal amount, String currency, String idempotencyKey,
            @Nullable String memo) {
        return post(PostingKind.BLOCK, organization, null, amount, currency, idempotencyKey, memo);
    }

    /** Makes blocked money available again; refused with the shortfall when less is blocked. */
    @Transactional(noRollbackFor = InsufficientFundsException.class)
    public PostingView release(OrganizationId organization, BigDecimal amount, String currency,
            String idempotencyKey, @Nullable String memo) {
        return post(PostingKind.RELEASE, organization, null, amount, currency, idempotencyKey, memo);
    }

    /** Money received from outside (a bank transfer) becomes available to the organization. */
    @Transactional(noRollbackFor = InsufficientFundsException.class)
    public PostingView topUp(OrganizationId organization, Money amount, String idempotencyKey,
            @Nullable String memo) {
        return post(PostingKind.TOP_UP, organization, null, amount.amount(), amount.currency(), idempotencyKey, memo);
    }

    /** Takes available money as platform revenue (a tariff); refused with the shortfall when too little is there. */
    @Transactional(noRollbackFor = InsufficientFundsException.class)
    public PostingView charge(OrganizationId organization, Money amount, String idempotencyKey,
            @Nullable String memo) {
        return post(PostingKind.CHARGE, organization, null, amount.amount(), amount.currency(), idempotencyKey, memo);
    }

    /** Gives platform revenue back to the organization's available money (the unused days of a replaced plan). */
    @Transactional(noRollbackFor = InsufficientFundsException.class)
    public PostingView credit(OrganizationId organization, Money amount, String idempotencyKey,
            @Nullable String memo) {
        return post(PostingKind.CREDIT, organization, null, amount.amount(), amount.currency(), idempotencyKey, memo);
    }

    /** Blocks available money (a bid deposit); refused with the shortfall when too little is available. */
    @Transactional(noRollbackFor = InsufficientFundsException.class)
    public PostingView block(OrganizationId organization, Money amount, String idempotencyKey,
            @Nullable String memo) {
        return post(PostingKind.BLOCK, organization, null, amount.amount(), amount.currency(), idempotencyKey, memo);
    }

    /** Makes blocked money available again; refused with the shortfall when less is blocked. */
    @Transactional(noRollbackFor = InsufficientFundsException.class)
    public PostingView release(OrganizationId organization, Money amount, String idempotencyKey,
            @Nullable String memo) {
        return post(PostingKind.RELEASE, organization, null, amount.amount(), amount.currency(), idempotencyKey, memo);
    }

    /**
     * Moves blocked money of {@code from} to the available money of {@code to} (a forfeited deposit goes to the
     * buyer); refused with the shortfall when less is blocked.
     */
    @Transactional(noRollbackFor = InsufficientFundsException.class)
    public PostingView forfeit(OrganizationId from, OrganizationId to, BigDecimal amount, String currency,
            String idempotencyKey, @Nullable String memo) {
        return post(PostingKind.FORFEIT, from, to, amount, currency, idempotencyKey, memo);
    }

    /** Moves blocked money of {@code from} to the available money of {@code to} (a forfeited deposit). */
    @Transactional(noRollbackFor = InsufficientFundsException.class)
    public PostingView forfeit(OrganizationId from, OrganizationId to, Money amount, String idempotencyKey,
            @Nullable String memo) {
        return post(PostingKind.FORFEIT, from, to, amount.amount(), amount.currency(), idempotencyKey, memo);
    }

    /**
     * The organization's statement in the currency, in the order the postings were applied, with the balances after
     * each; {@code from} inclusive, {@code to} exclusive, either may be open.
     */
    @Transactional(readOnly = true)
    public List<StatementLine> statement(OrganizationId organization, String currency, @Nullable Instant from,
            @Nullable Instant to) {
        String checked = checkedCurrency(currency);
        if (from != null && to != null && from.isAfter(to)) {
            throw new InvalidInputException("from", "ledger.period.invalid");
        }
        return store.statement(organization, checked, from, to);
    }

    /** One page of the statement as the money page's table (sorted, filtered by memo and operation). */
    @Transactional(readOnly = true)
    public TableSlice<StatementLine> statement(OrganizationId organization, String currency, @Nullable Instant from,
            @Nullable Instant to, TableQuery query) {
        return statementRows.page(scope(organization, currency, from, to), query);
    }

    /** Every line of the statement matching the query, handed to {@code sink} as it is read (an export). */
    @Transactional(readOnly = true)
    public void statement(OrganizationId organization, String currency, @Nullable Instant from,
            @Nullable Instant to, TableQuery query, Consumer<StatementLine> sink) {
        statementRows.stream(scope(organization, currency, from, to), query.all(), sink);
    }

    private StatementRows.Scope scope(OrganizationId organization, String currency, @Nullable Instant from,
            @Nullable Instant to) {
        String checked = checkedCurrency(currency);
        if (from != null && to != null && from.isAfter(to)) {
            throw new InvalidInputException("from", "ledger.period.invalid");
        }
        return new StatementRows.Scope(organization, checked, from, to);
    }

    // ---------------------------------------------------------------- posting

    /** What one organization's balances did in a posting: the statement line's change and the balances after it. */
    private record Change(OrganizationId organization, BigDecimal available, BigDecimal blocked,
            LedgerStore.Balances after) {
    }

    private PostingView post(PostingKind kind, @Nullable OrganizationId organization,
            @Nullable OrganizationId counterparty, @Nullable BigDecimal amount, @Nullable String currency,
            @Nullable String idempotencyKey, @Nullable String memo) {
        LedgerStore.Request request = validate(kind, organization, counterparty, amount, currency, idempotencyKey,
                memo);
        store.lockKey(request.idempotencyKey());
        Optional<LedgerStore.Stored> existing = store.postingByKey(request.idempotencyKey());
        if (existing.isPresent()) {
            if (existing.get().request().sameAs(request)) {
                return existing.get().view();
            }
            throw new ConflictException("idempotencyKey", "ledger.idempotencyKey.reused");
        }

        OrganizationId org = request.organization();
        String cur = request.currency();
        BigDecimal x = request.amount();
        List<Change> changes = new ArrayList<>();
        List<Entry> entries = move(kind, request, changes);

        // Read after the balance rows are locked, so one organization's statement times follow its posting order.
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        UUID id = UUID.randomUUID();
        String actor = actor();
        store.ensureAccounts(entries.stream().map(Entry::account).toList());
        store.insertPosting(id, request, actor, now, entries);
        // Published in organization id order: the journal locks each organization's stream head at commit, and two
        // opposite forfeits must take those locks in the same order.
        changes.sort(Comparator.comparing(c -> c.organization().value()));
        for (Change change : changes) {
            store.insertMovement(change.organization(), cur, id, now, change.available(), change.blocked(),
                    change.after());
            OrganizationId other = change.organization().equals(org) ? request.counterparty() : org;
            events.publishEvent(new PostingRecorded(id, kind.name(), change.organization(), other, Money.of(x, cur),
                    request.idempotencyKey(), request.memo(), change.available(), change.blocked(), actor, now));
        }
        return new PostingView(id, kind.name(), request.idempotencyKey(), now, request.memo(),
                entries.stream().map(e -> new EntryView(e.account().code(), e.amount())).toList());
    }

    /** The balance changes of a posting (added to {@code changes}) and the double entries that record them. */
    private List<Entry> move(PostingKind kind, LedgerStore.Request request, List<Change> changes) {
        OrganizationId org = request.organization();
        String cur = request.currency();
        BigDecimal x = request.amount();
        BigDecimal none = BigDecimal.ZERO.setScale(2);
        List<Entry> entries;
        switch (kind) {
            case TOP_UP -> {
                changes.add(new Change(org, x, none, store.add(org, cur, x, none)));
                entries = List.of(new Entry(Account.bank(cur), x.negate()), new Entry(Account.available(org, cur), x));
            }
            case CHARGE -> {
                changes.add(new Change(org, x.negate(), none, take(org, cur, x.negate(), none)));
                entries = List.of(new Entry(Account.available(org, cur), x.negate()),
                        new Entry(Account.revenue(cur), x));
            }
            case CREDIT -> {
                changes.add(new Change(org, x, none, store.add(org, cur, x, none)));
                entries = List.of(new Entry(Account.revenue(cur), x.negate()),
                        new Entry(Account.available(org, cur), x));
            }
            case BLOCK -> {
                changes.add(new Change(org, x.negate(), x, take(org, cur, x.negate(), x)));
                entries = List.of(new Entry(Account.available(org, cur), x.negate()),
                        new Entry(Account.blocked(org, cur), x));
            }
            case RELEASE -> {
                changes.add(new Change(org, x, x.negate(), take(org, cur, x, x.negate())));
                entries = List.of(new Entry(Account.blocked(org, cur), x.negate()),
                        new Entry(Account.available(org, cur), x));
            }
            case FORFEIT -> {
                OrganizationId to = Objects.requireNonNull(request.counterparty());
                store.lockInOrder(List.of(org, to), cur);
                changes.add(new Change(org, none, x.negate(), take(org, cur, none, x.negate())));
                changes.add(new Change(to, x, none, store.add(to, cur, x, none)));
                entries = List.of(new Entry(Account.blocked(org, cur), x.negate()),
                        new Entry(Account.available(to, cur), x));
            }
            default -> throw new IllegalStateException(kind.name());
        }

        return entries;
    }

    /**
     * Applies a change that takes money from an organization, or refuses it with the shortfall. A refused update
     * changed nothing; the balances read for the message may already include money that arrived since, and then
     * the update is simply tried again.
     */
    private LedgerStore.Balances take(OrganizationId organization, String currency, BigDecimal available,
            BigDecimal blocked) {
        while (true) {
            Optional<LedgerStore.Balances> changed = store.changeIfCovered(organization, currency, available,
                    blocked);
            if (changed.isPresent()) {
                return changed.get();
            }
            AccountView now = store.account(organization, currency).orElseGet(() -> zero(organization, currency));
            boolean fromAvailable = available.signum() < 0;
            BigDecimal shortfall = fromAvailable ? available.negate().subtract(now.available())
                    : blocked.negate().subtract(now.blocked());
            if (shortfall.signum() > 0) {
                throw new InsufficientFundsException(fromAvailable ? "ledger.insufficient"
                        : "ledger.insufficientBlocked", shortfall, currency);
            }
        }
    }

    private static LedgerStore.Request validate(PostingKind kind, @Nullable OrganizationId organization,
            @Nullable OrganizationId counterparty, @Nullable BigDecimal amount, @Nullable String currency,
            @Nullable String idempotencyKey, @Nullable String memo) {
        List<FieldError> errors = new ArrayList<>();
        if (organization == null) {
            errors.add(new FieldError(kind == PostingKind.FORFEIT ? "from" : "organization", "field.required"));
        }
        if (kind == PostingKind.FORFEIT) {
            if (counterparty == null) {
                errors.add(new FieldError("to", "field.required"));
            } else if (counterparty.equals(organization)) {
                errors.add(new FieldError("to", "ledger.forfeit.sameOrganization"));
            }
        }
        String checkedCurrency = currencyOrError(currency, errors);
        BigDecimal checkedAmount = null;
        if (amount == null) {
            errors.add(new FieldError("amount", "field.required"));
        } else if (amount.signum() <= 0) {
            errors.add(new FieldError("amount", "ledger.amount.positive"));
        } else if (amount.compareTo(MAX_AMOUNT) > 0) {
            errors.add(new FieldError("amount", "ledger.amount.tooLarge"));
        } else if (Math.max(0, amount.stripTrailingZeros().scale()) > (checkedCurrency == null
                ? Money.MAX_SCALE : Money.scaleOf(checkedCurrency))) {
            errors.add(new FieldError("amount", "ledger.amount.scale"));
        } else {
            checkedAmount = amount.setScale(2);
        }
        if (idempotencyKey == null || idempotencyKey.isBlank()) {
            errors.add(new FieldError("idempotencyKey", "ledger.idempotencyKey.required"));
        } else if (idempotencyKey.length() > MAX_KEY_LENGTH
                || idempotencyKey.chars().anyMatch(Character::isISOControl)) {
            errors.add(new FieldError("idempotencyKey", "ledger.idempotencyKey.invalid"));
        }
        String checkedMemo = memo == null ? "" : memo;
        if (checkedMemo.length() > MAX_MEMO_LENGTH) {
            errors.add(new FieldError("memo", "field.tooLong"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        return new LedgerStore.Request(kind, organization, counterparty, checkedAmount, checkedCurrency,
                idempotencyKey, checkedMemo);
    }

    private static String checkedCurrency(@Nullable String currency) {
        List<FieldError> errors = new ArrayList<>();
        String checked = currencyOrError(currency, errors);
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        return checked;
    }

    /** An ISO 4217 code of a real currency (not gold, not a test code), or an error added to the list. */
    private static @Nullable String currencyOrError(@Nullable String currency, List<FieldError> errors) {
        if (currency == null || currency.isBlank()) {
            errors.add(new FieldError("currency", "field.required"));
            return null;
        }
        if (Currencies.acceptable(currency)) {
            return currency;
        }
        errors.add(new FieldError("currency", "ledger.currency.invalid"));
        return null;
    }

    /**
     * Who caused the posting, for the journal: the signed-in user on whose request it happens (the bidder whose
     * deposit is blocked, the operator topping up), or {@code system} for scheduled work and event listeners. Read
     * here rather than passed in, so every module posting money gets it right without threading a user through.
     */
    private static String actor() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication != null && authentication.getPrincipal() instanceof CurrentUser user
                ? user.id().toString() : "system";
    }

    private static AccountView zero(OrganizationId organization, String currency) {
        BigDecimal zero = BigDecimal.ZERO.setScale(2);
        return new AccountView(organization, currency, zero, zero, zero);
    }
}
