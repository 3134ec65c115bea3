package org.openetp.web;

import java.util.List;
import org.openetp.identity.CurrentUser;
import org.openetp.identity.Identity;
import org.openetp.identity.NewUser;
import org.openetp.identity.UserId;
import org.openetp.identity.UserSummary;
import org.openetp.organization.OrganizationId;
import org.openetp.organization.Organizations;
import org.openetp.organization.RegisterOrganization;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Seeds a newcomer's platform (OPENETP_DEMO_DATA=true) into an empty database: an accredited buyer, an accredited
 * supplier and a Thai organization waiting in the accreditation queue. Runs once: a database that already has
 * the demo buyer is left alone. The identifiers are valid but made up.
 */
@Component
@Order(10)
@ConditionalOnProperty(name = "openetp.demo-data", havingValue = "true")
class DemoData implements ApplicationRunner {

    static final String PASSWORD = "demo-password";
    static final String BUYER = "buyer@demo.openetp.local";
    static final String SUPPLIER = "supplier@demo.openetp.local";
    static final String THAI = "somchai@demo.openetp.local";

    private static final Logger log = LoggerFactory.getLogger(DemoData.class);

    private final Identity identity;
    private final Organizations organizations;
    private final String operatorEmail;

    DemoData(Identity identity, Organizations organizations,
            @Value("${openetp.operator.email:}") String operatorEmail) {
        this.identity = identity;
        this.organizations = organizations;
        this.operatorEmail = operatorEmail;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (identity.emailTaken(BUYER)) {
            return;
        }
        CurrentUser operator = identity.findByEmail(operatorEmail).map(DemoData::asCurrentUser).orElse(null);
        OrganizationId buyer = register(new NewUser("Anna Buyer", BUYER, "+7 495 000-00-01", "Head of procurement",
                PASSWORD, "en"), ru("LLC", "7701012342", "1027700123450", "770101001", "Demo Buyer LLC",
                "Demo Buyer", "Moscow, Tverskaya 1", "RU-MOW", List.of(), List.of("26.2", "62.0", "27.1")));
        OrganizationId supplier = register(new NewUser("Sergey Supplier", SUPPLIER, "+7 495 000-00-02",
                "Sales director", PASSWORD, "ru"), ru("JSC", "5003012349", "1055000123452", "500301001",
                "Joint-stock company Demo Supplier", "Demo Supplier", "Moscow region, Khimki, Lenina 5", "RU-MOS",
                List.of("26.2", "62.0", "33.1"), List.of()));
        register(new NewUser("Somchai Jaidee", THAI, "+66 2 000 0000", "Managing director", PASSWORD, "th"),
                new RegisterOrganization.OrganizationPart("TH", "COMPANY_LIMITED", "0105550123451", null, null,
                        "Siam Demo Trading Co., Ltd.", "Siam Demo Trading", "Bangkok, Sukhumvit Road 1",
                        "Bangkok, Sukhumvit Road 1", "Bangkok, Sukhumvit Road 1", List.of("10.1", "46.3"),
                        List.of(), true, "Food distribution", "TH-10"));
        if (operator != null) {
            organizations.accredit(operator, buyer);
            organizations.accredit(operator, supplier);
        }
        log.info("Demo data seeded: {} and {} (password '{}'), operator {}", BUYER, SUPPLIER, PASSWORD,
                operatorEmail);
    }

    private OrganizationId register(NewUser user, RegisterOrganization.OrganizationPart organization) {
        UserId id = identity.registerConfirmed(user, false);
        return organizations.register(new RegisterOrganization(null, organization), id, user.locale())
                .organizationId();
    }

    private static RegisterOrganization.OrganizationPart ru(String legalForm, String inn, String ogrn, String kpp,
            String fullName, String shortName, String address, String region, List<String> offered,
            List<String> consumed) {
        return new RegisterOrganization.OrganizationPart("RU", legalForm, inn, ogrn, kpp, fullName, shortName,
                address, address, address, offered, consumed, false, "Manufacturing", region);
    }

    private static CurrentUser asCurrentUser(UserSummary s) {
        return new CurrentUser(s.id(), s.email(), s.fullName(), s.operator(), s.locale());
    }
}
