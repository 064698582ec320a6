package cn.antifraud.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonObject;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The operator's way back in: {@code admin reset-password USER} and {@code admin unlock USER} on the service's storage. */
class AdminCommandTest {
    @TempDir
    Path dataDir;

    int admin(String stdin, ByteArrayOutputStream out, String... args) throws Exception {
        return AdminCommand.run(args, TestServer.env(dataDir, Map.of()), new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)),
            new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
    }

    @Test
    void theOperatorSetsAForgottenAdminPasswordAndUnlocksAnAccountWhileTheServiceIsStopped() throws Exception {
        try (TestServer server = TestServer.start(dataDir)) {
            assertEquals(200, new OfficerClient(server).login("admin", "test-admin-password").statusCode());
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        assertEquals(0, admin("a-new-admin-password\n", out, "reset-password", "admin"));
        assertEquals(0, admin("", out, "unlock", "admin"));
        ByteArrayOutputStream generated = new ByteArrayOutputStream();
        assertEquals(1, admin("", generated, "unlock", "nobody"), "an unknown account is an error");
        assertEquals(0, admin("", new ByteArrayOutputStream(), "--help"));
        try (TestServer server = TestServer.start(dataDir)) {
            OfficerClient c = new OfficerClient(server);
            assertEquals(401, c.login("admin", "test-admin-password").statusCode(), "the old password is gone");
            assertEquals(200, c.login("admin", "a-new-admin-password").statusCode());
            JsonObject audit = OfficerClient.loggedIn(server, "admin", "a-new-admin-password").getOk("/audit?actor=operator");
            assertTrue(audit.encode().contains("account.password") && audit.encode().contains("account.unlock"), audit.encode());
        }
        assertEquals(0, admin("", generated, "reset-password", "admin"));
        Matcher m = Pattern.compile("new password for admin: (\\S+)").matcher(generated.toString(StandardCharsets.UTF_8));
        assertTrue(m.find(), generated.toString(StandardCharsets.UTF_8));
        try (TestServer server = TestServer.start(dataDir)) {
            assertEquals(200, new OfficerClient(server).login("admin", m.group(1)).statusCode());
        }
    }
}
