package cn.anju.contract;

import cn.anju.support.Browser;
import cn.anju.support.ContractFixtures;
import cn.anju.support.Screens;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/** How the contract page tests check a page's width and words, attach PDFs, and leave screenshots in /tmp/contract-*.png. */
final class ContractScreens {

    private static final Pattern CODES = Pattern.compile("\\b(" + String.join("|", Stream.of(ProcurementStatus.values(),
            ContractStatus.values(), ProcurementMethod.values(), ServiceItem.values(), FeeTerms.Kind.values(), FeeTerms.Cycle.values(),
            PaymentRule.Kind.values()).flatMap(Stream::of).map(Enum::name).toList()) + "|null)\\b|\\?\\?");

    private ContractScreens() {
    }

    /** The page at 1366 and 390 px (see {@link Screens}), photographed to /tmp/contract-*.png as well. */
    static void look(Browser browser, String name) {
        Screens.look(browser, "contract-" + name, CODES, Path.of("/tmp"));
    }

    static Path pdf(String name) {
        try {
            Path file = Files.createTempFile("anju-" + name + "-", ".pdf");
            Files.write(file, ContractFixtures.PDF);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void attach(WebDriver d, String id, Path file) {
        d.findElement(By.id(id)).sendKeys(file.toAbsolutePath().toString());
    }

    static String sha256(byte[] bytes) throws NoSuchAlgorithmException {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }
}
