package cn.anju.audit;

import org.springframework.modulith.NamedInterface;

import java.util.Locale;

/**
 * What an audit entry says was done. Each module lists its actions as an enum implementing this
 * ({@code RentAudit.PAYMENT_POST}), so a search for an action's name finds every place that writes it, and the name
 * stored is the constant's: UPPER_SNAKE, subject first ({@code WORK_ORDER_DISPATCHED}).
 */
@NamedInterface("api")
public interface AuditAction {

    /** The name stored in {@code audit_log.action}. */
    String name();

    /**
     * The name an entry shows and is searched by. Entries written before the one convention used dotted lowercase
     * ({@code work_order.accepted}); the hash chain covers the stored name, so those rows keep it and every read maps
     * it here to the name the same action has now ({@code WORK_ORDER_ACCEPTED}).
     */
    static String current(String stored) {
        return stored == null ? null : stored.replace('.', '_').toUpperCase(Locale.ROOT);
    }
}
