package cn.anju.shared.web;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.apache.tomcat.util.http.InvalidParameterException;
import org.apache.tomcat.util.http.fileupload.impl.SizeException;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.servlet.ModelAndView;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;

/**
 * The container's error path, for every error that no controller answered (a refusal in a filter, a body over the
 * limit, an unknown path, a failure outside Spring MVC): problem details for everything under {@code /api}, whatever
 * the caller accepts, and the Chinese error page (403/404/4xx/500) for browsers elsewhere. Replaces Boot's whitelabel
 * controller. Errors Tomcat raises before any application code runs are answered alike by {@link ContainerErrors}.
 */
@Controller
class ErrorPageController implements ErrorController {

    private final JsonMapper json;

    ErrorPageController(JsonMapper json) {
        this.json = json;
    }

    @RequestMapping(value = "/error", produces = MediaType.TEXT_HTML_VALUE)
    ModelAndView page(HttpServletRequest request, HttpServletResponse response) throws IOException {
        ProblemDetail problem = problemOf(request);
        if (isApi(request)) {
            // an API path answers with problem details even to a browser's Accept header
            response.setStatus(problem.getStatus());
            response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            response.setCharacterEncoding("UTF-8");
            json.writeValue(response.getOutputStream(), problem);
            return null;
        }
        HttpStatus status = HttpStatus.valueOf(problem.getStatus());
        String view = switch (status.value()) {
            case 403, 404 -> "error/" + status.value();
            default -> status.is4xxClientError() ? "error/4xx" : "error/500";
        };
        ModelAndView mav = new ModelAndView(view, status);
        mav.addObject("status", status.value());
        if (refusalOf(request) != null) {
            mav.addObject("message", problem.getDetail());
        }
        return mav;
    }

    @RequestMapping("/error")
    ResponseEntity<ProblemDetail> problem(HttpServletRequest request) {
        ProblemDetail problem = problemOf(request);
        return ResponseEntity.status(problem.getStatus()).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }

    private static ProblemDetail problemOf(HttpServletRequest request) {
        ProblemException refusal = refusalOf(request);
        HttpStatus status = refusal != null ? refusal.status() : statusOf(request);
        ProblemDetail problem = refusal != null ? Problems.of(refusal)
                : Problems.of(status, Problems.defaultCode(status), Problems.defaultDetail(status));
        Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        return Problems.withInstance(problem, uri == null ? null : uri.toString());
    }

    private static boolean isApi(HttpServletRequest request) {
        Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        return uri != null && (uri.toString().startsWith("/api/") || uri.toString().equals("/api"));
    }

    /** A refusal raised before any controller: by a filter of ours, or thrown through the container. */
    private static ProblemException refusalOf(HttpServletRequest request) {
        if (request.getAttribute(EarlyRefusals.REFUSAL) instanceof ProblemException refusal) {
            return refusal;
        }
        return request.getAttribute(RequestDispatcher.ERROR_EXCEPTION) instanceof Throwable t ? TextInput.refusalIn(t) : null;
    }

    /**
     * The status the error deserves. A failure thrown outside Spring MVC arrives as a 500 even when the caller is at
     * fault (a body over the limit read by a filter, a URL the firewall rejects): those get their 4xx here.
     */
    private static HttpStatus statusOf(HttpServletRequest request) {
        for (Throwable t = (Throwable) request.getAttribute(RequestDispatcher.ERROR_EXCEPTION); t != null;
             t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof MaxUploadSizeExceededException || t instanceof SizeException) {
                return HttpStatus.CONTENT_TOO_LARGE;
            }
            if (t instanceof RequestRejectedException) {
                return HttpStatus.BAD_REQUEST;
            }
            if (t instanceof InvalidParameterException invalid) {
                HttpStatus known = HttpStatus.resolve(invalid.getErrorCode());
                return known != null && known.is4xxClientError() ? known : HttpStatus.BAD_REQUEST;
            }
        }
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        HttpStatus status = code instanceof Integer i ? HttpStatus.resolve(i) : null;
        return status == null ? HttpStatus.INTERNAL_SERVER_ERROR : status;
    }
}
