package org.openetp.notification;

/** What a notification is about; users choose the channels per kind (SPEC §10). */
enum NotificationKind {
    ACCREDITATION, NEW_PROCEDURE, QUESTION_ANSWERED, DOCUMENTATION_AMENDED, BIDS_OPENED, AWARD, PROCEDURE_CANCELLED,
    BILLING
}
