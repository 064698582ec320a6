package cn.antifraud.core.storage;

import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.bson.Document;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.logging.Logger;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;

/**
 * Opens the embedded store's maps with their own data types ({@link StoredDocumentType}, {@link IndexKeyType})
 * before the H2 backend asks for them by name: {@code MVStore.openMap(name)} returns a map already open, so the
 * backend then works on the typed one. H2 does not record a map's types in the file, so a data file of an
 * earlier version is recognised by the format marker this class keeps for every index map. Documents of either
 * format are read directly; an index map of the earlier format (ordered by its keys' Java serialization) is
 * rebuilt once, in key order of the new type, and then marked.
 */
final class TypedMaps {
    private static final Logger LOG = Logger.getLogger(TypedMaps.class.getName());
    /** H2Database's map names: {@code databases.<db>.<collection>} and {@code <db>.<collection>._index_<name>}. */
    static final String DOCUMENTS_PREFIX = "databases.";
    static final String INDEX_INFIX = "._index_";
    private static final String FORMATS = "antifraud.storage-formats";
    private static final int TYPED = 2;

    private TypedMaps() {
    }

    /** Opens every map the backend will open at start, with its type. */
    static MVStore openExisting(MVStore store) {
        for (String name : List.copyOf(store.getMapNames())) {
            if (name.startsWith(DOCUMENTS_PREFIX)) {
                documents(store, name);
            } else if (name.contains(INDEX_INFIX)) {
                index(store, name);
            }
        }
        return store;
    }

    static void documents(MVStore store, String name) {
        store.openMap(name, new MVMap.Builder<Object, Document>().valueType(StoredDocumentType.INSTANCE));
    }

    static void index(MVStore store, String name) {
        MVMap<String, Integer> formats = store.openMap(FORMATS);
        if (store.hasMap(name) && !Integer.valueOf(TYPED).equals(formats.get(name))) {
            rebuild(store, name);
        }
        store.openMap(name, new MVMap.Builder<KeyValue, Object>().keyType(IndexKeyType.INSTANCE));
        formats.putIfAbsent(name, TYPED);
    }

    /**
     * Re-keys an index map written with H2's default type. The new map is filled under a temporary name, so a
     * process killed half-way leaves the old index whole (the next start begins again); the swap and the marker
     * are then made in memory and reach the file in one commit.
     */
    private static void rebuild(MVStore store, String name) {
        String temporary = name + ".rebuilding";
        if (store.hasMap(temporary)) {
            store.removeMap(temporary);
        }
        MVMap<Object, Object> old = store.openMap(name);
        MVMap<KeyValue, Object> rebuilt = store.openMap(temporary,
            new MVMap.Builder<KeyValue, Object>().keyType(IndexKeyType.INSTANCE));
        List<Map.Entry<Object, Object>> entries = new ArrayList<>(old.entrySet());
        for (Map.Entry<Object, Object> e : entries) {
            rebuilt.put((KeyValue) e.getKey(), e.getValue());
        }
        store.removeMap(old);
        store.renameMap(rebuilt, name);
        store.openMap(FORMATS).put(name, TYPED);
        store.commit();
        LOG.info("embedded store: index " + name + " rebuilt in the typed format (" + entries.size() + " keys)");
    }
}
