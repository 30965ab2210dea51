package cn.anju.feedback.channel;

import cn.anju.shared.web.ProblemException;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.InputSource;

import java.io.StringReader;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;

/**
 * One message the WeChat server pushes to the account's server URL, in its documented plaintext XML
 * ({@code <xml><ToUserName>…<MsgType>text</MsgType><Content>…</Content><MsgId>…</MsgId></xml>}).
 *
 * @param fromUser   the sender's openid (personal data: never logged)
 * @param createTime seconds since the epoch
 * @param msgType    text, image, voice, video, location, link or event
 */
record WeChatMessage(String toUser, String fromUser, long createTime, String msgType, String content, String msgId, String event,
                     String picUrl, String mediaId) {

    boolean isText() {
        return "text".equals(msgType) && msgId != null && content != null && !content.isBlank() && fromUser != null;
    }

    /** Parsed without a DOCTYPE, external entities or XInclude: the body comes from the internet before anything trusts it. */
    static WeChatMessage parse(String xml) {
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            f.setFeature("http://xml.org/sax/features/external-general-entities", false);
            f.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
            f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            f.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            f.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            f.setXIncludeAware(false);
            f.setExpandEntityReferences(false);
            var builder = f.newDocumentBuilder();
            builder.setErrorHandler(null);
            Element root = builder.parse(new InputSource(new StringReader(xml))).getDocumentElement();
            if (!"xml".equals(root.getTagName())) {
                throw new IllegalArgumentException("root " + root.getTagName());
            }
            String created = child(root, "CreateTime");
            return new WeChatMessage(child(root, "ToUserName"), child(root, "FromUserName"), created == null ? 0 : Long.parseLong(created.trim()),
                    child(root, "MsgType"), child(root, "Content"), child(root, "MsgId"), child(root, "Event"), child(root, "PicUrl"),
                    child(root, "MediaId"));
        } catch (Exception e) {
            throw ProblemException.badRequest("WECHAT_XML", "消息体不是微信公众号的明文 XML 消息。");
        }
    }

    private static String child(Element root, String name) {
        for (Node n = root.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && e.getTagName().equals(name)) {
                return e.getTextContent();
            }
        }
        return null;
    }
}
