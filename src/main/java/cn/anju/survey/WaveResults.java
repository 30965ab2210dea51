package cn.anju.survey;

import io.swagger.v3.oas.annotations.media.Schema;

import java.time.LocalDate;
import java.util.List;

/**
 * A wave's results as anyone allowed to read them sees them: response rates, and per question figures that are
 * suppressed (no figures at all) where fewer than five answers stand behind them or where showing them would let a
 * hidden group be recovered by subtraction.
 */
public record WaveResults(long waveId, String title, WaveStatus status, RunBy runBy, String districtCode, LocalDate startsOn,
                          LocalDate endsOn,
                          @Schema(description = "调查发送的户数") int sent,
                          @Schema(description = "已作答的户数") int answered,
                          @Schema(description = "应答率，0-1 的小数；未发送时为空") Double responseRate,
                          @Schema(description = "评分题（全波次）") List<Rating> questions,
                          @Schema(description = "按项目分组：发送和作答户数；某题作答不足5份的组及其互补组不显示该题数字") List<Group> groups,
                          List<Choice> choices, List<Comments> comments) {

    /**
     * One rating question's figures; all null when {@code suppressed}.
     *
     * @param marginOfError the larger distance from the share to an end of its interval
     */
    public record Rating(String code, String text, String indicator, Integer answers, Double mean, Double satisfactionShare,
                         Double ciLow, Double ciHigh, Double marginOfError, List<Integer> distribution, boolean suppressed) {

        static Rating hidden(Question q) {
            return new Rating(q.code(), q.text(), q.indicator() == null ? null : q.indicator().name(), null, null, null, null,
                    null, null, null, true);
        }
    }

    /** A project's participation, and its figures per rating question; {@code suppressed} when none of them is shown. */
    public record Group(long projectId, String projectName, int sent, int answered, Double responseRate, boolean suppressed,
                        List<Rating> questions) {
    }

    public record Choice(String code, String text, List<Option> options, boolean suppressed) {
    }

    public record Option(String option, Integer count) {
    }

    public record Comments(String code, String text, List<String> answers, boolean suppressed) {
    }

    /** Whether the wave's results are final: closed, every answer written. */
    public boolean complete() {
        return status == WaveStatus.CLOSED;
    }

}
