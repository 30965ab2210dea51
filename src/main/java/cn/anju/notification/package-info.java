/**
 * Notifications: an outbox of messages that name their recipient by id only, dispatched by channel adapters that
 * look the address up at sending time (SMS today, through a recording adapter until a gateway is contracted).
 */
@ApplicationModule(displayName = "Notification")
package cn.anju.notification;

import org.springframework.modulith.ApplicationModule;
