package cn.anju.rent.web;

import cn.anju.identity.CurrentUser;
import cn.anju.rent.OtherCharges;
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

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

@RestController
@RequestMapping("/api/v1/rent-accounts/{leaseId}/other-charges")
@Tag(name = "其他费用 Other charges")
class OtherChargesApi {

    private final OtherCharges charges;

    OtherChargesApi(OtherCharges charges) {
        this.charges = charges;
    }

    @GetMapping
    @Operation(summary = "合同的其他收费项目（物业费、水费、电费、停车费），含历史")
    List<OtherCharges.Charge> list(CurrentUser user, @PathVariable long leaseId) {
        return charges.list(user, leaseId);
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "设置收费项目（FIXED 每月固定金额 / PER_SQM 按租赁面积每平方米）；同类现行项目于新起收日前一日停收。"
            + "按月出账，单独收款（account=CHARGES），不计入租金，不上缴国库")
    Map<String, Object> set(CurrentUser user, @PathVariable long leaseId, @RequestBody OtherCharges.NewCharge body) {
        return Map.of("id", charges.set(user, leaseId, body));
    }

    record End(LocalDate lastDay) {
    }

    @PostMapping("/{chargeId}/end")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "停收（最后计费日）")
    void end(CurrentUser user, @PathVariable long leaseId, @PathVariable long chargeId, @RequestBody End body) {
        charges.end(user, leaseId, chargeId, body.lastDay());
    }
}
