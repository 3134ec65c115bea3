package org.openetp.procurement.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.openetp.identity.CurrentUser;
import org.openetp.procurement.ProcedureLists;
import org.openetp.procurement.ProcedureView;
import org.openetp.procurement.Procurement;
import org.openetp.shared.table.TableResponder;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ResponseBody;

/**
 * The buyer's "My procedures" as the shared table: the page sorts, filters and pages it; the page and
 * {@code GET /api/v1/procedures/mine} export it as CSV or XLSX with the same columns (the API's JSON is unchanged).
 */
@Controller
class ProcedureListController {

    private final ProcedureLists lists;
    private final Procurement procurement;
    private final TableResponder tables;

    ProcedureListController(ProcedureLists lists, Procurement procurement, TableResponder tables) {
        this.lists = lists;
        this.procurement = procurement;
        this.tables = tables;
    }

    @GetMapping("/procedures/mine")
    @Nullable String mine(@AuthenticationPrincipal CurrentUser user, HttpServletRequest request,
            HttpServletResponse response, Model model) {
        return tables.page(ProcedureTables.MINE, "procurement/mine", request, response, model,
                query -> lists.mine(user, query), (query, sink) -> lists.mine(user, query, sink));
    }

    @GetMapping("/api/v1/procedures/mine")
    @ResponseBody
    @Nullable List<ProcedureView> mineApi(@AuthenticationPrincipal CurrentUser user, HttpServletRequest request,
            HttpServletResponse response) {
        return tables.list(ProcedureTables.MINE, request, response, () -> procurement.mine(user),
                (query, sink) -> lists.mine(user, query, sink));
    }
}
