package org.openetp.auction;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import org.openetp.procurement.BidsOpened;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * The auction clocks run from db-scheduler: one recurring task, on one node at a time, applies every due step. The
 * clock's state lives in the auction rows and every step is stamped with the instant it was due, so a restart, a
 * late run or a second node neither loses a step nor repeats one.
 */
@Configuration(proxyBeanMethods = false)
class AuctionSchedule {

    @Bean
    RecurringTask<Void> advanceAuctions(Auctions auctions) {
        return Tasks.recurring("auction-advance-due", FixedDelay.ofSeconds(1))
                .execute((instance, context) -> auctions.advanceDue());
    }

    /** Creates the lots' auctions once their applications are open (after that commit; retried if it fails). */
    @Component
    static class OnBidsOpened {

        private final Auctions auctions;

        OnBidsOpened(Auctions auctions) {
            this.auctions = auctions;
        }

        @ApplicationModuleListener
        void on(BidsOpened event) {
            auctions.schedule(event.procedure());
        }
    }
}
