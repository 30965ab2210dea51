package cn.anju.lease;

import cn.anju.support.PlatformTest;
import cn.anju.support.WebClient;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Map;
import javax.imageio.ImageIO;

import static org.assertj.core.api.Assertions.assertThat;

/** Resident-file documents: recognised by content, size-limited, SHA-256 recorded and checked again on download. */
@PlatformTest
class ResidentDocumentsTest {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Value("${anju.files.root:data/files}")
    Path fileRoot;

    long yuyangHousehold() {
        return WebClient.json(WebClient.loggedIn(port, "yuyang.gov").getJson("/api/v1/households?size=1")).get("items").get(0)
                .get("id").asLong();
    }

    static byte[] png() throws IOException {
        BufferedImage image = new BufferedImage(40, 30, BufferedImage.TYPE_INT_RGB);
        image.setRGB(3, 4, 0xFF0000);
        image.setRGB(5, 6, (int) System.nanoTime() & 0xFFFFFF); // unique bytes each run
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        return out.toByteArray();
    }

    @Test
    void aPhotoIsStoredWithItsDigestAndComesBackVerified() throws Exception {
        long household = yuyangHousehold();
        WebClient clerk = WebClient.loggedIn(port, "anju.staff");
        byte[] photo = png();
        String sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(photo));
        String path = "/api/v1/households/" + household + "/documents";
        var uploaded = clerk.postMultipart(path, Map.of("category", "HANDOVER_PHOTO", "title", "入住交接-客厅"), "客厅.png",
                "image/png", photo);
        assertThat(uploaded.statusCode()).as(uploaded.body()).isEqualTo(201);
        long id = WebClient.json(uploaded).get("id").asLong();
        var listed = WebClient.json(clerk.getJson(path));
        assertThat(listed.findValuesAsString("sha256")).contains(sha);
        assertThat(listed.findValuesAsString("contentType")).contains("image/png");

        var download = clerk.getBytes(path + "/" + id);
        assertThat(download.statusCode()).isEqualTo(200);
        assertThat(download.body()).isEqualTo(photo);
        assertThat(download.headers().firstValue("X-Content-SHA256")).hasValue(sha);
        var file = WebClient.json(clerk.getJson("/api/v1/households/" + household + "/resident-file"));
        assertThat(file.findValuesAsString("title")).anySatisfy(t -> assertThat(t).contains("入住交接-客厅"));

        // the stored bytes are changed behind the platform's back: the download is refused, not served
        Path stored = fileRoot.toAbsolutePath().resolve(sha.substring(0, 2)).resolve(sha.substring(2, 4)).resolve(sha);
        byte[] tampered = photo.clone();
        tampered[tampered.length - 5] ^= 0x01;
        Files.write(stored, tampered);
        try {
            var refused = clerk.getJson(path + "/" + id);
            assertThat(refused.statusCode()).isEqualTo(409);
            assertThat(WebClient.json(refused).get("code").asString()).isEqualTo("DOCUMENT_INTEGRITY");
        } finally {
            Files.write(stored, photo);
        }
        // another operator's clerk cannot list or fetch it
        assertThat(WebClient.loggedIn(port, "shenmu.op").getJson(path + "/" + id).statusCode()).isEqualTo(404);
    }

    @Test
    void onlyPdfJpgAndPngByContentAndNotTooLarge() throws Exception {
        long household = yuyangHousehold();
        WebClient clerk = WebClient.loggedIn(port, "anju.manager");
        String path = "/api/v1/households/" + household + "/documents";
        Map<String, String> fields = Map.of("category", "OTHER", "title", "说明材料");
        long before = jdbc.sql("select count(*) from resident_document where household_id = ?").param(household).query(Long.class).single();

        var renamed = clerk.postMultipart(path, fields, "伪装.pdf", "application/pdf",
                "<html><script>alert(1)</script></html>".getBytes(StandardCharsets.UTF_8));
        assertThat(renamed.statusCode()).isEqualTo(400);
        assertThat(WebClient.json(renamed).get("code").asString()).isEqualTo("DOCUMENT_TYPE_REFUSED");

        byte[] big = new byte[10 * 1024 * 1024 + 1];
        System.arraycopy("%PDF-1.7".getBytes(StandardCharsets.US_ASCII), 0, big, 0, 8);
        var tooLarge = clerk.postMultipart(path, fields, "big.pdf", "application/pdf", big);
        assertThat(WebClient.json(tooLarge).get("code").asString()).isEqualTo("DOCUMENT_TOO_LARGE");
        assertThat(WebClient.json(tooLarge).get("detail").asString()).contains("10 MB");

        var noTitle = clerk.postMultipart(path, Map.of("category", "OTHER", "title", " "), "a.png", "image/png", png());
        assertThat(WebClient.json(noTitle).get("code").asString()).isEqualTo("DOCUMENT_TITLE_REQUIRED");
        assertThat(jdbc.sql("select count(*) from resident_document where household_id = ?").param(household).query(Long.class).single())
                .as("nothing recorded").isEqualTo(before);

        var pdf = clerk.postMultipart(path, fields, "a.bin", "application/octet-stream", "%PDF-1.4\n%%EOF".getBytes(StandardCharsets.US_ASCII));
        assertThat(pdf.statusCode()).as("a PDF is a PDF whatever its name says").isEqualTo(201);
    }
}
