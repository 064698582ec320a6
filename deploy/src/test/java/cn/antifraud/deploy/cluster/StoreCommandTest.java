package cn.antifraud.deploy.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code antifraud.jar store}: prints its URI, serves the real driver, keeps the data over a SIGTERM and a restart. */
class StoreCommandTest {
    @TempDir
    Path dir;

    @Test
    void theStoreAlonePrintsItsUriServesTheDriverAndKeepsItsDataOverAStopAndAStart() throws Exception {
        Map<String, String> env = Map.of("DATA_DIR", dir.toString(), "STORE_PORT", "0", "STORE_HOST", "127.0.0.1");
        try (JavaProcess store = JavaProcess.start("store-alone", env, "store")) {
            String uri = store.awaitLine(true, l -> l.startsWith("mongodb://127.0.0.1:"), 60).strip();
            try (MongoClient client = MongoClients.create(uri)) {
                client.getDatabase("antifraud").getCollection("probe").insertOne(new Document("_id", "kept").append("n", 1));
            }
            store.terminate(30);
            assertTrue(store.stderr().contains("store stopped"), String.join("\n", store.stderr()));
        }
        assertTrue(Files.isRegularFile(dir.resolve("mongo.mv")));
        try (JavaProcess again = JavaProcess.start("store-again", env, "store")) {
            String uri = again.awaitLine(true, l -> l.startsWith("mongodb://"), 60).strip();
            try (MongoClient client = MongoClients.create(uri)) {
                Document kept = client.getDatabase("antifraud").getCollection("probe").find(new Document("_id", "kept")).first();
                assertEquals(1, kept.getInteger("n"));
            }
        }
    }

    @Test
    void storeHelpNamesItsSettings() throws Exception {
        JavaProcess help = JavaProcess.start("store-help", Map.of(), "store", "--help");
        assertEquals(0, help.waitFor(60));
        String text = String.join("\n", help.stdout());
        assertTrue(text.contains("STORE_PORT") && text.contains("STORE_HOST") && text.contains("DATA_DIR"), text);
    }
}
