package cn.anju.shared.web;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.ModelAndView;

/**
 * The container's error path: Chinese error pages (403/404/500) for browsers, problem details for every other
 * client (API callers ask for JSON). Replaces Boot's whitelabel controller.
 */
@Controller
class ErrorPageController implements ErrorController {

    @RequestMapping(value = "/error", produces = MediaType.TEXT_HTML_VALUE)
    ModelAndView page(HttpServletRequest request) {
        HttpStatus status = statusOf(request);
        String view = switch (status.value()) {
            case 403, 404 -> "error/" + status.value();
            default -> status.is4xxClientError() ? "error/4xx" : "error/500";
        };
        ModelAndView mav = new ModelAndView(view, status);
        mav.addObject("status", status.value());
        return mav;
    }

    @RequestMapping("/error")
    ResponseEntity<ProblemDetail> problem(HttpServletRequest request) {
        HttpStatus status = statusOf(request);
        ProblemDetail problem = Problems.of(status, Problems.defaultCode(status), Problems.defaultDetail(status));
        Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        Problems.withInstance(problem, uri == null ? null : uri.toString());
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }

    private static HttpStatus statusOf(HttpServletRequest request) {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        HttpStatus status = code instanceof Integer i ? HttpStatus.resolve(i) : null;
        return status == null ? HttpStatus.INTERNAL_SERVER_ERROR : status;
    }
}
