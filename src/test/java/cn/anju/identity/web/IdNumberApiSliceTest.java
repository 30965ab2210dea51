package cn.anju.identity.web;

import cn.anju.shared.privacy.ChineseIdNumber;
import cn.anju.shared.web.Problems;
import cn.anju.support.TestClock;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.FilterType;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

/**
 * The ID-number check as a form calls it, in a web slice: the controller, JSON binding and the API's error rendering,
 * with the tests' real clock, and no database (it stores nothing). Starts in a second instead of the platform's
 * minute, so every message the form shows is checked here rather than through the browser.
 *
 * <p>The slice takes only the controller and the API's exception handler: the platform's other web components need
 * the database (the login filter, the menu), and its security configuration is the identity module's, so Boot's
 * default security stands in for it (a signed-in user, a CSRF token); who may call the API is tested on the platform.
 */
@WebMvcTest(controllers = IdNumberApi.class, useDefaultFilters = false, includeFilters = @ComponentScan.Filter(
        type = FilterType.REGEX, pattern = {"cn\\.anju\\.identity\\.web\\.IdNumberApi", "cn\\.anju\\.shared\\.web\\.ApiExceptionHandler"}))
@Import(TestClock.Config.class)
@ActiveProfiles("test")
@WithMockUser(roles = "GOV_OFFICER")
class IdNumberApiSliceTest {

    /** 榆阳区, born 1985-03-12: a number that passes every check, with its check character computed. */
    static final String VALID = withCheck("61080219850312123");

    @Autowired
    MockMvcTester mvc;

    @Test
    void aValidNumberAnswersItsMaskAndBirthYearButNeverTheNumber() throws Exception {
        MvcTestResult result = check("\"" + VALID.toLowerCase() + "\"");
        assertThat(result).hasStatusOk();
        assertThat(result).bodyJson().extractingPath("$.valid").isEqualTo(true);
        assertThat(result).bodyJson().extractingPath("$.code").isEqualTo("VALID");
        assertThat(result).bodyJson().extractingPath("$.masked").isEqualTo("610802********" + VALID.substring(14));
        assertThat(result).bodyJson().extractingPath("$.birthYear").isEqualTo(1985);
        assertThat(result.getResponse().getContentAsString()).doesNotContain(VALID.substring(6, 14));
    }

    @Test
    void eachMistakeGetsItsOwnChineseMessage() {
        assertProblem("\"6108021985\"", "ID_NUMBER_LENGTH", "身份证号应为18位，当前为10位。");
        assertProblem("\"" + VALID.substring(0, 17) + (VALID.charAt(17) == '1' ? '2' : '1') + "\"", "ID_NUMBER_CHECK_DIGIT",
                "身份证号校验位错误，请核对第18位。");
        assertProblem("\"99" + VALID.substring(2) + "\"", "ID_NUMBER_AREA", "身份证号前6位地址码无效，请核对第1-6位。");
        assertProblem("null", "ID_NUMBER_REQUIRED", "请填写身份证号。");
    }

    /** "Today" is the platform's clock, so a test that moves it moves what counts as a birth date in the future. */
    @Test
    void aBirthDateAfterTodayByTheClockIsRefused() {
        LocalDate today = TestClock.today();
        String bornToday = withCheck("610802" + today.format(DateTimeFormatter.BASIC_ISO_DATE) + "123");
        String bornTomorrow = withCheck("610802" + today.plusDays(1).format(DateTimeFormatter.BASIC_ISO_DATE) + "123");
        assertThat(check("\"" + bornToday + "\"")).bodyJson().extractingPath("$.valid").isEqualTo(true);
        assertProblem("\"" + bornTomorrow + "\"", "ID_NUMBER_BIRTH_DATE", "身份证号中的出生日期无效，请核对第7-14位。");
    }

    /** A body that is not JSON is the API's problem detail with a stable code and Chinese text, not Spring's default. */
    @Test
    void anUnreadableBodyIsAProblemDetail() {
        MvcTestResult result = mvc.post().uri("/api/v1/id-numbers/check").with(csrf())
                .contentType(MediaType.APPLICATION_JSON).content("{\"idNumber\": ").exchange();
        assertThat(result).hasStatus(HttpStatus.BAD_REQUEST).hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(result).bodyJson().extractingPath("$.code").isEqualTo(Problems.defaultCode(HttpStatus.BAD_REQUEST));
        assertThat(result).bodyJson().extractingPath("$.detail").isEqualTo(Problems.defaultDetail(HttpStatus.BAD_REQUEST));
        assertThat(result).bodyJson().extractingPath("$.instance").isEqualTo("/api/v1/id-numbers/check");
    }

    private MvcTestResult check(String idNumberJson) {
        return mvc.post().uri("/api/v1/id-numbers/check").with(csrf())
                .contentType(MediaType.APPLICATION_JSON).content("{\"idNumber\": " + idNumberJson + "}").exchange();
    }

    private void assertProblem(String idNumberJson, String code, String message) {
        MvcTestResult result = check(idNumberJson);
        assertThat(result).hasStatusOk();
        assertThat(result).bodyJson().extractingPath("$.valid").isEqualTo(false);
        assertThat(result).bodyJson().extractingPath("$.code").isEqualTo(code);
        assertThat(result).bodyJson().extractingPath("$.message").isEqualTo(message);
    }

    private static String withCheck(String first17) {
        return first17 + ChineseIdNumber.checkCharacter(first17);
    }
}
