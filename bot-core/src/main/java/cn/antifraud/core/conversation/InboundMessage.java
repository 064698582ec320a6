package cn.antifraud.core.conversation;

import java.time.Instant;

/**
 * A resident's message as any channel hands it over. {@code externalId} is the channel's own id
 * (Twilio MessageSid, WeChat MsgId) used to drop retried deliveries; null when the channel has none.
 */
public record InboundMessage(String channel, String address, String text, String externalId, Instant receivedAt) {
    public static final String WEB = "web";
    public static final String SMS = "sms";
    public static final String VOICE = "voice";
    public static final String WECHAT = "wechat";

    public String sessionKey() {
        return channel + ":" + address;
    }
}
