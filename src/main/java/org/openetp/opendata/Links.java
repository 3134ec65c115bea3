package org.openetp.opendata;

import java.util.UUID;
import org.openetp.procurement.ProcedureId;
import org.openetp.shared.PublicUrl;
import org.springframework.stereotype.Component;

/** The public addresses open data links to ({@code OPENETP_BASE_URL}). */
@Component
class Links {

    static final String LOTS_EXTENSION =
            "https://raw.githubusercontent.com/open-contracting-extensions/ocds_lots_extension/v1.1.5/extension.json";
    static final String BIDS_EXTENSION =
            "https://raw.githubusercontent.com/open-contracting-extensions/ocds_bid_extension/v1.1.5/extension.json";

    private final PublicUrl urls;

    Links(PublicUrl urls) {
        this.urls = urls;
    }

    String document(ProcedureId procedure, UUID document) {
        return urls.to("/api/v1/procedures/" + procedure + "/documents/" + document);
    }

    /** A page of the feed: after the cursor (empty: from the start), of the size asked for (null: the default). */
    String releases(String cursor, @org.jspecify.annotations.Nullable Integer limit) {
        String query = (cursor.isEmpty() ? "" : "&cursor=" + cursor) + (limit == null ? "" : "&limit=" + limit);
        return urls.to("/api/v1/ocds/releases" + (query.isEmpty() ? "" : "?" + query.substring(1)));
    }

    String record(String ocid) {
        return urls.to("/api/v1/ocds/records/" + ocid);
    }

    String bulk(String month) {
        return urls.to("/api/v1/ocds/bulk/" + month + ".json.gz");
    }

    String policy() {
        return urls.to("/open-data");
    }
}
