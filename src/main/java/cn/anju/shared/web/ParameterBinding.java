package cn.anju.shared.web;

import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.servlet.support.ExtendedServletRequestDataBinder;

/**
 * Records bound with {@code @ModelAttribute} read query and form parameters (and path variables) only. Spring also
 * binds request headers of the same name ({@code Date}, {@code Status}, a proxy's own), which would let a header a
 * client or proxy adds change a filter, or refuse a request for a date header's format: integrations send
 * parameters, as they did when each one was a {@code @RequestParam}.
 */
@ControllerAdvice
class ParameterBinding {

    @InitBinder
    void parametersOnly(WebDataBinder binder) {
        if (binder instanceof ExtendedServletRequestDataBinder request) {
            request.setHeaderPredicate(name -> false);
        }
    }
}
