package cn.anju.disclosure;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The one redaction policy: what a household could be found by is withheld; what the public needs is kept. */
class RedactionTest {

    @Test
    void idNumbersMobilesAndDoorNumbersAreWithheldFromFreeText() {
        String text = Redaction.text("住户610802199001011234（电话13912345678，+86 139-1234-5678）住3栋2单元501室，另一户1号楼1203、5-2-301，"
                + "旧证61080219900101123身份证尾号X：61080219900101123X");
        assertThat(text).doesNotContain("610802199001011234", "13912345678", "139-1234-5678", "501", "1203", "5-2-301", "123X")
                .contains("住户", "电话", Redaction.WITHHELD);
    }

    @Test
    void whatThePublicNeedsIsKept() {
        String digest = "a1b2c3d4e5f60718293a4b5c6d7e8f90112233445566778899aabbccddeeff00";
        String hotline = "服务热线 0912-12345，2026年第三季度总分 87.50 分，合同编号 YY-2026-001，公租房 1200 套";
        assertThat(Redaction.text(digest)).isEqualTo(digest);
        assertThat(Redaction.text("a123456789012345678b")).as("digits inside a digest").isEqualTo("a123456789012345678b");
        assertThat(Redaction.text(hotline)).isEqualTo(hotline);
    }

    @Test
    void namesKeepTheirFamilyNameAndSmallGroupsAreNotCounted() {
        assertThat(Redaction.name("张三")).isEqualTo("张*");
        assertThat(Redaction.name("欧阳娜娜")).isEqualTo("欧*");
        assertThat(Redaction.name("李")).isEqualTo("李");
        assertThat(Redaction.count(0)).isZero();
        assertThat(Redaction.count(4)).isNull();
        assertThat(Redaction.count(5)).isEqualTo(5);
    }

    @Test
    void everyStringOfTheContentIsMaskedAndNumbersKept() {
        Object masked = Redaction.content(Map.of("note", "联系13912345678", "total", 87.5,
                "leaves", List.of(Map.of("name", "住户3栋501室回访", "score", 12))));
        assertThat(masked.toString()).doesNotContain("13912345678", "501").contains("87.5", "12", "回访");
    }
}
