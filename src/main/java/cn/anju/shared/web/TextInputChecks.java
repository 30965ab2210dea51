package cn.anju.shared.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.apache.tomcat.util.http.InvalidParameterException;
import org.apache.tomcat.util.http.fileupload.InvalidFileNameException;
import org.apache.tomcat.util.http.fileupload.impl.SizeException;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonPointer;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.JacksonModule;
import tools.jackson.databind.KeyDeserializer;
import tools.jackson.databind.deser.jdk.StringDeserializer;
import tools.jackson.databind.module.SimpleModule;

import java.io.IOException;
import java.util.Map;

/**
 * Applies {@link TextInput} to everything a caller sends as text, in two places that together see every endpoint and
 * form: the JSON reader (every string value and key of every body, with its path) and a servlet filter (every query
 * and form parameter; Tomcat itself refuses a NUL in an uploaded file's name). Nothing behind them checks again.
 */
@Configuration(proxyBeanMethods = false)
class TextInputChecks {

    /** Boot adds every module bean to the one JSON mapper that reads request bodies. */
    @Bean
    JacksonModule checkedStrings() {
        return new SimpleModule("anju-checked-strings")
                .addDeserializer(String.class, new CheckedStrings())
                .addKeyDeserializer(String.class, new CheckedKeys());
    }

    /**
     * Right after the character encoding is set (parameters must be decoded as UTF-8) and before security, so that a
     * refused request never reaches a login, a CSRF check or a controller.
     */
    @Bean
    FilterRegistrationBean<ParameterCheck> parameterCheck() {
        FilterRegistrationBean<ParameterCheck> registration = new FilterRegistrationBean<>(new ParameterCheck());
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 20);
        return registration;
    }

    static final class CheckedStrings extends StringDeserializer {

        @Override
        public String deserialize(JsonParser p, DeserializationContext ctxt) {
            String value = super.deserialize(p, ctxt);
            if (value != null && TextInput.unstorable(value)) {
                throw TextInput.refusal(field(p.streamReadContext().pathAsPointer()));
            }
            return value;
        }
    }

    static final class CheckedKeys extends KeyDeserializer {

        @Override
        public Object deserializeKey(String key, DeserializationContext ctxt) {
            if (TextInput.unstorable(key)) {
                throw TextInput.refusal(null);
            }
            return key;
        }
    }

    /** {@code /items/0/note} as a reader of the API writes it: {@code items[0].note}. */
    static String field(JsonPointer pointer) {
        StringBuilder field = new StringBuilder();
        for (JsonPointer p = pointer; p != null && !p.matches(); p = p.tail()) {
            if (p.mayMatchElement()) {
                field.append('[').append(p.getMatchingIndex()).append(']');
            } else {
                field.append(field.isEmpty() ? "" : ".").append(p.getMatchingProperty());
            }
        }
        return field.toString();
    }

    /**
     * Query and form parameters (a multipart form's too). This filter is the first to read a form, so it also answers
     * the form Tomcat cannot read: over the size limit (413) or malformed, such as a file name with a NUL (400). Later
     * readers would only get the same failure again, as a server error. A refusal goes the way of every other error
     * ({@link EarlyRefusals}): problem details under {@code /api}, the Chinese error page elsewhere.
     */
    static final class ParameterCheck extends OncePerRequestFilter {

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            ProblemException refusal = refusal(request);
            if (refusal != null) {
                EarlyRefusals.refuse(request, response, refusal);
                return;
            }
            chain.doFilter(request, response);
        }

        private static ProblemException refusal(HttpServletRequest request) {
            Map<String, String[]> parameters;
            try {
                // reads a form body too; any other body (JSON, a partner's signed callback) is left unread
                parameters = request.getParameterMap();
            } catch (InvalidFileNameException nul) {
                return TextInput.refusal(null);
            } catch (IllegalStateException unreadable) {
                return unreadable(unreadable);
            }
            for (Map.Entry<String, String[]> parameter : parameters.entrySet()) {
                if (TextInput.unstorable(parameter.getKey())) {
                    return TextInput.refusal(null);
                }
                for (String value : parameter.getValue()) {
                    if (TextInput.unstorable(value)) {
                        return TextInput.refusal(parameter.getKey());
                    }
                }
            }
            return null;
        }

        private static ProblemException unreadable(IllegalStateException failure) {
            for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
                if (t instanceof SizeException
                        || (t instanceof InvalidParameterException p && p.getErrorCode() == HttpStatus.CONTENT_TOO_LARGE.value())) {
                    return new ProblemException(HttpStatus.CONTENT_TOO_LARGE, "CONTENT_TOO_LARGE",
                            Problems.defaultDetail(HttpStatus.CONTENT_TOO_LARGE));
                }
            }
            return ProblemException.badRequest("MALFORMED_FORM", "表单数据格式有误，无法读取，请刷新页面后重新提交。");
        }
    }
}
