package cn.anju.identity;

import cn.anju.shared.web.ProblemException;
import org.springframework.modulith.NamedInterface;

import java.time.Instant;

/**
 * The login policy of a district (or the city-wide default): password complexity, CAPTCHA and lock thresholds,
 * idle timeout. Rows are never changed; a new row takes over from its effective time, so the history is kept.
 */
@NamedInterface("actions")
public record SecurityPolicy(Long id, String regionCode, int passwordMinLength, int passwordMinClasses,
                             int captchaAfter, int lockAfter, int lockMinutes, int idleTimeoutMinutes,
                             boolean adminSecondFactor, Instant effectiveFrom, String changedBy, String reason) {

    /** The minimums of MLPS 2.0 level 3: no district may set a weaker policy. */
    void checkStrongEnough() {
        if (passwordMinLength < 8) {
            throw ProblemException.badRequest("POLICY_TOO_WEAK", "密码最短长度不得少于8位。");
        }
        if (passwordMinClasses < 3 || passwordMinClasses > 4) {
            throw ProblemException.badRequest("POLICY_TOO_WEAK", "密码须至少包含3类字符（最多4类）。");
        }
        if (captchaAfter < 1 || captchaAfter >= lockAfter) {
            throw ProblemException.badRequest("POLICY_INCONSISTENT", "出现验证码的失败次数须小于锁定的失败次数。");
        }
        if (lockAfter > 10) {
            throw ProblemException.badRequest("POLICY_TOO_WEAK", "连续失败锁定次数不得超过10次。");
        }
        if (lockMinutes < 5 || lockMinutes > 1440) {
            throw ProblemException.badRequest("POLICY_OUT_OF_RANGE", "锁定时长应在5到1440分钟之间。");
        }
        if (idleTimeoutMinutes < 5 || idleTimeoutMinutes > 30) {
            throw ProblemException.badRequest("POLICY_OUT_OF_RANGE", "会话空闲超时应在5到30分钟之间。");
        }
    }

    PasswordPolicy passwordPolicy() {
        return new PasswordPolicy(passwordMinLength, passwordMinClasses);
    }
}
