package org.openetp.bench;

import java.sql.Connection;
import java.util.List;
import javax.sql.DataSource;
import org.openetp.bench.SyntheticData.Region;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Loads the catalogue benchmark's synthetic organizations, procedures and lots into a fresh platform with COPY, in
 * batches: the data set the open-data and analytics benchmarks measure on.
 */
final class CatalogueLoad {

    private CatalogueLoad() {
    }

    /** Loads {@code procedures} procedures and their organizations; answers how many organizations it loaded. */
    static int load(DataSource dataSource, JdbcClient jdbc, int procedures) throws Exception {
        int organizations = Math.min(CatalogueBenchmark.ORGANIZATIONS, Math.max(1000, procedures));
        List<Region> regions = jdbc.sql("SELECT code, name_ru, name_en, name_th FROM classifier_region ORDER BY code")
                .query((rs, n) -> new Region(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)))
                .list();
        SyntheticData data = new SyntheticData(CatalogueBenchmark.SEED, organizations, regions,
                CatalogueBenchmark.END);
        for (int from = 0; from < organizations; from += 10_000) {
            try (Connection c = dataSource.getConnection()) {
                SyntheticData.copy(c, SyntheticData.ORGANIZATION, data.organizationRows(from,
                        Math.min(organizations, from + 10_000)));
            }
        }
        for (int from = 0; from < procedures; from += 5_000) {
            SyntheticData.Batch batch = data.procedureRows(from, Math.min(procedures, from + 5_000));
            try (Connection c = dataSource.getConnection()) {
                SyntheticData.copy(c, SyntheticData.PROCEDURE, batch.procedures());
                SyntheticData.copy(c, SyntheticData.LOT, batch.lots());
            }
        }
        return organizations;
    }
}
