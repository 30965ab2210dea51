package cn.anju.notification;

/** A gateway that sends one text message. */
public interface SmsAdapter {

    void send(long outboxId, String phone, String text);
}
