package cn.anju.shared.web;

import jakarta.servlet.RequestDispatcher;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.FilterType;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.springframework.web.multipart.MaxUploadSizeExceededException;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The container's error path in a web slice: what a caller sees when no controller answered (a refused URL, a body
 * over the limit, an unknown path). All of it is web-layer behaviour, so it is checked here in a second, by setting
 * the request attributes the container sets, instead of provoking each failure through the whole platform. The
 * slice holds only {@link ErrorPageController}, the Chinese-first locale, the messages and Thymeleaf; Boot's default security stands in
 * for the identity module's, with a signed-in user, since the test calls the error path directly.
 */
@WebMvcTest(useDefaultFilters = false, includeFilters = @ComponentScan.Filter(
        type = FilterType.REGEX, pattern = {"cn\\.anju\\.shared\\.web\\.ErrorPageController", "cn\\.anju\\.shared\\.web\\.LocaleConfiguration"}))
@ActiveProfiles("test")
@WithMockUser
class ErrorPageSliceTest {

    @Autowired
    MockMvcTester mvc;

    @Test
    void anApiPathAnswersProblemDetailsEvenToABrowser() {
        MvcTestResult result = error("/api/v1/nothing-here", 404, null, MediaType.TEXT_HTML);
        assertThat(result).hasStatus(HttpStatus.NOT_FOUND).hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(result).bodyJson().extractingPath("$.code").isEqualTo(Problems.defaultCode(HttpStatus.NOT_FOUND));
        assertThat(result).bodyJson().extractingPath("$.detail").isEqualTo(Problems.defaultDetail(HttpStatus.NOT_FOUND));
        assertThat(result).bodyJson().extractingPath("$.instance").isEqualTo("/api/v1/nothing-here");
    }

    @Test
    void aPageGetsTheChineseErrorPageOfItsStatus() throws Exception {
        MvcTestResult result = error("/housing/nothing-here", 404, null, MediaType.TEXT_HTML);
        assertThat(result).hasStatus(HttpStatus.NOT_FOUND).hasViewName("error/404");
        assertThat(result.getResponse().getContentAsString()).contains("页面不存在", "data-status=\"404\"");
    }

    /** A failure thrown outside Spring MVC arrives as a 500; the caller's own fault gets its 4xx. */
    @Test
    void aBodyOverTheLimitIs413AndARejectedUrl400NotAServerError() throws Exception {
        MvcTestResult tooLarge = error("/imports", 500, new MaxUploadSizeExceededException(25L << 20), MediaType.TEXT_HTML);
        assertThat(tooLarge).hasStatus(HttpStatus.CONTENT_TOO_LARGE).hasViewName("error/4xx");
        assertThat(tooLarge.getResponse().getContentAsString()).contains("请求无法处理");

        MvcTestResult rejected = error("/api/v1/leases", 500, new RequestRejectedException("URL contained \"//\""), MediaType.APPLICATION_JSON);
        assertThat(rejected).hasStatus(HttpStatus.BAD_REQUEST).hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(rejected).bodyJson().extractingPath("$.code").isEqualTo(Problems.defaultCode(HttpStatus.BAD_REQUEST));
    }

    @Test
    void anUnexpectedFailureIsTheServerErrorPageWithoutItsMessage() throws Exception {
        MvcTestResult result = error("/rent/bills", 500, new IllegalStateException("select * from payment"), MediaType.TEXT_HTML);
        assertThat(result).hasStatus(HttpStatus.INTERNAL_SERVER_ERROR).hasViewName("error/500");
        assertThat(result.getResponse().getContentAsString()).contains("系统繁忙").doesNotContain("select * from payment");
    }

    /** The error path as the container forwards to it after the request to {@code uri} failed. */
    private MvcTestResult error(String uri, int status, Throwable exception, MediaType accept) {
        var request = mvc.get().uri("/error").accept(accept)
                .requestAttr(RequestDispatcher.ERROR_REQUEST_URI, uri)
                .requestAttr(RequestDispatcher.ERROR_STATUS_CODE, status);
        if (exception != null) {
            request.requestAttr(RequestDispatcher.ERROR_EXCEPTION, exception);
        }
        return request.exchange();
    }
}
