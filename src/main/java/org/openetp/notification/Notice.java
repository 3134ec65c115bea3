package org.openetp.notification;

import java.util.List;

/**
 * One thing to tell people: the texts are {@code key + ".title"} and {@code key + ".body"} of the notifications
 * bundle with {@code args}. Key and typed arguments are stored, so each reader sees the notice in the language they
 * read in now (UI.md convention 11); the e-mail goes in the recipient's own language. {@code dedupKey} names the
 * occurrence, so that nobody is told about the same one twice.
 */
record Notice(NotificationKind kind, String dedupKey, String key, List<NoticeArg> args, String link) {

    Notice {
        args = List.copyOf(args);
    }
}
