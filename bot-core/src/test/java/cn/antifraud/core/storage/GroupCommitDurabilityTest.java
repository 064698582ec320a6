package cn.antifraud.core.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Group commit loses nothing: every write acknowledged to one of many concurrent writers survives kill -9. */
class GroupCommitDurabilityTest {
    private static final int WRITERS = 32;
    private static final int KILL_AFTER_ACKS = 3_000;

    @TempDir
    Path dataDir;

    @Test
    void everyWriteAcknowledgedToManyConcurrentWritersSurvivesAKilledProcess() throws Exception {
        ProcessBuilder pb = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
            "-Xmx256m", "-cp", System.getProperty("java.class.path"), ConcurrentWriters.class.getName(),
            dataDir.toString(), String.valueOf(WRITERS));
        pb.redirectError(ProcessBuilder.Redirect.DISCARD);
        Process process = pb.start();
        List<String> acknowledged = new ArrayList<>();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while (acknowledged.size() < KILL_AFTER_ACKS && (line = out.readLine()) != null) {
                if (line.startsWith("ack ")) {
                    acknowledged.add(line.substring(4));
                }
            }
            // SIGKILL while the writers are busy: no shutdown hook, no final commit
            process.destroyForcibly();
            process.waitFor(30, TimeUnit.SECONDS);
        }
        assertTrue(acknowledged.size() >= KILL_AFTER_ACKS, "the writers stopped early: " + acknowledged.size());

        try (Store store = Store.open(new StorageConfig(null, "durability", dataDir))) {
            Set<String> stored = new HashSet<>();
            for (Document d : store.collection("acknowledged").find()) {
                stored.add(d.getString("_id"));
            }
            List<String> lost = acknowledged.stream().filter(id -> !stored.contains(id)).toList();
            assertEquals(List.of(), lost, "acknowledged writes lost after kill -9");
        }
    }
}
