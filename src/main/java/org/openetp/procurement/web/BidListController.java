package org.openetp.procurement.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.openetp.identity.CurrentUser;
import org.openetp.procurement.BidId;
import org.openetp.procurement.BidLists;
import org.openetp.procurement.MyBidRow;
import org.openetp.shared.NotFoundException;
import org.openetp.shared.table.TableQuery;
import org.openetp.shared.table.TableResponder;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.ResponseBody;

/**
 * The supplier's "My bids" as the shared table ({@code /bids/mine}), the same rows from
 * {@code GET /api/v1/bids/mine} (JSON, or CSV/XLSX with the page's columns), and a bid's receipt page.
 */
@Controller
class BidListController {

    private final BidLists lists;
    private final TableResponder tables;

    BidListController(BidLists lists, TableResponder tables) {
        this.lists = lists;
        this.tables = tables;
    }

    @GetMapping("/bids/mine")
    @Nullable String mine(@AuthenticationPrincipal CurrentUser user, HttpServletRequest request,
            HttpServletResponse response, Model model) {
        return tables.page(BidTables.MINE, "procurement/my-bids", request, response, model,
                query -> lists.mine(user, query), (query, sink) -> lists.mine(user, query, sink));
    }

    /** Every bid of the caller's supplier organizations, filtered and sorted by the page's parameters. */
    @GetMapping("/api/v1/bids/mine")
    @ResponseBody
    @Nullable List<MyBidRow> mineApi(@AuthenticationPrincipal CurrentUser user, HttpServletRequest request,
            HttpServletResponse response) {
        return tables.list(BidTables.MINE, request, response, () -> {
            List<MyBidRow> all = new ArrayList<>();
            lists.mine(user, TableQuery.of(BidTables.MINE, params(request)), all::add);
            return all;
        }, (query, sink) -> lists.mine(user, query, sink));
    }

    @GetMapping("/bids/{bidId}/receipt")
    String receipt(@AuthenticationPrincipal CurrentUser user, @PathVariable UUID bidId, Model model) {
        model.addAttribute("receipt", lists.receipt(user, new BidId(bidId))
                .orElseThrow(() -> new NotFoundException("Receipt")));
        return "procurement/receipt";
    }

    private static Map<String, String> params(HttpServletRequest request) {
        Map<String, String> params = new HashMap<>();
        request.getParameterMap().forEach((k, v) -> params.put(k, v.length == 0 ? "" : v[0]));
        return params;
    }
}
