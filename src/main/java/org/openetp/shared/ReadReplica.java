package org.openetp.shared;

import java.util.function.Supplier;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Read-only work that may be served by a read replica (issue 23): a read-only transaction labelled {@link #LABEL}
 * ({@code @Transactional(readOnly = true, label = ReadReplica.LABEL)}, or {@link #read} around a call) takes its
 * connection from the read datasource when {@code OPENETP_READ_DATASOURCE_URL} is set, and from the one database
 * otherwise. Only work that may show data a moment old belongs here (the catalogue, dashboards, exports, public
 * pages of anonymous visitors): a replica applies the primary's commits a little later. Anything that must see its
 * own writes (a bid and its receipt, a page right after a form post, money) stays unlabelled, on the primary; a
 * labelled method called inside a primary transaction joins that transaction and so stays on the primary too.
 */
@Component
public class ReadReplica {

    /** The transaction label that routes a read-only transaction to the read datasource. */
    public static final String LABEL = "openetp:read-replica";

    /** Runs the read in a read-only transaction on the read datasource (when one is configured). */
    @Transactional(readOnly = true, label = LABEL)
    public <T> T read(Supplier<T> work) {
        return work.get();
    }
}
