package cn.anju.evaluation;

import org.springframework.modulith.NamedInterface;

import java.time.Instant;
import java.time.LocalDate;

/**
 * An operator's financial report for a contract (承接主体财务报告, seed 六(二)): a quarter's or a year's figures from the
 * platform's Excel template (contract income, costs by service area, staff), or the year's audit report by a licensed
 * accounting firm with its opinion. The district accepts it or returns it with a reason; a returned one is filed again.
 */
@NamedInterface("actions")
public record FinancialReport(long id, long contractId, String districtCode, long operatorId, String period, Kind kind, LocalDate dueOn,
                              Status status, Figures figures, Long firmId, Opinion opinion, String fileName, String fileSha256,
                              Instant submittedAt, String decision, int version) {

    public enum Kind {
        QUARTERLY("季度财务报告"), ANNUAL("年度财务报告"), AUDIT("年度审计报告");

        private final String label;

        Kind(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    public enum Status {
        SUBMITTED("待审核"), ACCEPTED("已接收"), RETURNED("已退回");

        private final String label;

        Status(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /** 审计意见类型. */
    public enum Opinion {
        UNQUALIFIED("无保留意见"), QUALIFIED("保留意见"), ADVERSE("否定意见"), DISCLAIMER("无法表示意见");

        private final String label;

        Opinion(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /** The template's figures, in fen (staff: people on duty at the period's end). */
    public record Figures(long incomeFen, long moveFen, long rentFen, long maintenanceFen, long generalFen, int staff) {

        public long costsFen() {
            return moveFen + rentFen + maintenanceFen + generalFen;
        }
    }
}
