package cn.antifraud.deploy.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.antifraud.deploy.AppConfig;
import cn.antifraud.deploy.ConfigException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The cluster settings as an operator sets them: defaults, one clear line for each mistake. */
class ClusterSettingsTest {
    @TempDir
    Path dir;

    private Map<String, String> env(String... pairs) {
        java.util.HashMap<String, String> env = new java.util.HashMap<>(Map.of("DATA_DIR", dir.toString()));
        for (int i = 0; i < pairs.length; i += 2) {
            env.put(pairs[i], pairs[i + 1]);
        }
        return env;
    }

    @Test
    void withoutClusterMembersTheNodeRunsAloneWithTheDefaults() {
        ClusterConfig c = AppConfig.fromEnvironment(env()).cluster();
        assertFalse(c.enabled());
        assertEquals("127.0.0.1", c.host());
        assertEquals(5701, c.port());
        assertEquals("antifraud", c.name());
    }

    @Test
    void clusterMembersAreReadAsHostPortPairsAndAPortDefaultsTo5701() {
        ClusterConfig c = AppConfig.fromEnvironment(env("MONGODB_URI", "mongodb://127.0.0.1:27017", "CLUSTER_MEMBERS",
            " 10.0.0.1:5702, node-b ,", "CLUSTER_HOST", "10.0.0.1", "CLUSTER_PORT", "5702", "CLUSTER_NAME", "city-a")).cluster();
        assertTrue(c.enabled());
        assertEquals(List.of("10.0.0.1:5702", "node-b:5701"), c.members());
        assertEquals(5702, c.port());
        assertEquals("city-a", c.name());
    }

    @Test
    void eachInvalidClusterSettingStopsTheStartWithOneLineNamingIt() {
        Map<String, String[]> cases = Map.of(
            "CLUSTER_MEMBERS", new String[] {"CLUSTER_MEMBERS", "10.0.0.1:99999"},
            "CLUSTER_PORT", new String[] {"CLUSTER_PORT", "fifty"},
            "CLUSTER_HOST", new String[] {"CLUSTER_HOST", "bad host"},
            "CLUSTER_NAME", new String[] {"CLUSTER_NAME", "a b"});
        cases.forEach((name, pair) -> {
            ConfigException e = assertThrows(ConfigException.class, () -> AppConfig.fromEnvironment(
                env("MONGODB_URI", "mongodb://127.0.0.1:27017", "CLUSTER_MEMBERS", "127.0.0.1:5701", pair[0], pair[1])));
            assertTrue(e.getMessage().startsWith(name + " "), e.getMessage());
            assertFalse(e.getMessage().contains("\n"), e.getMessage());
        });
    }

    @Test
    void aStartWithClusterMembersAndNoMongodbUriStopsWithOneClearLine() throws Exception {
        JavaProcess node = JavaProcess.start("no-mongodb-uri", env("PORT", "0", "CLUSTER_MEMBERS", "127.0.0.1:5701"), "serve");
        assertEquals(2, node.waitFor(120));
        List<String> err = node.stderr();
        assertEquals(1, err.size(), String.join("\n", err));
        assertTrue(err.get(0).contains("CLUSTER_MEMBERS") && err.get(0).contains("MONGODB_URI"), err.get(0));
        assertTrue(node.stdout().isEmpty(), node.stdout().toString());
    }
}
