package cn.antifraud.deploy.cluster;

import java.util.ArrayList;
import java.util.List;

/**
 * Whether and how this node joins the Vert.x cluster: {@code CLUSTER_MEMBERS} (the Hazelcast members to join by
 * TCP-IP; empty means the node runs alone, exactly as without clustering), {@code CLUSTER_HOST} (the address this
 * node binds and advertises for Hazelcast and the event bus), {@code CLUSTER_PORT} (its Hazelcast port) and
 * {@code CLUSTER_NAME} (keeps two clusters on one network apart).
 */
public record ClusterConfig(List<String> members, String host, int port, String name) {
    public static final String DEFAULT_HOST = "127.0.0.1";
    public static final int DEFAULT_PORT = 5701;
    public static final String DEFAULT_NAME = "antifraud";
    private static final String HOST = "[A-Za-z0-9]([A-Za-z0-9.-]{0,252})?|\\[[0-9A-Fa-f:.]+\\]|[0-9A-Fa-f:.]+";

    public ClusterConfig {
        members = List.copyOf(members);
        if (host == null || !host.matches(HOST)) {
            throw new IllegalArgumentException("CLUSTER_HOST must be an IP address or host name, got '" + host + "'");
        }
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("CLUSTER_PORT must be a number from 1 to 65535, got '" + port + "'");
        }
        if (name == null || !name.matches("[A-Za-z0-9_.-]{1,64}")) {
            throw new IllegalArgumentException("CLUSTER_NAME must be 1-64 letters, digits, '_', '.' or '-'");
        }
    }

    /** No cluster: the node runs alone. */
    public static ClusterConfig alone() {
        return new ClusterConfig(List.of(), DEFAULT_HOST, DEFAULT_PORT, DEFAULT_NAME);
    }

    /** Reads the four settings (null means unset), each validated with a message naming it. */
    public static ClusterConfig parse(String members, String host, String port, String name) {
        return new ClusterConfig(members(members), host == null ? DEFAULT_HOST : host, port(port),
            name == null ? DEFAULT_NAME : name);
    }

    public boolean enabled() {
        return !members.isEmpty();
    }

    private static List<String> members(String value) {
        List<String> out = new ArrayList<>();
        if (value == null) {
            return out;
        }
        for (String part : value.split(",")) {
            String member = part.strip();
            if (member.isEmpty()) {
                continue;
            }
            int colon = member.lastIndexOf(':');
            String host = colon < 0 ? member : member.substring(0, colon);
            boolean portOk = colon < 0 || member.substring(colon + 1).matches("[0-9]{1,5}")
                && Integer.parseInt(member.substring(colon + 1)) >= 1 && Integer.parseInt(member.substring(colon + 1)) <= 65535;
            if (!host.matches(HOST) || !portOk) {
                throw new IllegalArgumentException("CLUSTER_MEMBERS must be comma-separated host:port pairs, got '" + member + "'");
            }
            out.add(colon < 0 ? member + ":" + DEFAULT_PORT : member);
        }
        return out;
    }

    private static int port(String value) {
        if (value == null) {
            return DEFAULT_PORT;
        }
        try {
            return Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("CLUSTER_PORT must be a number from 1 to 65535, got '" + value + "'");
        }
    }
}
