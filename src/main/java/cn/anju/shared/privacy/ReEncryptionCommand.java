package cn.anju.shared.privacy;

import cn.anju.shared.PlatformCommand;
import org.springframework.stereotype.Component;

/** {@code --anju.command=reencrypt}: moves every encrypted value to the active key. */
@Component
class ReEncryptionCommand implements PlatformCommand {

    private final ReEncryption reEncryption;

    ReEncryptionCommand(ReEncryption reEncryption) {
        this.reEncryption = reEncryption;
    }

    public String name() {
        return "reencrypt";
    }

    public int run() {
        long moved = reEncryption.run();
        System.out.println("REENCRYPTED " + moved + " values");
        return 0;
    }
}
