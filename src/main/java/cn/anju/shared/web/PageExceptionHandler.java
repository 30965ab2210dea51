package cn.anju.shared.web;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.validation.BindException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.ModelAndView;

/**
 * A refusal raised behind a page (a record that does not exist, a rule the user broke) shows the Chinese error page
 * with its message and status, instead of a server error. API controllers are answered by
 * {@link ApiExceptionHandler}, which comes first.
 */
@ControllerAdvice
@Order(Ordered.LOWEST_PRECEDENCE)
class PageExceptionHandler {

    /** A form posted as JSON: the refusal of an unstorable character says what to fix; anything else is a plain 400. */
    @ExceptionHandler(HttpMessageNotReadableException.class)
    ModelAndView unreadable(HttpMessageNotReadableException e) {
        ProblemException refusal = TextInput.refusalIn(e);
        return problem(refusal != null ? refusal
                : ProblemException.badRequest("BAD_REQUEST", Problems.defaultDetail(HttpStatus.BAD_REQUEST)));
    }

    /** Parameters bound to a record that cannot be read or break a constraint: the page names each one to fix. */
    @ExceptionHandler(BindException.class)
    ModelAndView unbound(BindException e) {
        return problem(BindingProblems.of(e.getBindingResult(), false));
    }

    /**
     * A {@code @RequestParam} whose value cannot be read names it like a record's field would; any other mismatch (a
     * malformed path) is rethrown, which leaves it to Spring's plain 400.
     */
    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ModelAndView mismatch(MethodArgumentTypeMismatchException e) {
        ProblemException refusal = BindingProblems.of(e);
        if (refusal == null) {
            throw e;
        }
        return problem(refusal);
    }

    @ExceptionHandler(ProblemException.class)
    ModelAndView problem(ProblemException e) {
        int status = e.status().value();
        String view = status == 403 || status == 404 ? "error/" + status : "error/4xx";
        ModelAndView mav = new ModelAndView(view, e.status());
        mav.addObject("status", status);
        mav.addObject("message", e.getMessage());
        return mav;
    }
}
