package org.openetp.procurement.documents;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * {@code openetp.procurement.*} for documentation: the largest file a buyer may attach, and how much time an
 * amendment must leave before the submission deadline (a closer deadline is extended to it).
 */
@ConfigurationProperties("openetp.procurement")
record DocumentsProperties(DataSize maxDocumentSize, Duration amendmentMinRemaining) {
}
