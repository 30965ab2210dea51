package cn.anju.survey;

import cn.anju.shared.crypto.Crypto;
import cn.anju.shared.crypto.CryptoPurpose;
import cn.anju.shared.privacy.BlindIndex;
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
    private final Crypto crypto;

    SurveyTokens(BlindIndex keyed, @Value("${anju.feedback.public-url:http://localhost:8080}") String publicUrl, Crypto crypto) {
        this.crypto = crypto;
        this.keyed = keyed;
        this.publicUrl = publicUrl;
    }

    String token(long waveId, long householdId) {
        return keyed.secretHex("wave:" + waveId + ":household:" + householdId, "survey-token").substring(0, 32);
    }

    /** Kept only as its digest, naming its algorithm. */
    static final CryptoPurpose DIGEST = CryptoPurpose.stored("survey-token");

    String digest(String token) {
        return crypto.digest(DIGEST, normal(token)).tagged();
    }

    /** Every form a token's digest may be stored in (another suite's, or bare SHA-256 from before), to find its row. */
    String[] stored(String token) {
        return crypto.storedForms(DIGEST, normal(token)).toArray(String[]::new);
    }

    private static String normal(String token) {
        return token == null ? "" : token.strip().toLowerCase();
    }

    /** The answer page's address, sent by SMS, WeChat or e-mail and printed as a QR code. */
    String link(String token) {
        return publicUrl + "/s/" + token;
    }
}
