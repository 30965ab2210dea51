package cn.anju.shared.web;

import jakarta.servlet.http.HttpServletRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.TypeMismatchException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authorization.AuthorizationDeniedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Turns every failure of an {@code /api/v1} controller into an RFC 9457 problem detail with a stable
 * {@code code} and a Chinese {@code detail}. Messages never echo the rejected value: it may be personal data.
 */
@RestControllerAdvice(annotations = RestController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class ApiExceptionHandler extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);

    @ExceptionHandler(ProblemException.class)
    ResponseEntity<ProblemDetail> problem(ProblemException e, HttpServletRequest request) {
        return ResponseEntity.status(e.status()).body(Problems.withInstance(Problems.of(e), request.getRequestURI()));
    }

    @ExceptionHandler({AccessDeniedException.class, AuthorizationDeniedException.class})
    ResponseEntity<ProblemDetail> denied(RuntimeException e, HttpServletRequest request) {
        return ResponseEntity.status(HttpStatus.FORBIDDEN).body(Problems.withInstance(
                Problems.of(HttpStatus.FORBIDDEN, "FORBIDDEN", Problems.defaultDetail(HttpStatus.FORBIDDEN)),
                request.getRequestURI()));
    }

    @ExceptionHandler(IllegalArgumentException.class)
    ResponseEntity<ProblemDetail> invalid(IllegalArgumentException e, HttpServletRequest request) {
        return ResponseEntity.badRequest().body(Problems.withInstance(
                Problems.of(HttpStatus.BAD_REQUEST, "INVALID_ARGUMENT", e.getMessage()), request.getRequestURI()));
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpected(Exception e, HttpServletRequest request) {
        // the type only: messages of unexpected exceptions may quote data (SQL values, parser input)
        log.error("Unhandled API error {} at {}", e.getClass().getName(), e.getStackTrace().length > 0 ? e.getStackTrace()[0] : "?");
        HttpStatus status = HttpStatus.INTERNAL_SERVER_ERROR;
        return ResponseEntity.status(status).body(Problems.withInstance(
                Problems.of(status, "INTERNAL_ERROR", Problems.defaultDetail(status)), request.getRequestURI()));
    }

    /** A JSON body's fields, or query parameters bound to a record: each field to fix, in Chinese. */
    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex, HttpHeaders headers,
                                                                  HttpStatusCode status, WebRequest request) {
        boolean body = ex.getParameter().hasParameterAnnotation(RequestBody.class);
        return refusal(BindingProblems.of(ex.getBindingResult(), body), headers, request);
    }

    /** A query parameter whose value cannot be read names the parameter; a malformed path stays a plain 400. */
    @Override
    protected ResponseEntity<Object> handleTypeMismatch(TypeMismatchException ex, HttpHeaders headers, HttpStatusCode status,
                                                        WebRequest request) {
        ProblemException refusal = ex instanceof MethodArgumentTypeMismatchException mismatch ? BindingProblems.of(mismatch) : null;
        return refusal != null ? refusal(refusal, headers, request) : super.handleTypeMismatch(ex, headers, status, request);
    }

    /** A body with an unstorable character names the field to fix; any other unreadable body is a plain 400. */
    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex, HttpHeaders headers,
                                                                  HttpStatusCode status, WebRequest request) {
        ProblemException refusal = TextInput.refusalIn(ex);
        if (refusal != null) {
            return refusal(refusal, headers, request);
        }
        return super.handleHttpMessageNotReadable(ex, headers, status, request);
    }

    /** Spring MVC's own failures (bad JSON, wrong method, missing parameter...) get our code and Chinese text. */
    @Override
    protected ResponseEntity<Object> createResponseEntity(Object body, HttpHeaders headers, HttpStatusCode status,
                                                          WebRequest request) {
        String code = Problems.defaultCode(status);
        String detail = Problems.defaultDetail(status);
        if (body instanceof ProblemDetail pd && pd.getProperties() != null && pd.getProperties().get("code") != null) {
            return new ResponseEntity<>(Problems.withInstance(pd, path(request)), headers, status);
        }
        return new ResponseEntity<>(Problems.withInstance(Problems.of(status, code, detail), path(request)), headers, status);
    }

    private static ResponseEntity<Object> refusal(ProblemException refusal, HttpHeaders headers, WebRequest request) {
        return new ResponseEntity<>(Problems.withInstance(Problems.of(refusal), path(request)), headers, refusal.status());
    }

    private static String path(WebRequest request) {
        return request instanceof ServletWebRequest swr
                ? swr.getRequest().getRequestURI() : null;
    }
}
