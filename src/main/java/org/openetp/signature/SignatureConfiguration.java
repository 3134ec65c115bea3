package org.openetp.signature;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.openetp.signature.demo.DemoCertificateAuthority;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The platform's receipt key (from {@code openetp.platform-key} and {@code openetp.platform-certificate} when set, so
 * that every node of a cluster signs alike), the trust anchors and, when {@code openetp.signature.demo-ca} is on (the
 * dev profile), the demo CA, kept in {@code <openetp.data-dir>/keys}.
 */
@Configuration(proxyBeanMethods = false)
class SignatureConfiguration {

    private final Path keysDirectory;

    SignatureConfiguration(@Value("${openetp.data-dir:./data}") String dataDir) {
        this.keysDirectory = Path.of(dataDir).toAbsolutePath().normalize().resolve("keys");
    }

    @Bean
    PlatformSigner platformSigner(Clock clock, @Value("${openetp.platform-key:}") String key,
            @Value("${openetp.platform-certificate:}") String certificate) {
        return PlatformSigner.configured(key, certificate, keysDirectory, clock);
    }

    @Bean
    @ConditionalOnProperty(name = "openetp.signature.demo-ca", havingValue = "true")
    DemoCertificateAuthority demoCertificateAuthority(Clock clock, SignatureProperties properties) {
        return new DemoCertificateAuthority(keysDirectory, clock, properties.eku());
    }

    @Bean
    TrustAnchors trustAnchors(SignatureProperties properties, ObjectProvider<DemoCertificateAuthority> demoCa) {
        @Nullable DemoCertificateAuthority demo = demoCa.getIfAvailable();
        return TrustAnchors.load(properties.trustAnchors() == null ? List.of() : properties.trustAnchors(),
                demo == null ? List.of() : List.of(demo.certificate()));
    }
}
