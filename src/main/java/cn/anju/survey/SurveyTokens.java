package cn.anju.survey;

import cn.anju.shared.privacy.BlindIndex;
import cn.anju.shared.privacy.Digests;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * A household's single-use token for a wave: 128 bits keyed by the platform's index key from the wave and the
 * household, so that the organiser can print it again and the tenant's page can offer it, while the database keeps
 * only its digest. The token is a door, not a name: no answer carries it.
 */
@Component
class SurveyTokens {

    private final BlindIndex keyed;
    private final String publicUrl;

    SurveyTokens(BlindIndex keyed, @Value("${anju.feedback.public-url:http://localhost:8080}") String publicUrl) {
        this.keyed = keyed;
        this.publicUrl = publicUrl;
    }

    String token(long waveId, long householdId) {
        return keyed.secretHex("wave:" + waveId + ":household:" + householdId, "survey-token").substring(0, 32);
    }

    static String digest(String token) {
        return Digests.sha256Hex(token == null ? "" : token.strip().toLowerCase());
    }

    /** The answer page's address, sent by SMS, WeChat or e-mail and printed as a QR code. */
    String link(String token) {
        return publicUrl + "/s/" + token;
    }
}
