package org.openetp;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** The OpenETP modular monolith: one deployable service, one module per business capability. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class OpenEtpApplication {

    /** Starts the platform. */
    public static void main(String[] args) {
        SpringApplication.run(OpenEtpApplication.class, args);
    }
}
