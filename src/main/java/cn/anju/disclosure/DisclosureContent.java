package cn.anju.disclosure;

import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;

/**
 * An item's content as stored and published: converted to plain JSON values, every string passed through the
 * {@link Redaction} policy, and digested (SHA-256 of the JSON text stored), so a published version can be checked.
 */
@Component
class DisclosureContent {

    private final JsonMapper json;

    DisclosureContent(JsonMapper json) {
        this.json = json;
    }

    record Json(String text, String sha256) {
    }

    Json of(Map<String, Object> content) {
        Object plain = json.convertValue(content, Map.class);
        String text = json.writeValueAsString(Redaction.content(plain));
        return new Json(text, sha256(text));
    }

    Object parse(String text) {
        return json.readValue(text, Object.class);
    }

    static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
