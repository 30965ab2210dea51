package cn.anju.notification;

/** How a message reaches its recipient. */
public enum Channel { SMS, EMAIL, WECHAT }
