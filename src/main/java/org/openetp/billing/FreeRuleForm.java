package org.openetp.billing;

import java.math.BigDecimal;
import org.jspecify.annotations.Nullable;

/** A free participation rule as the operator enters it; each missing or wrong field gets its own error. */
public record FreeRuleForm(@Nullable String industry, @Nullable BigDecimal maxPrice, @Nullable String currency) {
}
