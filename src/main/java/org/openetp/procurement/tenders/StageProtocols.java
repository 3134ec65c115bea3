package org.openetp.procurement.tenders;

import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.openetp.procurement.ProcedureLanguage;
import org.openetp.procurement.ProtocolText;
import org.openetp.procurement.domain.Procedure;
import org.openetp.procurement.persistence.ProcedureRepository;
import org.springframework.stereotype.Component;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

/**
 * The protocols of the tender steps as self-contained, XHTML-clean HTML documents (like the opening and award
 * protocols, so that the same PDF rendering and signing serve them): qualification, stage 1 and negotiations,
 * rendered once from templates/protocols in the procedure's language (issue 17). They name the participants and the
 * buyer's decisions with reasons; never a price of a competitor's offer.
 */
@Component
public class StageProtocols {

    /** One participant's line: its name, when it applied, the decision (ACCEPTED, REJECTED...) and its reason. */
    public record Row(String participant, Instant submittedAt, String decision, @Nullable String reason) {
    }

    /** The buyer's choice on a lot in negotiations: whose final offer, when, and why. */
    public record Choice(int lotNumber, String lotTitle, String participant, Instant chosenAt,
            @Nullable String reason) {
    }

    private final ITemplateEngine templates;
    private final ProcedureRepository procedures;
    private final Clock clock;

    StageProtocols(ITemplateEngine templates, ProcedureRepository procedures, Clock clock) {
        this.templates = templates;
        this.procedures = procedures;
        this.clock = clock;
    }

    public String qualification(Procedure procedure, List<Row> rows, Instant at) {
        return decisions(procedure, "qualification", rows, at);
    }

    public String stageOne(Procedure procedure, List<Row> rows, Instant at) {
        return decisions(procedure, "stageOne", rows, at);
    }

    /** The negotiations protocol: who took part and, per lot, whose final offer the buyer chose and why. */
    public String negotiations(Procedure procedure, List<String> participants, int finalOffers,
            List<Choice> choices, Instant at) {
        Map<String, Object> variables = new HashMap<>();
        variables.put("participants", participants);
        variables.put("finalOffers", finalOffers);
        variables.put("choices", choices);
        return render("protocols/negotiation", procedure, at, variables);
    }

    private String decisions(Procedure procedure, String step, List<Row> rows, Instant at) {
        Map<String, Object> variables = new HashMap<>();
        variables.put("step", step);
        variables.put("rows", rows);
        return render("protocols/stage", procedure, at, variables);
    }

    private String render(String template, Procedure procedure, Instant at, Map<String, Object> variables) {
        ProcedureLanguage language = ProcedureLanguage.ofCode(procedures.language(procedure.id()));
        variables.put("procedure", procedure);
        variables.put("at", at);
        variables.put("f", new ProtocolText(language.locale(), clock.getZone()));
        return templates.process(template, new Context(language.locale(), variables));
    }
}
