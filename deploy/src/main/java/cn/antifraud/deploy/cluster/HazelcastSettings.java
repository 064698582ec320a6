package cn.antifraud.deploy.cluster;

import com.hazelcast.config.Config;
import com.hazelcast.config.JoinConfig;
import com.hazelcast.config.MapConfig;
import com.hazelcast.config.MultiMapConfig;
import com.hazelcast.config.NetworkConfig;
import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * The Hazelcast configuration, built in code from {@link ClusterConfig} so no XML on the class path can change it:
 * TCP-IP join to the listed members only (multicast, auto-detection and cloud discovery off), bound to
 * {@code CLUSTER_HOST} alone on {@code CLUSTER_PORT}, no phone-home. The maps are those of vertx-hazelcast's
 * {@code default-cluster.xml}.
 */
final class HazelcastSettings {
    private HazelcastSettings() {
    }

    static Config of(ClusterConfig cluster) {
        Config config = new Config();
        config.setClusterName(cluster.name());
        config.setProperty("hazelcast.phone.home.enabled", "false");
        config.setProperty("hazelcast.logging.type", "jdk");
        // The launcher's own shutdown hook leaves the cluster after closing Vert.x; Hazelcast's would go first.
        config.setProperty("hazelcast.shutdownhook.enabled", "false");
        // Only the given address: never every interface of the machine.
        config.setProperty("hazelcast.socket.bind.any", "false");
        // A node killed with -9 is noticed within seconds, not the default minute, so its locks are freed.
        config.setProperty("hazelcast.heartbeat.interval.seconds", "1");
        config.setProperty("hazelcast.max.no.heartbeat.seconds", "8");
        // Members found at start join at once instead of after the default 5 s wait.
        config.setProperty("hazelcast.wait.seconds.before.join", "0");

        NetworkConfig network = config.getNetworkConfig();
        network.setPort(cluster.port()).setPortAutoIncrement(false);
        network.setPublicAddress(cluster.host() + ":" + cluster.port());
        network.getInterfaces().setEnabled(true).addInterface(address(cluster.host()));
        JoinConfig join = network.getJoin();
        join.getMulticastConfig().setEnabled(false);
        join.getAutoDetectionConfig().setEnabled(false);
        join.getKubernetesConfig().setEnabled(false);
        join.getAwsConfig().setEnabled(false);
        join.getTcpIpConfig().setEnabled(true).setMembers(cluster.members());

        config.addMultiMapConfig(new MultiMapConfig("__vertx.subs").setBackupCount(1)
            .setValueCollectionType(MultiMapConfig.ValueCollectionType.SET));
        config.addMapConfig(new MapConfig("__vertx.haInfo").setBackupCount(1));
        config.addMapConfig(new MapConfig("__vertx.nodeInfo").setBackupCount(1));
        return config;
    }

    /** Hazelcast matches interfaces by IP address only: a host name is resolved once, here. */
    private static String address(String host) {
        String bare = host.startsWith("[") ? host.substring(1, host.length() - 1) : host;
        try {
            return InetAddress.getByName(bare).getHostAddress();
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("CLUSTER_HOST '" + host + "' does not resolve to an address of this machine");
        }
    }
}
