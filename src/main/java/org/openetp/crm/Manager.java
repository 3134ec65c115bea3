package org.openetp.crm;

import java.util.UUID;

/**
 * A member of the sales team as the CRM knows him: his channel, whether he works at the head office (only such
 * managers may work reserved accounts) and whether he heads the team, with his daily plan.
 */
record Manager(UUID userId, String fullName, Channel channel, boolean headOffice, boolean head, Plan plan) {
}
