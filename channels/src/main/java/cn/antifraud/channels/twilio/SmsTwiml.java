package cn.antifraud.channels.twilio;

import cn.antifraud.channels.text.TextChunks;
import cn.antifraud.core.conversation.Reply;
import com.twilio.twiml.MessagingResponse;
import com.twilio.twiml.messaging.Message;
import java.util.List;

/**
 * Replies as TwiML {@code <Response><Message>…</Message></Response>}: one {@code <Message>} per reply,
 * options as numbered lines, and a long reply split at sentence boundaries into several messages.
 */
final class SmsTwiml {
    /** Characters per SMS message; Twilio sends up to 1,600 but a few hundred reads well on a phone. */
    static final int MAX_MESSAGE = 320;

    private SmsTwiml() {
    }

    static String render(List<Reply> replies) {
        MessagingResponse.Builder response = new MessagingResponse.Builder();
        for (Reply reply : replies) {
            for (String part : TextChunks.split(reply.plainText(), MAX_MESSAGE)) {
                response.message(new Message.Builder(part).build());
            }
        }
        return response.build().toXml();
    }

    static String text(String text) {
        return render(List.of(Reply.of(text)));
    }

    static String empty() {
        return new MessagingResponse.Builder().build().toXml();
    }
}
