package cn.antifraud.deploy.channels;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.antifraud.core.conversation.ConversationStore;
import cn.antifraud.core.conversation.Message;
import cn.antifraud.core.conversation.Reply;
import cn.antifraud.deploy.TestServer;
import java.io.File;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A delivery (MessageSid) is stored with its message in one write, and a retry of a delivery whose turn was not
 * finished finishes it: no SMS is lost to a crash between the two (issue 11, item 4).
 */
class SmsDeliveryRecoveryTest {
    private static final int IN_FLIGHT = 12;

    @TempDir
    Path dataDir;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Test
    void aRetryOfADeliveryStoredBeforeItsConversationWasSavedFinishesTheTurn() throws Exception {
        try (TestServer server = TestServer.start(dataDir)) {
            ConversationStore store = server.app().router().store();
            String phone = "+8613900000999";
            // What a process killed right after storing the turn's messages leaves behind: no conversation saved.
            store.storeTurn("sms:" + phone, "c-unfinished", "sms:SMunfinished", "我被骗了，我要报案",
                server.app().router().analyzer().analyze("我被骗了，我要报案").toJson(),
                List.of(new Reply("已为您记录，正在帮您登记报案。", List.of())), -1, null, 0);
            HttpResponse<String> retry = Webhooks.postForm(server, "/twilio/sms",
                Map.of("From", phone, "Body", "我被骗了，我要报案", "MessageSid", "SMunfinished"), null);
            assertEquals(200, retry.statusCode());
            assertTrue(retry.body().contains("已为您记录，正在帮您登记报案。"), retry.body());
            var conversation = store.openConversation("sms:" + phone).orElseThrow();
            assertEquals("c-unfinished", conversation.id());
            assertNotNull(conversation.flow(), "the report flow the stored message started is under way");
            assertEquals(1, residentMessages(store, phone), "the retry stored nothing twice");
        }
    }

    @Test
    void smsInFlightWhenTheServerIsKilledAreAllAnsweredOnRetryAndStoredOnce() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        ProcessBuilder pb = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
            "-cp", System.getProperty("java.class.path"), "cn.antifraud.deploy.Main");
        pb.environment().putAll(TestServer.env(dataDir, Map.of("PORT", String.valueOf(port), "RATE_LIMIT_PER_MINUTE", "0")));
        File log = dataDir.resolve("server.log").toFile();
        pb.redirectErrorStream(true).redirectOutput(log);
        Process process = pb.start();
        String base = "http://localhost:" + port;
        try {
            waitForHealth(base, process, log);
            List<CompletableFuture<HttpResponse<String>>> sent = new ArrayList<>();
            for (int i = 0; i < IN_FLIGHT; i++) {
                sent.add(http.sendAsync(sms(base, i), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8)));
            }
            // kill -9 as soon as the first is answered: the others are somewhere between arrival and answer
            CompletableFuture.anyOf(sent.toArray(CompletableFuture[]::new)).get(60, TimeUnit.SECONDS);
        } finally {
            process.destroyForcibly();
            process.waitFor(30, TimeUnit.SECONDS);
        }
        try (TestServer server = TestServer.start(dataDir)) {
            for (int i = 0; i < IN_FLIGHT; i++) {
                HttpResponse<String> again = http.send(sms(server.url(""), i), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
                assertEquals(200, again.statusCode(), again.body());
                assertTrue(again.body().contains("<Message>"), "SMS " + i + " got no answer on retry: " + again.body());
                assertEquals(1, residentMessages(server.app().router().store(), phone(i)), "SMS " + i + " stored once");
            }
        }
    }

    private static long residentMessages(ConversationStore store, String phone) {
        return store.messagesAfter("sms:" + phone, 0, 100).stream().filter(m -> Message.RESIDENT.equals(m.sender())).count();
    }

    private static String phone(int i) {
        return String.format("+86139%08d", 7000 + i);
    }

    private static HttpRequest sms(String base, int i) {
        String form = Webhooks.form(Map.of("From", phone(i), "Body", "我刚才被骗了，转了五千块", "MessageSid", "SMkill" + i));
        return HttpRequest.newBuilder(URI.create(base.replaceAll("/$", "") + "/twilio/sms")).timeout(Duration.ofSeconds(30))
            .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(form)).build();
    }

    private void waitForHealth(String base, Process process, File log) throws Exception {
        for (int i = 0; i < 600; i++) {
            if (!process.isAlive()) {
                throw new AssertionError("server exited: " + Files.readString(log.toPath()));
            }
            try {
                if (http.send(HttpRequest.newBuilder(URI.create(base + "/health")).GET().build(),
                        HttpResponse.BodyHandlers.ofString()).statusCode() == 200) {
                    return;
                }
            } catch (java.io.IOException e) {
                // not listening yet
            }
            Thread.sleep(200);
        }
        throw new AssertionError("server did not become healthy: " + Files.readString(log.toPath()));
    }
}
