package cn.antifraud.core.training;

import cn.antifraud.core.storage.Store;
import cn.antifraud.kb.KnowledgeBase;
import cn.antifraud.kb.ScamType;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Sorts;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.bson.Document;

/**
 * What supervisors review for the training corpus: residents' messages the classifier was unsure about
 * (confidence below {@link #UNSURE_BELOW}) that nobody has labelled yet (tapped drill and quiz options left out), and
 * officers' proposed corrections.
 * Texts are masked in the list; the full text is used only when a message is added. Blocking.
 */
public final class ReviewQueue {
    public static final double UNSURE_BELOW = 0.6;

    private final MongoCollection<Document> messages;
    private final CorpusAdditions additions;
    private final Set<String> optionTexts = new HashSet<>();

    /** One message to review, with the bot's verdict at the time. */
    public record Item(String messageId, String text, String predicted, double confidence, String risk, String at) {
        public JsonObject toJson() {
            return new JsonObject().put("messageId", messageId).put("text", MaskedText.mask(text)).put("predicted", predicted)
                .put("confidence", confidence).put("risk", risk).put("at", at);
        }
    }

    public ReviewQueue(Store store, CorpusAdditions additions, KnowledgeBase kb) {
        this.messages = store.collection("messages");
        this.additions = additions;
        for (ScamType t : kb.types().values()) {
            t.script().forEach(step -> step.choices().forEach(c -> optionTexts.add(c.text())));
            t.quiz().forEach(q -> optionTexts.addAll(q.options()));
        }
    }

    /** Unsure verdicts on checked messages, newest first, not yet in the corpus. */
    public List<Item> unsure(int limit) {
        List<Item> out = new ArrayList<>();
        Document filter = new Document("sender", "resident").append("analysis.intent", KnowledgeBase.VERIFY_INTENT)
            .append("analysis.confidence", new Document("$lt", UNSURE_BELOW));
        for (Document d : messages.find(filter).sort(Sorts.descending("createdAt")).limit(limit * 4)) {
            Item item = toItem(d);
            String text = item.text().strip();
            // Tapped drill and quiz options are not messages to classify.
            if (text.length() >= 6 && !optionTexts.contains(text) && !additions.contains(text)) {
                out.add(item);
                if (out.size() == limit) {
                    break;
                }
            }
        }
        return out;
    }

    /** The full text of a resident's message, to add it to the corpus by id. */
    public Optional<Item> message(String messageId) {
        Document d = messages.find(new Document("_id", messageId).append("sender", "resident")).first();
        return Optional.ofNullable(d).map(ReviewQueue::toItem);
    }

    private static Item toItem(Document d) {
        Document a = d.get("analysis", Document.class);
        Number confidence = a == null ? null : (Number) a.get("confidence");
        return new Item(d.getString("_id"), d.getString("text"), a == null ? null : a.getString("scamType"),
            confidence == null ? 0 : confidence.doubleValue(), a == null ? null : a.getString("risk"),
            d.getDate("createdAt").toInstant().toString());
    }
}
