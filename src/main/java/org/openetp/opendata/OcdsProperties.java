package org.openetp.opendata;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code openetp.ocds.*}: the ocid prefix registered with the Open Contracting Partnership ({@code OPENETP_OCDS_PREFIX},
 * {@code ocds-} and six letters or digits), the publisher's name and the licence of the data.
 */
@ConfigurationProperties("openetp.ocds")
record OcdsProperties(@DefaultValue("ocds-oetp00") String prefix, @DefaultValue("OpenETP") String publisher,
        @DefaultValue("https://opendatacommons.org/licenses/pddl/1.0/") String license) {

    OcdsProperties {
        if (!prefix.matches("ocds-[a-z0-9]{6}")) {
            throw new IllegalArgumentException("OPENETP_OCDS_PREFIX must be ocds- and six letters or digits: " + prefix);
        }
    }
}
