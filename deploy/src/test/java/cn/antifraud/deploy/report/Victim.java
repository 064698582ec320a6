package cn.antifraud.deploy.report;

import cn.antifraud.deploy.TestServer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;

/** One resident's web-chat session in a test, keeping the transcript for failure messages. */
final class Victim {
    private final TestServer server;
    private final List<String> transcript = new ArrayList<>();
    private String session;
    JsonObject last;

    Victim(TestServer server) {
        this.server = server;
    }

    /** Sends a message and returns all reply texts joined. */
    String say(String text) throws Exception {
        last = server.chat(session, text);
        session = last.getString("sessionId");
        String reply = TestServer.replyText(last);
        transcript.add("> " + text + "\n" + reply);
        return reply;
    }

    String state() {
        return last.getJsonObject("conversation").getString("state");
    }

    String conversationId() {
        return last.getJsonObject("conversation").getString("id");
    }

    JsonArray options() {
        JsonArray replies = last.getJsonArray("replies");
        return replies.getJsonObject(replies.size() - 1).getJsonArray("options");
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
