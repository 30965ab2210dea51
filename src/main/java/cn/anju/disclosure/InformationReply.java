package cn.anju.disclosure;

/**
 * How a request for information is answered (政府信息公开条例 第三十六条): each kind the Regulations list, in the words a
 * reply uses. A reply that withholds anything states why in its text.
 */
public enum InformationReply {
    DISCLOSED("予以公开"), PARTLY_DISCLOSED("部分公开（已删除不应公开的内容）"), ALREADY_PUBLIC("已主动公开，告知获取方式"),
    NOT_DISCLOSED("不予公开"), NOT_HELD("经检索，本机关未制作或获取该信息"), NOT_OURS("不属于本机关负责公开");

    private final String label;

    InformationReply(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
