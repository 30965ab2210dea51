package cn.anju.notification;

import org.springframework.modulith.NamedInterface;

/** How a message reaches its recipient. */
@NamedInterface("api")
public enum Channel { SMS, EMAIL, WECHAT }
