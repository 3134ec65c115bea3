package org.openetp.notification;

import java.util.List;

/** One page of a user's inbox, newest first, in the paging shape of API.md; {@code unread} counts all pages. */
public record InboxPage(List<InboxItem> items, long total, int page, int size, long unread) {

    // Public so that the page template (SpEL) can call it.
    public boolean hasNext() {
        return (long) (page + 1) * size < total;
    }
}
