package org.openetp.analytics;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.openetp.ledger.ChargeHistory;
import org.openetp.ledger.PostingRecorded;
import org.openetp.shared.Money;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Keeps the platform's tariff revenue in the read model: each ledger charge as it is posted (the ledger's
 * {@link PostingRecorded} of kind {@code CHARGE}), less the credits of an upgrade's unused days ({@code CREDIT}), and
 * all of them again on a rebuild through the ledger's {@link ChargeHistory}. Nothing else counts: top-ups are the
 * organizations' own money, blocks and forfeits move deposits between participants.
 */
@Component
class Revenue {

    private static final String CHARGE = "CHARGE";
    private static final String CREDIT = "CREDIT";
    private static final int BATCH = 500;

    private final ChargeHistory history;
    private final RevenueRepository repository;
    private final TransactionTemplate transactions;

    Revenue(ChargeHistory history, RevenueRepository repository, TransactionTemplate transactions) {
        this.history = history;
        this.repository = repository;
        this.transactions = transactions;
    }

    @ApplicationModuleListener
    void on(PostingRecorded e) {
        if (CHARGE.equals(e.kind()) || CREDIT.equals(e.kind())) {
            repository.save(new ChargeHistory.Charge(e.posting(), e.organization(),
                    CREDIT.equals(e.kind()) ? Money.zero(e.amount().currency()).minus(e.amount()) : e.amount(),
                    e.occurredAt()));
        }
    }

    /** Writes every charge again, a page per transaction; returns how many. */
    int rebuild() {
        Instant at = Instant.EPOCH;
        UUID after = new UUID(0, 0);
        int done = 0;
        while (true) {
            List<ChargeHistory.Charge> page = history.after(at, after, BATCH);
            transactions.executeWithoutResult(s -> page.forEach(repository::save));
            done += page.size();
            if (page.size() < BATCH) {
                return done;
            }
            at = page.getLast().chargedAt();
            after = page.getLast().posting();
        }
    }
}
