package cn.antifraud.core.storage;

import java.nio.file.Path;

/**
 * Where data lives: a real MongoDB deployment ({@code MONGODB_URI}) or, without one, the embedded
 * wire-compatible server persisting under {@code DATA_DIR}.
 */
public record StorageConfig(String uri, String database, Path dataDir) {
    public StorageConfig {
        if (uri != null && !uri.isBlank() && !uri.startsWith("mongodb://") && !uri.startsWith("mongodb+srv://")) {
            throw new IllegalArgumentException("MONGODB_URI must start with mongodb:// or mongodb+srv://");
        }
        if (database == null || !database.matches("[A-Za-z0-9_\\-]{1,63}")) {
            throw new IllegalArgumentException("MONGODB_DATABASE must be 1-63 letters, digits, '_' or '-'");
        }
        if (dataDir == null) {
            throw new IllegalArgumentException("DATA_DIR must be a directory path");
        }
        uri = uri == null || uri.isBlank() ? null : uri;
    }

    public boolean embedded() {
        return uri == null;
    }
}
