package cn.anju.identity.web;

import cn.anju.shared.privacy.ChineseIdNumber;
import cn.anju.shared.privacy.Masks;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.time.Clock;
import java.time.LocalDate;

/**
 * Checks an ID number as a form is filled in, saying exactly what to fix. The answer carries the masked number
 * only; the number itself is neither stored nor logged. POST, so it never appears in a URL or an access log.
 */
@RestController
@RequestMapping("/api/v1/id-numbers")
@Tag(name = "个人信息 Personal data")
class IdNumberApi {

    private final Clock clock;

    IdNumberApi(Clock clock) {
        this.clock = clock;
    }

    record CheckRequest(String idNumber) {
    }

    /** The birth year only, as everywhere a masked number is shown: the full birth date is what the mask hides. */
    record CheckResult(boolean valid, String code, String message, String masked, Integer birthYear) {
    }

    @PostMapping("/check")
    @Operation(summary = "校验身份证号（GB 11643：地址码、出生日期、校验位）")
    CheckResult check(@RequestBody CheckRequest request) {
        String value = ChineseIdNumber.normalise(request.idNumber());
        var problem = ChineseIdNumber.check(value, LocalDate.now(clock));
        String masked = value == null ? "" : Masks.idNumber(value);
        if (problem.isPresent()) {
            return new CheckResult(false, problem.get().code(), problem.get().message(), masked, null);
        }
        return new CheckResult(true, "VALID", "身份证号格式正确。", masked, ChineseIdNumber.birthDate(value).map(LocalDate::getYear).orElse(null));
    }
}
