package cn.antifraud.core.storage;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.backend.h2.H2Database;
import java.util.List;
import org.h2.mvstore.MVStore;

/**
 * mongo-java-server's H2 backend with documents kept as BSON and index keys compared by value
 * ({@link TypedMaps}). Only the maps' data types change; every query, index and update is the library's own.
 */
final class TypedH2Backend extends H2Backend {
    TypedH2Backend(MVStore store) {
        // The super constructor opens the databases already in the file, so their maps are typed before it runs.
        super(TypedMaps.openExisting(store));
    }

    @Override
    protected MongoDatabase openOrCreateDatabase(String databaseName) {
        return new Database(databaseName);
    }

    /** Types each map before H2Database opens it by name. An inner class: its outer store is known in the super call. */
    private final class Database extends H2Database {
        Database(String databaseName) {
            super(databaseName, getMvStore(), getCursorRegistry());
        }

        @Override
        protected MongoCollection<Object> openOrCreateCollection(String collectionName, CollectionOptions options) {
            TypedMaps.documents(getMvStore(), TypedMaps.DOCUMENTS_PREFIX + getFullCollectionNamespace(collectionName));
            return super.openOrCreateCollection(collectionName, options);
        }

        @Override
        protected Index<Object> openOrCreateUniqueIndex(String collectionName, String indexName, List<IndexKey> keys,
                boolean sparse) {
            TypedMaps.index(getMvStore(), getFullCollectionNamespace(collectionName) + TypedMaps.INDEX_INFIX + indexName);
            return super.openOrCreateUniqueIndex(collectionName, indexName, keys, sparse);
        }
    }
}
