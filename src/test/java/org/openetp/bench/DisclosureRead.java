package org.openetp.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.openetp.procurement.ProcedureDisclosure;
import org.openetp.procurement.ProcedureDisclosures;
import org.openetp.procurement.ProcedureId;
import org.springframework.context.ApplicationContext;

/**
 * The rebuild's read alone, before and after issue 20's second pass: the same published procedures disclosed one by
 * one ({@code ProcedureDisclosure.disclose}, as the rebuild read them) and in batches of 200
 * ({@code ProcedureDisclosures.disclose}), in alternating rounds so that other work on the machine weighs on both
 * alike. Rates are procedures per second, best and median of the rounds.
 */
final class DisclosureRead {

    private DisclosureRead() {
    }

    static Map<String, Object> compare(ApplicationContext app, int procedures, int rounds) throws java.io.IOException {
        ProcedureDisclosure one = app.getBean(ProcedureDisclosure.class);
        ProcedureDisclosures many = app.getBean(ProcedureDisclosures.class);
        List<ProcedureId> ids = one.publishedAfter(java.time.Instant.EPOCH, new java.util.UUID(0, 0), procedures);
        List<Double> alone = new ArrayList<>();
        List<Double> batched = new ArrayList<>();
        for (int round = 0; round < rounds; round++) {
            long start = System.nanoTime();
            long read = ids.stream().map(one::disclose).filter(Optional::isPresent).count();
            alone.add(read * 1e9 / (System.nanoTime() - start));
            start = System.nanoTime();
            read = 0;
            for (int from = 0; from < ids.size(); from += 200) {
                read += many.disclose(ids.subList(from, Math.min(ids.size(), from + 200))).size();
            }
            batched.add(read * 1e9 / (System.nanoTime() - start));
        }
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("procedures", ids.size());
        result.put("rounds", rounds);
        result.put("one_by_one_per_s_best_median", summary(alone));
        result.put("batched_per_s_best_median", summary(batched));
        result.put("load_average_after", Bench.loadAverage());
        return result;
    }

    private static String summary(List<Double> rates) {
        List<Double> sorted = rates.stream().sorted().toList();
        return Math.round(sorted.getLast()) + " / " + Math.round(sorted.get(sorted.size() / 2));
    }
}
