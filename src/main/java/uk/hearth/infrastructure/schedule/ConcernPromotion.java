package uk.hearth.infrastructure.schedule;

import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.support.TransactionTemplate;
import uk.hearth.intake.PromotingConcerns;

/** Runs {@link PromotingConcerns} for the {@code concern-promotion} route: one transaction per concern. */
public class ConcernPromotion {
    private static final Logger log = LoggerFactory.getLogger(ConcernPromotion.class);

    private final PromotingConcerns promoting;
    private final TransactionTemplate transactions;
    private final MeterRegistry meters;

    ConcernPromotion(PromotingConcerns promoting, TransactionTemplate transactions, MeterRegistry meters) {
        this.promoting = promoting;
        this.transactions = transactions;
        this.meters = meters;
    }

    public int run() {
        int promoted = 0;
        for (long caseId : promoting.due()) {
            try {
                transactions.executeWithoutResult(status -> promoting.promote(caseId));
                promoted++;
                meters.counter("hearth.concerns.promoted").increment();
            } catch (RuntimeException e) {
                log.warn("Concern on case {} could not be promoted to stage 1 now; next run retries: {}", caseId,
                        e.toString());
            }
        }
        return promoted;
    }
}
