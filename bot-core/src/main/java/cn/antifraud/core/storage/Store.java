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
 * when there is no {@code MONGODB_URI}. Durability belongs to the server: a real replica set acknowledges a
 * majority write once it is journaled, the embedded one once it is committed to its file; callers only write.
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

    /** The embedded server, when there is no {@code MONGODB_URI}. */
    public java.util.Optional<EmbeddedMongo> embeddedServer() {
        return java.util.Optional.ofNullable(embedded);
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
            embedded.close();
        }
    }
}
