package org.openetp.shared;

import java.util.Currency;
import java.util.Set;

/**
 * Which currency codes the platform takes: active ISO 4217 currencies of countries. The JDK also knows the
 * X-codes that are no money one pays a supplier in (gold XAU, special drawing rights XDR, the test code XTS, "no
 * currency" XXX...), fund codes (BOV, CHE, MXV...) and currencies long withdrawn (DEM, RUR, YUM...): all refused.
 * The CFA and CFP francs and the East Caribbean dollar (XAF, XOF, XPF, XCD) are national money and kept.
 */
public final class Currencies {

    /** Withdrawn currencies and funds the JDK still lists. */
    private static final Set<String> NOT_ACTIVE = Set.of("ADP", "AFA", "ATS", "AYM", "AZM", "BEF", "BGL", "BOV",
            "BYB", "BYR", "CHE", "CHW", "CLF", "COU", "CSD", "CUC", "CYP", "DEM", "EEK", "ESP", "FIM", "FRF", "GHC",
            "GRD", "GWP", "HRK", "IEP", "ITL", "LTL", "LUF", "LVL", "MGF", "MRO", "MTL", "MXV", "MZM", "NLG", "PTE",
            "ROL", "RUR", "SDD", "SIT", "SKK", "SLL", "SRG", "STD", "TMM", "TPE", "TRL", "USN", "USS", "UYI", "VEB",
            "VEF", "YUM", "ZMK", "ZWD", "ZWL", "ZWN", "ZWR", "XAD", "XFO", "XFU", "XSU", "XUA");

    private Currencies() {
    }

    /** True for the code (upper case) of an active national currency. */
    public static boolean acceptable(String code) {
        if (!code.matches("[A-Z]{3}") || NOT_ACTIVE.contains(code)) {
            return false;
        }
        try {
            return Currency.getInstance(code).getDefaultFractionDigits() >= 0;
        } catch (IllegalArgumentException unknown) {
            return false;
        }
    }
}
