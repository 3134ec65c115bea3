package org.openetp.procurement.catalogue;

import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.LoadingCache;
import java.time.Duration;
import java.util.List;
import org.openetp.classifier.Classifier;
import org.springframework.stereotype.Component;

/**
 * Whether category and region codes exist, remembered for a minute. Nearly every search names some, and asking the
 * classifier each time would double the database round trips of a narrow search; a category the operator adds is
 * searchable within the minute.
 */
@Component
class KnownCodes {

    private final LoadingCache<String, Boolean> categories;
    private final LoadingCache<String, Boolean> regions;

    KnownCodes(Classifier classifier) {
        // Bounded, because the codes come from anyone's query string.
        this.categories = Caffeine.newBuilder().maximumSize(5_000).expireAfterWrite(Duration.ofMinutes(1))
                .build(code -> classifier.unknownCategories(List.of(code)).isEmpty());
        this.regions = Caffeine.newBuilder().maximumSize(5_000).expireAfterWrite(Duration.ofMinutes(1))
                .build(classifier::regionExists);
    }

    boolean category(String code) {
        return categories.get(code);
    }

    boolean region(String code) {
        return regions.get(code);
    }
}
