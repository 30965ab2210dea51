package cn.anju.notification;

import org.springframework.modulith.NamedInterface;

import java.util.Optional;
import java.util.Set;

/** Where a kind of recipient can be reached; implemented by the module that owns the people. */
@NamedInterface("api")
public interface RecipientDirectory {

    /** e.g. {@code household_member}. */
    String recipientType();

    /** The channels the recipient has an address for, without decrypting anything. */
    Set<Channel> reachableBy(long recipientId);

    /** The address on a channel, decrypted only now, at sending time. */
    Optional<String> address(long recipientId, Channel channel);
}
