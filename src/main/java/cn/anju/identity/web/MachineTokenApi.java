package cn.anju.identity.web;

import cn.anju.identity.ApiTokens;
import cn.anju.identity.CurrentUser;
import cn.anju.identity.MachineTokens;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
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
@RequestMapping("/api/v1/security/accounts/{accountId}/tokens")
@Tag(name = "身份 Identity")
class MachineTokenApi {

    private final MachineTokens tokens;

    MachineTokenApi(MachineTokens tokens) {
        this.tokens = tokens;
    }

    record IssueRequest(String name, Integer days) {
    }

    @GetMapping
    @Operation(summary = "机器账号的接口令牌（安全管理员；不含令牌本身）")
    List<ApiTokens.TokenRow> list(CurrentUser user, @PathVariable Long accountId) {
        return tokens.list(user, accountId);
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "为机器账号签发令牌（安全管理员）：令牌只在本次响应中出现一次，交给对接的外部系统")
    ApiTokens.IssuedToken issue(CurrentUser user, @PathVariable Long accountId, @RequestBody IssueRequest request) {
        return tokens.issue(user, accountId, request.name(), request.days() == null ? 90 : request.days());
    }

    @PostMapping("/{id}/revoke")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "撤销机器账号的令牌（安全管理员）")
    void revoke(CurrentUser user, @PathVariable Long accountId, @PathVariable Long id) {
        tokens.revoke(user, accountId, id);
    }
}
