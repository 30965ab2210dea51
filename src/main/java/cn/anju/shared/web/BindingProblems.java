package cn.anju.shared.web;

import org.springframework.core.MethodParameter;
import org.springframework.http.HttpStatus;
import org.springframework.validation.BindingResult;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The refusal for query and form parameters that could not be bound, the same whether they arrive one by one
 * ({@code @RequestParam}) or as a record ({@code @ModelAttribute}): a value that cannot be read (an unknown state, a
 * malformed date or number) is {@code INVALID_PARAMETER} naming the parameter; a value that breaks a constraint is
 * {@code VALIDATION_FAILED} with each field's Chinese message. Spring's own messages are English and quote the
 * rejected value, which may be personal data, so none of them is passed on.
 */
final class BindingProblems {

    static final String INVALID_PARAMETER = "INVALID_PARAMETER";
    static final String VALIDATION_FAILED = "VALIDATION_FAILED";

    private BindingProblems() {
    }

    /** The refusal for a failed binding of request parameters; {@code body} when the fields are a JSON body's. */
    static ProblemException of(BindingResult result, boolean body) {
        Set<String> unreadable = new LinkedHashSet<>();
        for (FieldError error : result.getFieldErrors()) {
            if (error.isBindingFailure()) {
                unreadable.add(error.getField());
            }
        }
        if (!unreadable.isEmpty()) {
            return unreadable(List.copyOf(unreadable));
        }
        List<ProblemException.FieldProblem> problems = result.getFieldErrors().stream()
                .map(e -> new ProblemException.FieldProblem(e.getField(), e.getDefaultMessage()))
                .toList();
        String detail = body || problems.isEmpty()
                ? "提交的数据有误，请按提示修改后重试。"
                : problems.stream().map(p -> "参数 " + p.field() + " 有误：" + p.message()).collect(Collectors.joining("；")) + "。";
        return new ProblemException(HttpStatus.BAD_REQUEST, VALIDATION_FAILED, detail, problems);
    }

    /**
     * The refusal for one {@code @RequestParam} whose value cannot be converted; null for any other argument (a path
     * variable keeps the plain 400 of a malformed address).
     */
    static ProblemException of(MethodArgumentTypeMismatchException e) {
        MethodParameter parameter = e.getParameter();
        return parameter.hasParameterAnnotation(RequestParam.class) ? unreadable(List.of(e.getName())) : null;
    }

    private static ProblemException unreadable(List<String> names) {
        return new ProblemException(HttpStatus.BAD_REQUEST, INVALID_PARAMETER,
                "参数 " + String.join("、", names) + " 的值无法识别，请检查后重试。",
                names.stream().map(n -> new ProblemException.FieldProblem(n, "值无法识别，请检查后重试。")).toList());
    }
}
