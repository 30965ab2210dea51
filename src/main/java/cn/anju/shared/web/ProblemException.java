package cn.anju.shared.web;

import org.springframework.http.HttpStatus;

import java.util.List;

/**
 * A refusal the user can act on: an HTTP status, a stable machine code (e.g. {@code ELIGIBILITY_LAPSED}) that
 * integrations rely on, and a Chinese message that says what to fix. API calls get it as an RFC 9457 problem
 * detail; pages show the message next to the form.
 */
public class ProblemException extends RuntimeException {

    private final HttpStatus status;
    private final String code;
    private final List<FieldProblem> fieldProblems;

    public ProblemException(HttpStatus status, String code, String detail) {
        this(status, code, detail, List.of());
    }

    public ProblemException(HttpStatus status, String code, String detail, List<FieldProblem> fieldProblems) {
        super(detail);
        this.status = status;
        this.code = code;
        this.fieldProblems = List.copyOf(fieldProblems);
    }

    public static ProblemException badRequest(String code, String detail) {
        return new ProblemException(HttpStatus.BAD_REQUEST, code, detail);
    }

    public static ProblemException notFound(String code, String detail) {
        return new ProblemException(HttpStatus.NOT_FOUND, code, detail);
    }

    public static ProblemException conflict(String code, String detail) {
        return new ProblemException(HttpStatus.CONFLICT, code, detail);
    }

    public static ProblemException forbidden(String code, String detail) {
        return new ProblemException(HttpStatus.FORBIDDEN, code, detail);
    }

    public static ProblemException unprocessable(String code, String detail) {
        return new ProblemException(HttpStatus.UNPROCESSABLE_CONTENT, code, detail);
    }

    public HttpStatus status() {
        return status;
    }

    public String code() {
        return code;
    }

    public List<FieldProblem> fieldProblems() {
        return fieldProblems;
    }

    /** One invalid field: its name and what to fix, in Chinese. */
    public record FieldProblem(String field, String message) {
    }
}
