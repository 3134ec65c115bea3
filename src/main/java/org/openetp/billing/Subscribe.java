package org.openetp.billing;

import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * An organization administrator buys a plan ({@code POST /api/v1/subscriptions}); the organization may be left out
 * when the caller administers exactly one.
 */
public record Subscribe(@Nullable String planCode, @Nullable UUID organizationId) {
}
