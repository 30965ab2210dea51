package cn.anju.disclosure;

/** How the applicant wants the information (获取信息的方式): online through the case number, or by e-mail, post or in person. */
public enum InformationDelivery {
    ONLINE("网上查阅（凭编号和查询码）"), EMAIL("电子邮件"), POST("邮寄"), PICKUP("当面领取");

    private final String label;

    InformationDelivery(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
