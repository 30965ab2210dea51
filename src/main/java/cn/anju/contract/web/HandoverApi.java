package cn.anju.contract.web;

import cn.anju.contract.ContractHandovers;
import cn.anju.identity.CurrentUser;
import cn.anju.shared.web.ProblemException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** 移交: what an ended contract leaves open, handed to the successor's operator (or the district), confirmed by both sides. */
@RestController
@Tag(name = "购买服务 Procurement and contracts")
@PreAuthorize("@contractAccess.contracts(authentication)")
class HandoverApi {

    private final ContractHandovers handovers;

    HandoverApi(ContractHandovers handovers) {
        this.handovers = handovers;
    }

    @GetMapping("/api/v1/contracts/{id}/handover")
    @Operation(summary = "合同的移交记录：未办结工单、投诉与违规案件、代收押金、未上缴租金（条数、金额（分）、记录编号）与双方确认")
    ContractHandovers.Handover show(CurrentUser user, @PathVariable long id) {
        return handovers.of(user, id).orElseThrow(() -> ProblemException.notFound("HANDOVER_NOT_FOUND", "该合同尚无移交记录。"));
    }

    record PrepareRequest(Long successorContractId) {
    }

    @PostMapping("/api/v1/contracts/{id}/handover")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "建立移交记录（区县经办人，合同到期或终止后）：可指定接续合同，不指定时取本区县最接近的接续合同，无则移交区县")
    ContractHandovers.Handover prepare(CurrentUser user, @PathVariable long id, @RequestBody(required = false) PrepareRequest body) {
        return handovers.prepare(user, id, body == null ? null : body.successorContractId());
    }

    record Seen(Integer version) {
    }

    @PostMapping("/api/v1/contracts/{id}/handover/confirmation")
    @Operation(summary = "确认移交：移交方承接主体负责人、接收方（接续承接主体负责人或区县经办人）各确认一次，双方确认后完成移交")
    ContractHandovers.Handover confirm(CurrentUser user, @PathVariable long id, @RequestBody(required = false) Seen body) {
        return handovers.confirm(user, id, body == null ? null : body.version());
    }
}
