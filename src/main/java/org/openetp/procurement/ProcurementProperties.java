package org.openetp.procurement;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/** {@code openetp.procurement.*}: the shortest period between publication and the submission deadline. */
@ConfigurationProperties("openetp.procurement")
record ProcurementProperties(Duration minPeriod) {
}
