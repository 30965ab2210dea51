package cn.anju.rent;

/**
 * The two accounts a lease's bills and payments keep apart: RENT (rent, market rent and their late fees: treasury
 * money, in every rent figure) and CHARGES (property service fee, water, electricity, parking: the operator's
 * service charges, never remitted and never in the rent figures). A payment pays bills of its own account only.
 */
public enum BillAccount {
    RENT("租金"), CHARGES("其他费用");

    private final String label;

    BillAccount(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
