package org.openetp.crm;

import jakarta.servlet.http.HttpSession;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.openetp.identity.CurrentUser;
import org.openetp.organization.Membership;
import org.springframework.ui.Model;

/**
 * The sales team the CRM pages show: chosen with {@code ?org=} (remembered in the session), else the one the user
 * chose before, else his first. Shared by the CRM's page controllers.
 */
public final class CrmTeams {

    private static final String TEAM = "crm.organization";

    private CrmTeams() {
    }

    public static List<Membership> choose(CrmService crm, @Nullable CurrentUser user, @Nullable UUID chosen,
            HttpSession session, Model model) {
        if (user == null) {
            return List.of();
        }
        List<Membership> teams = crm.salesTeams(user.id());
        UUID current = chosen != null ? chosen : (UUID) session.getAttribute(TEAM);
        UUID team = teams.stream().map(m -> m.organization().value()).filter(id -> id.equals(current)).findFirst()
                .orElse(teams.isEmpty() ? null : teams.getFirst().organization().value());
        if (team != null) {
            session.setAttribute(TEAM, team);
            model.addAttribute("crmOrg", team);
            // The tabs show the head's pages (live board, conflicts) to the head only.
            model.addAttribute("crmHead", crm.me(user, team).head());
        }
        return teams;
    }

    public static @Nullable UUID org(HttpSession session) {
        return (UUID) session.getAttribute(TEAM);
    }
}
