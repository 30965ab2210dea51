package cn.anju.audit;

import cn.anju.shared.PlatformCommand;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** {@code --anju.command=audit-verify}: seal what is waiting, verify the chain, exit 0 if intact, 3 if not. */
@Configuration(proxyBeanMethods = false)
class AuditCommands {

    @Bean
    PlatformCommand auditVerifyCommand(AuditSealer sealer, AuditVerifier verifier) {
        return new PlatformCommand() {
            public String name() {
                return "audit-verify";
            }

            public int run() {
                sealer.seal();
                AuditVerifier.Verification v = verifier.verify();
                System.out.println((v.intact() ? "AUDIT INTACT: " : "AUDIT BROKEN: ") + v.message()
                        + (v.intact() ? "" : " (seq " + v.firstBadSeq() + ", audit id " + v.firstBadAuditId()
                        + ", " + v.finding() + ")"));
                return v.intact() ? 0 : 3;
            }
        };
    }
}
