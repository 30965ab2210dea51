package cn.anju.inspection.web;

import cn.anju.identity.CurrentUser;
import cn.anju.inspection.IdleUnits;
import cn.anju.inspection.Verifications;
import cn.anju.shared.web.Uploads;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

@RestController
@Tag(name = "信息核对与闲置 Occupant verification and idle units")
class VerificationApi {

    private final Verifications verifications;
    private final IdleUnits idle;

    VerificationApi(Verifications verifications, IdleUnits idle) {
        this.verifications = verifications;
        this.idle = idle;
    }

    @GetMapping("/api/v1/verification-campaigns")
    @Operation(summary = "入户核查活动及进度（按数据范围）")
    List<Verifications.Campaign> campaigns(CurrentUser user) {
        return verifications.campaigns(user);
    }

    @PostMapping("/api/v1/verification-campaigns")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "发起核查活动：区县内（本人服务范围内）所有在住房屋各一条核查记录")
    Map<String, Object> open(CurrentUser user, @RequestBody Verifications.NewCampaign body) {
        return Map.of("id", verifications.open(user, body));
    }

    @GetMapping("/api/v1/verification-campaigns/{id}/visits")
    @Operation(summary = "核查记录；pending=true 只列未核查的")
    List<Verifications.Visit> visits(CurrentUser user, @PathVariable long id, @RequestParam(defaultValue = "false") boolean pending) {
        return verifications.visits(user, id, pending);
    }

    @PostMapping(path = "/api/v1/verification-visits/{id}", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "登记核查结果（multipart）：outcome=MATCH|DIFFERENT_OCCUPANTS|EMPTY|REFUSED、note、photo（可多张）、latitude、longitude；"
            + "实际居住人不符时自动立案（违规案件草稿，照片为证据）")
    Map<String, Object> record(CurrentUser user, @PathVariable long id, @ParameterObject @ModelAttribute VisitForm form,
                               @RequestParam(name = "photo", required = false) List<MultipartFile> photos) throws IOException {
        Long caseId = verifications.record(user, id, form.outcome(), form.note(), form.latitude(), form.longitude(), Uploads.of(photos));
        Map<String, Object> out = new HashMap<>();
        out.put("caseId", caseId);
        return out;
    }

    @PostMapping(path = "/api/v1/meter-readings", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "导入月度水电读数（CSV 或 Excel，列：项目,楼栋,房号,月份,用水量,用电量）；整体校验，有误则一行不导")
    IdleUnits.Imported importReadings(CurrentUser user, @RequestParam(required = false) MultipartFile file) throws IOException {
        return idle.importReadings(user, file == null ? null : file.getBytes());
    }

    @GetMapping("/api/v1/idle-units")
    @Operation(summary = "疑似闲置房屋：连续N个月（默认6）水电用量均低于阈值的在住房屋，待入户核查")
    List<IdleUnits.IdleUnit> idleUnits(CurrentUser user) {
        return idle.list(user);
    }
}
