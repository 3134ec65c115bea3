package org.openetp.procurement;

import java.util.List;

/** One list of a home page: the things of one kind to do, most urgent first (empty when there is nothing). */
public record AgendaSection(AgendaKind kind, List<AgendaItem> items) {

    public AgendaSection {
        items = List.copyOf(items);
    }
}
