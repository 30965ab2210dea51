package cn.anju.imports;

import cn.anju.shared.excel.Sheets;
import cn.anju.support.BrowserTest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** An officer imports a sheet through the page and reads the error report. */
class ImportPageBrowserTest extends BrowserTest {

    @Test
    void aRefusedSheetShowsEveryErrorWithRowAndColumn() throws Exception {
        byte[] bad = Sheets.write("导入", ImportTest.HOUSEHOLD_HEADERS, List.of(
                List.of("D1", "610802", "低保", "2026-13-01", "", "周一", "户主", "610802198001011230", "1380000"),
                List.of("D2", "610802", "无此类别", "2026-01-01", "", "", "户主", "", "")));
        Path file = Files.createTempFile("坏数据", ".xlsx");
        Files.write(file, bad);
        browser.login(base(), "yuyang.gov", "Demo@2026");
        WebDriver d = browser.driver();
        d.get(url("/imports"));
        d.findElement(By.cssSelector("#import-households input[type=file]")).sendKeys(file.toAbsolutePath().toString());
        browser.click(By.cssSelector("#import-households button[type=submit]"));
        new WebDriverWait(d, Duration.ofSeconds(15)).until(ExpectedConditions.visibilityOfElementLocated(By.id("import-rejected")));
        String errors = d.findElement(By.id("import-errors")).getText();
        assertThat(errors).contains("登记日期", "身份证号", "手机号", "类别", "成员姓名");
        assertThat(d.findElement(By.id("error-report")).getAttribute("href")).contains("/errors.xlsx");
        browser.screenshot("import-errors");
        Files.deleteIfExists(file);
    }
}
