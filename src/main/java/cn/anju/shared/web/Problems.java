package cn.anju.shared.web;

import cn.anju.shared.privacy.Masks;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;

import java.net.URI;
import java.util.List;
import java.util.regex.Pattern;

/** Builds the one problem-detail shape every API error uses: status, title, Chinese detail, stable code. */
public final class Problems {

    private Problems() {
    }

    public static ProblemDetail of(HttpStatusCode status, String code, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create("urn:anju:problem:" + code));
        problem.setTitle(titleOf(status));
        problem.setProperty("code", code);
        return problem;
    }

    public static ProblemDetail of(ProblemException e) {
        ProblemDetail problem = of(e.status(), e.code(), e.getMessage());
        if (!e.fieldProblems().isEmpty()) {
            problem.setProperty("errors", e.fieldProblems());
        }
        return problem;
    }

    public static ProblemDetail withErrors(ProblemDetail problem, List<ProblemException.FieldProblem> errors) {
        problem.setProperty("errors", errors);
        return problem;
    }

    private static final Pattern ID_LIKE = Pattern.compile("[0-9]{17}[0-9Xx]");

    /**
     * The request path as the problem's {@code instance}, with anything shaped like an ID number masked: paths carry
     * identifiers people type, and a problem detail must not echo personal data back or into a client's logs.
     */
    public static ProblemDetail withInstance(ProblemDetail problem, String path) {
        if (path != null) {
            String safe = ID_LIKE.matcher(path).replaceAll(m -> Masks.idNumber(m.group()));
            problem.setInstance(URI.create(safe.replace("*", "%2A")));
        }
        return problem;
    }

    /** The code for a status when no more specific one applies. */
    public static String defaultCode(HttpStatusCode status) {
        HttpStatus known = HttpStatus.resolve(status.value());
        return known == null ? "HTTP_" + status.value() : known.name();
    }

    /** The Chinese message for a status when no more specific one applies. */
    public static String defaultDetail(HttpStatusCode status) {
        return switch (status.value()) {
            case 400 -> "请求格式有误，请检查后重试。";
            case 401 -> "请先登录，或提供有效的访问令牌。";
            case 403 -> "您没有执行此操作的权限。";
            case 404 -> "请求的资源不存在，请检查地址。";
            case 405 -> "不支持该请求方法。";
            case 406 -> "不支持请求的响应格式。";
            case 409 -> "操作与当前数据状态冲突，请刷新后重试。";
            case 413 -> "提交的内容过大，请缩小文件或分批提交。";
            case 414 -> "请求地址过长，请缩短查询条件后重试。";
            case 415 -> "不支持该内容类型，请使用 application/json。";
            case 429 -> "请求过于频繁，请稍后再试。";
            case 431 -> "请求头过大，请清除本站的 Cookie 或缩短请求后重试。";
            default -> status.is5xxServerError() ? "服务器内部错误，请稍后重试；如持续出现请联系管理员。" : "请求无法处理。";
        };
    }

    private static String titleOf(HttpStatusCode status) {
        return switch (status.value()) {
            case 400 -> "请求有误";
            case 401 -> "未登录";
            case 403 -> "无权访问";
            case 404 -> "未找到";
            case 405 -> "方法不支持";
            case 409 -> "状态冲突";
            case 413 -> "内容过大";
            case 415 -> "格式不支持";
            case 422 -> "不符合业务规则";
            default -> status.is5xxServerError() ? "服务器错误" : "请求无法处理";
        };
    }
}
