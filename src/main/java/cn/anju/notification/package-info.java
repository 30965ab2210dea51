/**
 * Notifications: an outbox of messages that name their recipient by id only, dispatched by channel adapters that
 * look the address up at sending time: SMS and WeChat through recording adapters until a gateway and an official
 * account are contracted, e-mail over SMTP when a server is configured.
 */
@ApplicationModule(displayName = "Notification",
        allowedDependencies = {"shared"})
package cn.anju.notification;

import org.springframework.modulith.ApplicationModule;
