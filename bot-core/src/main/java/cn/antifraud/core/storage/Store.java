package cn.antifraud.core.storage;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.ReadConcern;
import com.mongodb.WriteConcern;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;
import org.bson.Document;

/**
 * The MongoDB connection, through the real driver, with majority write concern. Owns the embedded server
 * when there is no {@code MONGODB_URI}. Every repository writes through here and calls
 * {@link #written()} after an acknowledged write so the embedded store flushes it to disk.
 */
public final class Store implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(Store.class.getName());

    private final MongoClient client;
    private final MongoDatabase database;
    private final EmbeddedMongo embedded;

    private Store(MongoClient client, MongoDatabase database, EmbeddedMongo embedded) {
        this.client = client;
        this.database = database;
        this.embedded = embedded;
    }

    public static Store open(StorageConfig config) {
        EmbeddedMongo embedded = null;
        String uri = config.uri();
        if (config.embedded()) {
            embedded = EmbeddedMongo.start(config.dataDir());
            uri = embedded.connectionString();
            LOG.info("embedded storage under " + config.dataDir().toAbsolutePath());
        }
        MongoClientSettings settings = MongoClientSettings.builder()
            .applyConnectionString(new ConnectionString(uri))
            .writeConcern(WriteConcern.MAJORITY.withWTimeout(10, TimeUnit.SECONDS))
            .readConcern(config.embedded() ? ReadConcern.DEFAULT : ReadConcern.MAJORITY)
            .applyToClusterSettings(b -> b.serverSelectionTimeout(10, TimeUnit.SECONDS))
            .applicationName("antifraud")
            .build();
        MongoClient client = MongoClients.create(settings);
        return new Store(client, client.getDatabase(config.database()), embedded);
    }

    public MongoCollection<Document> collection(String name) {
        return database.getCollection(name);
    }

    /** Call after an acknowledged write: makes it durable in the embedded store (no-op on a real deployment). */
    public void written() {
        if (embedded != null) {
            embedded.commit();
        }
    }

    /** Whether the database answers a ping. */
    public boolean ping() {
        try {
            database.runCommand(new Document("ping", 1));
            return true;
        } catch (RuntimeException e) {
            return false;
        }
    }

    public boolean embedded() {
        return embedded != null;
    }

    @Override
    public void close() {
        client.close();
        if (embedded != null) {
            embedded.commit();
            embedded.close();
        }
    }
}
