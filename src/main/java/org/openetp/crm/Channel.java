package org.openetp.crm;

/** Sales channels (the seed's section 6): passive inbound, key accounts, internet, and service of existing clients. */
public enum Channel {
    INBOUND, KEY_ACCOUNTS, INTERNET, SERVICE;

    /** Direct sales only acquire new clients; service keeps them once they have bought. */
    boolean direct() {
        return this != SERVICE;
    }
}
