package cn.antifraud.core.storage;

import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.Missing;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.wire.bson.BsonDecoder;
import de.bwaldvogel.mongo.wire.bson.BsonEncoder;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.h2.mvstore.DataUtils;
import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.BasicDataType;

/**
 * The key of a unique index in the embedded store: the indexed values of one document ({@link KeyValue}). H2's
 * default type compares such keys by Java-serialising both sides on every comparison of every B-tree search,
 * which made each insert's unique checks the costliest part of a write. This type compares values directly: by a
 * kind (absent, null, number, string, anything else), then by value (numbers numerically, strings by
 * {@link String#compareTo}, other values by their Java type and BSON bytes). Absent, null, numbers and strings are
 * equal exactly when they are equal values; other values when their BSON is the same (so two sub-documents with the
 * same fields in another order are different keys, as they were under the default type). The order only has to be
 * total and stable.
 */
final class IndexKeyType extends BasicDataType<KeyValue> {
    static final IndexKeyType INSTANCE = new IndexKeyType();
    private static final byte MISSING = 0;
    private static final byte NULL = 1;
    private static final byte NUMBER = 2;
    private static final byte STRING = 3;
    private static final byte OTHER = 4;

    private IndexKeyType() {
    }

    @Override
    public KeyValue[] createStorage(int size) {
        return new KeyValue[size];
    }

    @Override
    public int compare(KeyValue a, KeyValue b) {
        int n = Math.min(a.size(), b.size());
        for (int i = 0; i < n; i++) {
            int c = compareValues(a.get(i), b.get(i));
            if (c != 0) {
                return c;
            }
        }
        return Integer.compare(a.size(), b.size());
    }

    private static int compareValues(Object a, Object b) {
        byte ka = kind(a);
        byte kb = kind(b);
        if (ka != kb) {
            return Byte.compare(ka, kb);
        }
        return switch (ka) {
            case NUMBER -> Double.compare(((Double) a).doubleValue(), ((Double) b).doubleValue());
            case STRING -> ((String) a).compareTo((String) b);
            case OTHER -> compareOther(a, b);
            default -> 0;
        };
    }

    private static int compareOther(Object a, Object b) {
        int c = a.getClass().getName().compareTo(b.getClass().getName());
        return c != 0 ? c : Arrays.compare(bson(a), bson(b));
    }

    private static byte kind(Object value) {
        if (value instanceof Missing) {
            return MISSING;
        }
        if (value == null) {
            return NULL;
        }
        if (value instanceof Double) {
            return NUMBER;
        }
        if (value instanceof String) {
            return STRING;
        }
        return OTHER;
    }

    /** One value as a one-field BSON document, the encoding that holds every type a document can hold. */
    private static byte[] bson(Object value) {
        ByteBuf buf = Unpooled.buffer(64);
        BsonEncoder.encodeDocument(new Document("v", value), buf);
        byte[] bytes = new byte[buf.readableBytes()];
        buf.readBytes(bytes);
        return bytes;
    }

    @Override
    public void write(WriteBuffer buff, KeyValue key) {
        buff.putVarInt(key.size());
        for (Object value : key) {
            byte kind = kind(value);
            buff.put(kind);
            switch (kind) {
                case NUMBER -> buff.putDouble((Double) value);
                case STRING -> {
                    byte[] utf8 = ((String) value).getBytes(StandardCharsets.UTF_8);
                    buff.putVarInt(utf8.length).put(utf8);
                }
                case OTHER -> {
                    byte[] bytes = bson(value);
                    buff.putVarInt(bytes.length).put(bytes);
                }
                default -> {
                }
            }
        }
    }

    @Override
    public KeyValue read(ByteBuffer buff) {
        int size = DataUtils.readVarInt(buff);
        List<Object> values = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            byte kind = buff.get();
            switch (kind) {
                case MISSING -> values.add(Missing.getInstance());
                case NULL -> values.add(null);
                case NUMBER -> values.add(buff.getDouble());
                case STRING -> values.add(new String(bytes(buff), StandardCharsets.UTF_8));
                case OTHER -> values.add(BsonDecoder.decodeBson(Unpooled.wrappedBuffer(bytes(buff))).get("v"));
                default -> throw new IllegalStateException("embedded store: unknown index key kind " + kind);
            }
        }
        return new KeyValue(values);
    }

    private static byte[] bytes(ByteBuffer buff) {
        byte[] bytes = new byte[DataUtils.readVarInt(buff)];
        buff.get(bytes);
        return bytes;
    }

    @Override
    public int getMemory(KeyValue key) {
        int size = 40;
        for (Object value : key) {
            size += value instanceof String s ? 40 + 2 * s.length() : 24;
        }
        return size;
    }
}
