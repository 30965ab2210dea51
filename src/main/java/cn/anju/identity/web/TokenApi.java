package cn.anju.identity.web;

import cn.anju.identity.ApiTokens;
import cn.anju.identity.CurrentUser;
import cn.anju.shared.web.ProblemException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

@RestController
@RequestMapping("/api/v1/me/tokens")
@Tag(name = "身份 Identity")
class TokenApi {

    private final ApiTokens tokens;

    TokenApi(ApiTokens tokens) {
        this.tokens = tokens;
    }

    record IssueRequest(String name, Integer days) {
    }

    @GetMapping
    @Operation(summary = "我的API访问令牌（不含令牌本身）")
    List<ApiTokens.TokenRow> list(CurrentUser user) {
        return tokens.list(user);
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "签发令牌：令牌只在本次响应中出现一次，请妥善保存")
    ApiTokens.IssuedToken issue(CurrentUser user, @RequestBody IssueRequest request, HttpServletRequest http) {
        if (http.getHeader("Authorization") != null) {
            throw ProblemException.forbidden("TOKEN_CANNOT_ISSUE_TOKENS", "不能用访问令牌签发新令牌，请登录后在页面上签发。");
        }
        return tokens.issue(user, request.name(), request.days() == null ? 90 : request.days());
    }

    @PostMapping("/{id}/revoke")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "撤销我的令牌")
    void revoke(CurrentUser user, @PathVariable Long id) {
        tokens.revoke(user, id);
    }
}
