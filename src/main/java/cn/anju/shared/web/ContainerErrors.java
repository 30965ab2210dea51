package cn.anju.shared.web;

import org.apache.catalina.Valve;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.coyote.ActionCode;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.web.util.HtmlUtils;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.Writer;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Errors Tomcat answers itself, before any filter or servlet runs: a request line or headers over
 * {@code server.max-http-request-header-size}, a malformed URL, an undecodable path. They never reach Spring's
 * {@code /error}, so Tomcat's English HTML report used to answer them; this replaces that report with the same
 * answers {@link ErrorPageController} gives: problem details under {@code /api} (and when the path could not even be
 * read and the caller did not ask for a page), the Chinese error page otherwise.
 */
@Configuration(proxyBeanMethods = false)
class ContainerErrors {

    /** After Boot's own customizer, which adds Tomcat's report valve to the host. */
    @Bean
    @Order(Ordered.LOWEST_PRECEDENCE)
    WebServerFactoryCustomizer<TomcatServletWebServerFactory> problemReports(JsonMapper json) {
        return factory -> factory.addContextCustomizers(context -> {
            var pipeline = context.getParent().getPipeline();
            for (Valve valve : pipeline.getValves()) {
                if (valve instanceof ErrorReportValve) {
                    pipeline.removeValve(valve);
                }
            }
            pipeline.addValve(new ProblemReport(json));
            // the host adds its own report valve at start unless one of this class is there already
            if (context.getParent() instanceof StandardHost host) {
                host.setErrorReportValveClass(ProblemReport.class.getName());
            }
        });
    }

    static final class ProblemReport extends ErrorReportValve {

        private final JsonMapper json;

        ProblemReport(JsonMapper json) {
            this.json = json;
            setShowReport(false);
            setShowServerInfo(false);
        }

        @Override
        protected void report(Request request, Response response, Throwable failure) {
            int code = response.getStatus();
            if (code < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
                return;
            }
            AtomicBoolean ioAllowed = new AtomicBoolean(false);
            response.getCoyoteResponse().action(ActionCode.IS_IO_ALLOWED, ioAllowed);
            if (!ioAllowed.get()) {
                return;
            }
            HttpStatus status = HttpStatus.resolve(code);
            status = status == null ? HttpStatus.BAD_REQUEST : status;
            String path = request.getRequestURI();
            try {
                response.reset();
                response.setStatus(status.value());
                response.setCharacterEncoding("UTF-8");
                Writer writer;
                if (wantsProblem(request, path)) {
                    ProblemDetail problem = Problems.withInstance(
                            Problems.of(status, Problems.defaultCode(status), Problems.defaultDetail(status)),
                            path == null || path.isEmpty() ? null : path);
                    response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
                    writer = response.getReporter();
                    if (writer != null) {
                        writer.write(json.writeValueAsString(problem));
                    }
                } else {
                    response.setContentType(MediaType.TEXT_HTML_VALUE);
                    writer = response.getReporter();
                    if (writer != null) {
                        writer.write(page(status));
                    }
                }
                response.finishResponse();
            } catch (IOException | IllegalStateException e) {
                // the connection is gone or the answer has begun: nothing more can be said to the caller
            }
        }

        /** An API path, or a request so broken that its path is unknown and the caller did not ask for a page. */
        private static boolean wantsProblem(Request request, String path) {
            if (path != null && !path.isEmpty()) {
                return path.startsWith("/api/") || path.equals("/api") || !accepts(request, "text/html");
            }
            return !accepts(request, "text/html");
        }

        private static boolean accepts(Request request, String type) {
            String accept = request.getHeader("Accept");
            return accept != null && accept.contains(type);
        }

        /** The error page without the application's templates, which do not run this early. */
        private static String page(HttpStatus status) {
            String title = status.is5xxServerError() ? "服务器错误" : "请求无法处理";
            return "<!DOCTYPE html><html lang=\"zh-CN\"><head><meta charset=\"UTF-8\">"
                    + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
                    + "<title>" + title + " · 安居</title><link rel=\"stylesheet\" href=\"/css/anju.css\"></head>"
                    + "<body><main id=\"error-page\" data-status=\"" + status.value() + "\" style=\"text-align:center;padding:3rem 1rem\">"
                    + "<div style=\"font-size:3rem;color:#6c757d\">" + status.value() + "</div>"
                    + "<h1 style=\"font-size:1.5rem\">" + title + "</h1>"
                    + "<p>" + HtmlUtils.htmlEscape(Problems.defaultDetail(status)) + "</p>"
                    + "<a href=\"/\">返回首页</a></main></body></html>";
        }
    }
}
