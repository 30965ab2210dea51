package cn.anju.feedback.channel;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.net.URI;

/**
 * The city's 12345 hotline system, which hands tickets to us and takes our answers back ({@code docs/12345.md}). Off
 * unless {@code enabled}; the secret comes from the environment or a secrets file.
 *
 * @param callbackUrl where replies and closings are pushed (the hotline system's endpoint)
 * @param secret      the shared HMAC-SHA256 key that signs each push
 */
@ConfigurationProperties("anju.feedback.city12345")
public record City12345Properties(boolean enabled, URI callbackUrl, String secret) {
}
