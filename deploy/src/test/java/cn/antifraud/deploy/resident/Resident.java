package cn.antifraud.deploy.resident;

import cn.antifraud.deploy.TestServer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;

/** One resident's web-chat session in a test: the last answer, its replies, and the transcript for failure messages. */
final class Resident {
    private final TestServer server;
    private final List<String> transcript = new ArrayList<>();
    String session;
    JsonObject last;

    Resident(TestServer server) {
        this.server = server;
    }

    /** Sends a message and returns all reply texts joined. */
    String say(String text) throws Exception {
        last = server.chat(session, text);
        session = last.getString("sessionId");
        transcript.add("> " + text + "\n" + last.getJsonArray("replies").encodePrettily());
        return text();
    }

    String text() {
        return TestServer.replyText(last);
    }

    JsonArray replies() {
        return last.getJsonArray("replies");
    }

    JsonObject lastReply() {
        return replies().getJsonObject(replies().size() - 1);
    }

    JsonArray options() {
        return lastReply().getJsonArray("options");
    }

    String state() {
        return last.getJsonObject("conversation").getString("state");
    }

    String conversationId() {
        return last.getJsonObject("conversation").getString("id");
    }

    /** The whole session as the page sees it ({@code GET /api/chat/sessions/{id}/messages}). */
    JsonArray history() throws Exception {
        return new JsonObject(server.get("/api/chat/sessions/" + session + "/messages?after=0").body()).getJsonArray("messages");
    }

    String transcript() {
        return String.join("\n", transcript);
    }

    /** A 19-digit bank card number with a valid Luhn check digit. */
    static String card(String first18) {
        int sum = 0;
        for (int i = 0; i < first18.length(); i++) {
            int d = first18.charAt(first18.length() - 1 - i) - '0';
            if (i % 2 == 0) {
                d *= 2;
                if (d > 9) {
                    d -= 9;
                }
            }
            sum += d;
        }
        return first18 + (10 - sum % 10) % 10;
    }
}
