package cn.anju.identity;

import org.springframework.data.relational.core.mapping.Table;


/**
 * That an operator serves a whole district, or one project in it, for a period ({@link Assignment}), as a service contract
 * granted it: written only by {@link ContractCoverage}, read here.
 */
@Table("operator_coverage")
public class OperatorCoverage extends Assignment {

    private Long operatorId;
    private Long contractId;
    private String contractNo;
    private int windDownDays;

    OperatorCoverage() {
    }

    @Override
    String codePrefix() {
        return "COVERAGE";
    }

    @Override
    String described() {
        return "该服务范围";
    }

    public Long operatorId() {
        return operatorId;
    }

    public Long contractId() {
        return contractId;
    }

    public String contractNo() {
        return contractNo;
    }

    public int windDownDays() {
        return windDownDays;
    }
}
