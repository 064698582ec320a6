package cn.antifraud.channels.wechat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * WeChat's flat message XML ({@code <xml><ToUserName>…</ToUserName>…</xml>}), parsed with a hardened parser
 * (no DOCTYPE at all, so no external entities, no entity expansion, no external DTDs; size-limited), and the
 * passive replies rendered the way WeChat's documentation shows them.
 */
final class WeChatXml {
    /** WeChat messages are small; anything larger is not from WeChat. */
    static final int MAX_BYTES = 32 * 1024;

    private WeChatXml() {
    }

    static Map<String, String> parse(String xml) {
        if (xml.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
            throw new IllegalArgumentException("message XML too large");
        }
        try {
            DocumentBuilder builder = factory().newDocumentBuilder();
            builder.setErrorHandler(null);
            Element root = builder.parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8))).getDocumentElement();
            if (!"xml".equals(root.getTagName())) {
                throw new IllegalArgumentException("root element must be <xml>");
            }
            Map<String, String> fields = new LinkedHashMap<>();
            NodeList children = root.getChildNodes();
            for (int i = 0; i < children.getLength(); i++) {
                Node n = children.item(i);
                if (n.getNodeType() == Node.ELEMENT_NODE) {
                    fields.put(n.getNodeName(), n.getTextContent());
                }
            }
            return fields;
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException(e);
        } catch (java.io.IOException | org.xml.sax.SAXException e) {
            throw new IllegalArgumentException("malformed message XML");
        }
    }

    private static DocumentBuilderFactory factory() throws ParserConfigurationException {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        f.setFeature("http://xml.org/sax/features/external-general-entities", false);
        f.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
        f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        f.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        f.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
        f.setXIncludeAware(false);
        f.setExpandEntityReferences(false);
        f.setNamespaceAware(false);
        return f;
    }

    /** A passive text reply to {@code toUser} from the account {@code fromAccount}. */
    static String text(String toUser, String fromAccount, long createTime, String content) {
        return "<xml><ToUserName>" + cdata(toUser) + "</ToUserName><FromUserName>" + cdata(fromAccount)
            + "</FromUserName><CreateTime>" + createTime + "</CreateTime><MsgType>" + cdata("text")
            + "</MsgType><Content>" + cdata(content) + "</Content></xml>";
    }

    /** The safe-mode envelope around an encrypted reply. */
    static String encrypted(String encrypt, String msgSignature, String timestamp, String nonce) {
        return "<xml><Encrypt>" + cdata(encrypt) + "</Encrypt><MsgSignature>" + cdata(msgSignature)
            + "</MsgSignature><TimeStamp>" + timestamp + "</TimeStamp><Nonce>" + cdata(nonce) + "</Nonce></xml>";
    }

    /** CDATA section; a "]]>" inside the text is split across two sections. */
    static String cdata(String s) {
        return "<![CDATA[" + (s == null ? "" : s.replace("]]>", "]]]]><![CDATA[>")) + "]]>";
    }
}
