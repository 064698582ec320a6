package cn.antifraud.core.storage;

import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.wire.bson.BsonDecoder;
import de.bwaldvogel.mongo.wire.bson.BsonEncoder;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.nio.ByteBuffer;
import java.util.Collection;
import java.util.Map;
import org.h2.mvstore.DataUtils;
import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.BasicDataType;
import org.h2.mvstore.type.ObjectDataType;

/**
 * How the embedded store keeps a document on disk: as BSON, the bytes MongoDB itself stores. The H2 backend's
 * default is Java serialization, which builds an {@code ObjectOutputStream} per document and, because H2 also
 * asks every value's size on every put, serialised each document twice per write; under the store's single
 * lock that was most of a chat turn's cost. Documents written by the default type (tag {@link #LEGACY}) are still
 * read, so a data file from an earlier version opens unchanged and is rewritten as BSON page by page.
 */
final class StoredDocumentType extends BasicDataType<Document> {
    static final StoredDocumentType INSTANCE = new StoredDocumentType();
    /** The first byte H2's {@link ObjectDataType} writes for a serialized object. */
    private static final int LEGACY = 19;
    /** The first byte of a BSON document; {@link ObjectDataType} never writes it first (its tags end at 119). */
    private static final int BSON = 127;
    private static final ObjectDataType LEGACY_TYPE = new ObjectDataType();
    private static final ThreadLocal<ByteBuf> BUFFER = ThreadLocal.withInitial(() -> Unpooled.buffer(1024));
    private static final int MAX_KEPT_BUFFER = 1 << 20;

    private StoredDocumentType() {
    }

    @Override
    public Document[] createStorage(int size) {
        return new Document[size];
    }

    @Override
    public void write(WriteBuffer buff, Document document) {
        ByteBuf bson = BUFFER.get();
        bson.clear();
        try {
            BsonEncoder.encodeDocument(document, bson);
            buff.put((byte) BSON).putVarInt(bson.readableBytes()).put(bson.array(), bson.arrayOffset() + bson.readerIndex(),
                bson.readableBytes());
        } finally {
            if (bson.capacity() > MAX_KEPT_BUFFER) {
                BUFFER.remove();
            }
        }
    }

    @Override
    public Document read(ByteBuffer buff) {
        int tag = buff.get(buff.position()) & 0xFF;
        if (tag == LEGACY) {
            return (Document) LEGACY_TYPE.read(buff);
        }
        if (tag != BSON) {
            throw new IllegalStateException("embedded store: unknown document format " + tag + " at " + buff.position());
        }
        buff.get();
        int length = DataUtils.readVarInt(buff);
        ByteBuffer slice = buff.slice();
        slice.limit(length);
        buff.position(buff.position() + length);
        return BsonDecoder.decodeBson(Unpooled.wrappedBuffer(slice));
    }

    /**
     * A size estimate for H2's page and cache accounting, by walking the document instead of encoding it: it is
     * asked on every put, and only has to be roughly right.
     */
    @Override
    public int getMemory(Document document) {
        return 24 + estimate(document);
    }

    private static int estimate(Object value) {
        if (value instanceof String s) {
            return 40 + 2 * s.length();
        }
        if (value instanceof Map<?, ?> map) {
            int size = 48;
            for (Map.Entry<?, ?> e : map.entrySet()) {
                size += 32 + estimate(e.getKey()) + estimate(e.getValue());
            }
            return size;
        }
        if (value instanceof Collection<?> list) {
            int size = 40;
            for (Object o : list) {
                size += 8 + estimate(o);
            }
            return size;
        }
        if (value instanceof byte[] bytes) {
            return 16 + bytes.length;
        }
        return 24;
    }
}
