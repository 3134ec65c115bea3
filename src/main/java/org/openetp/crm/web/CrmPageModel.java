package org.openetp.crm.web;

import jakarta.servlet.http.HttpSession;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.openetp.crm.Channel;
import org.openetp.crm.CrmService;
import org.openetp.crm.CrmTeams;
import org.openetp.crm.Stage;
import org.openetp.identity.CurrentUser;
import org.openetp.organization.Membership;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * What every CRM page's model holds, for both page controllers: the stages and channels its forms offer and the
 * sales team it shows (see {@link CrmTeams}).
 */
@ControllerAdvice(assignableTypes = {CrmPageController.class, CrmWorkPageController.class})
class CrmPageModel {

    private final CrmService crm;

    CrmPageModel(CrmService crm) {
        this.crm = crm;
    }

    @ModelAttribute("stages")
    Stage[] stages() {
        return Stage.values();
    }

    @ModelAttribute("channels")
    Channel[] channels() {
        return Channel.values();
    }

    @ModelAttribute("teams")
    List<Membership> teams(@AuthenticationPrincipal @Nullable CurrentUser user,
            @RequestParam(name = "org", required = false) @Nullable UUID chosen, HttpSession session, Model model) {
        return CrmTeams.choose(crm, user, chosen, session, model);
    }
}
