package cn.antifraud.deploy.resident;

import static org.junit.jupiter.api.Assertions.assertEquals;

import cn.antifraud.deploy.TestServer;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A web-chat turn makes only the store commands it needs, counted by the driver's own command metrics on the three
 * collections a turn touches: a new conversation writes its messages, conversation and session once each and reads
 * nothing; a continuing turn reads its open conversation once (it carries the session's counter and last time, so the
 * idle check costs nothing more) and writes its messages and the conversation once each, the session not at all.
 * Nothing else reads them for the turn, the officers' live feed included.
 */
class TurnRoundTripsTest {
    private static final Pattern COMMAND = Pattern.compile(
        "^mongodb_driver_commands_seconds_count\\{[^}]*collection=\"(sessions|conversations|messages)\"[^}]*command=\"(\\w+)\"[^}]*} ([0-9.]+)$",
        Pattern.MULTILINE);

    @TempDir
    Path dataDir;

    @Test
    void aNewTurnWritesThreeTimesAndAContinuingTurnReadsOnceAndWritesTwice() throws Exception {
        try (TestServer server = TestServer.start(dataDir)) {
            server.chat(null, "你好");
            Map<String, Long> before = commands(server);
            JsonObject first = server.chat(null, "有人打电话说是京东客服，要我转账到安全账户");
            Map<String, Long> afterNew = commands(server);
            assertEquals(Map.of("messages insert", 1L, "conversations insert", 1L, "sessions update", 1L),
                difference(before, afterNew));
            server.chat(first.getString("sessionId"), "怎么识别");
            assertEquals(Map.of("conversations find", 1L, "messages insert", 1L, "conversations findAndModify", 1L),
                difference(afterNew, commands(server)));
        }
    }

    private static Map<String, Long> commands(TestServer server) throws Exception {
        Map<String, Long> out = new TreeMap<>();
        Matcher m = COMMAND.matcher(server.get("/metrics").body());
        while (m.find()) {
            out.merge(m.group(1) + " " + m.group(2), (long) Double.parseDouble(m.group(3)), Long::sum);
        }
        return out;
    }

    private static Map<String, Long> difference(Map<String, Long> before, Map<String, Long> after) {
        Map<String, Long> out = new TreeMap<>();
        after.forEach((k, v) -> {
            long d = v - before.getOrDefault(k, 0L);
            if (d != 0) {
                out.put(k, d);
            }
        });
        return out;
    }
}
