package cn.anju.allocation.web;

import cn.anju.allocation.RoundQueries;
import cn.anju.allocation.SelectionChoices;
import cn.anju.allocation.SelectionRounds;
import cn.anju.identity.CurrentUser;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

@RestController
@RequestMapping("/api/v1/selection-rounds")
@Tag(name = "选房 Selection")
class SelectionRoundApi {

    private final SelectionRounds rounds;
    private final SelectionChoices choices;
    private final RoundQueries queries;

    SelectionRoundApi(SelectionRounds rounds, SelectionChoices choices, RoundQueries queries) {
        this.rounds = rounds;
        this.choices = choices;
        this.queries = queries;
    }

    @GetMapping
    @Operation(summary = "选房轮次（按数据范围）")
    List<RoundQueries.RoundRow> list(CurrentUser user) {
        return queries.list(user);
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "创建轮次：房源池为项目的空置房源，申请人为本区县资格有效的轮候家庭")
    Map<String, Long> create(CurrentUser user, @RequestBody SelectionRounds.NewRound round) {
        return Map.of("id", rounds.create(user, round));
    }

    @GetMapping("/{id}")
    @Operation(summary = "轮次详情：公布的摘要、承诺、公开随机数、种子（开奖后）与顺序")
    Map<String, Object> get(CurrentUser user, @PathVariable long id) {
        return Map.of("round", queries.round(user, id), "places", queries.places(user, id));
    }

    @PostMapping("/{id}/publish")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "公布申请人名单（脱敏）及其 SHA-256 摘要和种子承诺")
    void publish(CurrentUser user, @PathVariable long id) {
        rounds.publish(user, id);
    }

    record PublicValue(String value) {
    }

    @PostMapping("/{id}/public-value")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "录入现场公开随机数（种子揭示之前，仅一次）")
    void publicValue(CurrentUser user, @PathVariable long id, @RequestBody PublicValue value) {
        rounds.recordPublicValue(user, id, value.value());
    }

    @PostMapping("/{id}/draw")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "揭示种子并开奖，确定选房顺序")
    void draw(CurrentUser user, @PathVariable long id) {
        rounds.draw(user, id);
    }

    record Choice(long applicantId, SelectionChoices.Outcome outcome, Long unitId) {
    }

    @PostMapping("/{id}/choices")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "按顺序登记选房结果：选定房源、放弃或未到场")
    void choose(CurrentUser user, @PathVariable long id, @RequestBody Choice choice) {
        choices.record(user, id, choice.applicantId(), choice.outcome(), choice.unitId());
    }

    record Verification(long roundId, boolean matches, String algorithm) {
    }

    @GetMapping("/{id}/verification")
    @Operation(summary = "复核：仅用公布的数据重新计算顺序，与登记的顺序比对")
    Verification verification(CurrentUser user, @PathVariable long id) {
        queries.round(user, id);
        return new Verification(id, queries.matches(id), "anju-lottery-v1");
    }

    @GetMapping("/{id}/publication")
    @Operation(summary = "供第三方复核的公布文本（text/plain，tools/lottery-verifier 读取的格式）")
    ResponseEntity<String> publication(CurrentUser user, @PathVariable long id) {
        queries.round(user, id); // in scope, or a 404 problem (checked before choosing the text representation)
        return ResponseEntity.ok()
                .contentType(new MediaType("text", "plain", StandardCharsets.UTF_8))
                .body(queries.publication(id));
    }
}
