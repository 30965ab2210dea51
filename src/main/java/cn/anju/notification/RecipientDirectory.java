package cn.anju.notification;

import java.util.Optional;

/** Where a kind of recipient can be reached; implemented by the module that owns the people. */
public interface RecipientDirectory {

    /** e.g. {@code household_member}. */
    String recipientType();

    Optional<String> phone(long recipientId);
}
