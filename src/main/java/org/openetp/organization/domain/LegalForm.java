package org.openetp.organization.domain;

/**
 * Legal form of a registered organization. The Russian forms and the Thai forms (company limited, public company
 * limited) sit side by side because the registration form offers one list for every country.
 */
public enum LegalForm {
    LLC,
    JSC,
    PJSC,
    INDIVIDUAL_ENTREPRENEUR,
    PARTNERSHIP,
    STATE_ENTERPRISE,
    NON_PROFIT,
    COMPANY_LIMITED,
    PUBLIC_COMPANY_LIMITED,
    OTHER;

    /** Whether this form is a person doing business rather than a legal entity (in Russia: INN12, OGRNIP, no KPP). */
    public boolean individual() {
        return this == INDIVIDUAL_ENTREPRENEUR;
    }
}
