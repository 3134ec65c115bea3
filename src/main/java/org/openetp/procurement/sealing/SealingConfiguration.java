package org.openetp.procurement.sealing;

import java.nio.file.Path;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Key material from {@code openetp.master-key} (bound from {@code OPENETP_MASTER_KEY}) and
 * {@code <openetp.data-dir>/keys}. Keys are loaded at start-up so a bad key fails the start, not the first bid.
 */
@Configuration(proxyBeanMethods = false)
class SealingConfiguration {

    private final Path keysDirectory;

    SealingConfiguration(@Value("${openetp.data-dir:./data}") String dataDir) {
        this.keysDirectory = Path.of(dataDir).toAbsolutePath().normalize().resolve("keys");
    }

    @Bean
    MasterKey masterKey(@Value("${openetp.master-key:}") String configured) {
        return MasterKey.resolve(configured, keysDirectory);
    }
}
