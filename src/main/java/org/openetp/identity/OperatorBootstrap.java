package org.openetp.identity;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;

/** Creates the first operator from OPENETP_OPERATOR_EMAIL / OPENETP_OPERATOR_PASSWORD when none exists. */
@Component
@Order(0)
class OperatorBootstrap implements ApplicationRunner {

    private final Identity identity;
    private final String email;
    private final String password;

    OperatorBootstrap(Identity identity, @Value("${openetp.operator.email:}") String email,
            @Value("${openetp.operator.password:}") String password) {
        this.identity = identity;
        this.email = email;
        this.password = password;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (StringUtils.hasText(email) && StringUtils.hasText(password)) {
            identity.ensureOperator(email, password);
        }
    }
}
