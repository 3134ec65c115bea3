package org.openetp.web;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * The platform as a newcomer starts it with the README's demo logins: demo data seeded into its own fresh database
 * on a random port, with the README's operator. A context of its own (not the shared {@code IntegrationTest} one),
 * so that the demo's organizations, procedures and notices never meet the other tests' rows; every test class with
 * this annotation shares it.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "openetp.demo-data=true", "openetp.operator.email=" + DemoPlatform.OPERATOR,
        "openetp.operator.password=" + DemoPlatform.OPERATOR_PASSWORD})
@interface DemoPlatform {

    String OPERATOR = "operator@openetp.local";
    String OPERATOR_PASSWORD = "operator-demo-1";
}
