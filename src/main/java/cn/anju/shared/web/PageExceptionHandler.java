package cn.anju.shared.web;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
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
