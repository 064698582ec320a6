package cn.antifraud.core.training;

import cn.antifraud.core.conversation.ConversationStore;
import cn.antifraud.core.storage.Store;
import cn.antifraud.kb.KnowledgeBase;
import cn.antifraud.kb.ScamType;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Sorts;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.bson.Document;

/**
 * What supervisors review for the training corpus, all of it residents' own messages that the bot judged with a
 * verdict (taps on buttons, answers to report questions and follow-ups never are):
 * <ul>
 *   <li>unsure: the classifier's confidence was below {@link #UNSURE_BELOW};</li>
 *   <li>likely misses: judged no or low risk in a conversation that afterwards escalated to an officer or filed a
 *       report, so the bot probably missed a scam (the postal phishing text before 「我已经转了」);</li>
 * </ul>
 * and officers' proposed corrections. Messages already in the corpus are left out. Texts are masked in the list; the
 * full text is used only when a message is added. Blocking.
 */
public final class ReviewQueue {
    public static final double UNSURE_BELOW = 0.6;
    /** What a likely miss was followed by. */
    public static final String ESCALATED = "escalated";
    public static final String REPORTED = "reported";
    /** How many recent escalations and reports are searched for likely misses. */
    private static final int RECENT_OUTCOMES = 300;

    private final MongoCollection<Document> messages;
    private final MongoCollection<Document> handling;
    private final MongoCollection<Document> cases;
    private final CorpusAdditions additions;
    private final Set<String> optionTexts = new HashSet<>();

    /**
     * One message to review, with the bot's verdict at the time; {@code after} says what followed a likely miss
     * ({@link #ESCALATED} or {@link #REPORTED}), null for an unsure one.
     */
    public record Item(String messageId, String text, String predicted, double confidence, String risk, String at, String after) {
        public JsonObject toJson() {
            JsonObject json = new JsonObject().put("messageId", messageId).put("text", MaskedText.mask(text)).put("predicted", predicted)
                .put("confidence", confidence).put("risk", risk).put("at", at);
            return after == null ? json : json.put("after", after);
        }

        Item after(String outcome) {
            return new Item(messageId, text, predicted, confidence, risk, at, outcome);
        }
    }

    public ReviewQueue(Store store, CorpusAdditions additions, KnowledgeBase kb) {
        this.messages = store.collection("messages");
        this.handling = store.collection("officer_handling");
        this.cases = store.collection("cases");
        this.additions = additions;
        for (ScamType t : kb.types().values()) {
            t.script().forEach(step -> step.choices().forEach(c -> optionTexts.add(c.text())));
            t.quiz().forEach(q -> optionTexts.addAll(q.options()));
        }
    }

    /** Unsure verdicts on residents' messages, newest first, not yet in the corpus. */
    public List<Item> unsure(int limit) {
        List<Item> out = new ArrayList<>();
        Document filter = judged().append("analysis.intent", KnowledgeBase.VERIFY_INTENT)
            .append("analysis.confidence", new Document("$lt", UNSURE_BELOW));
        for (Document d : messages.find(filter).sort(Sorts.descending("createdAt")).limit(limit * 4)) {
            Item item = toItem(d);
            if (reviewable(item)) {
                out.add(item);
                if (out.size() == limit) {
                    break;
                }
            }
        }
        return out;
    }

    /**
     * Likely misses, newest first: messages judged no or low risk before their conversation escalated or filed a
     * report (only what was said before that moment: after it, the resident is talking about the case).
     */
    public List<Item> missed(int limit) {
        Map<String, Date> escalated = firstAt(handling.find().sort(Sorts.descending("escalatedAt")).limit(RECENT_OUTCOMES),
            "_id", "escalatedAt");
        Map<String, Date> reported = firstAt(cases.find().sort(Sorts.descending("createdAt")).limit(RECENT_OUTCOMES),
            "conversationId", "createdAt");
        Set<String> conversations = new HashSet<>(escalated.keySet());
        conversations.addAll(reported.keySet());
        if (conversations.isEmpty()) {
            return List.of();
        }
        Document filter = judged().append("conversationId", new Document("$in", new ArrayList<>(conversations)))
            .append(ConversationStore.VERDICT_FIELD, new Document("$in", List.of("none", "low")));
        List<Item> out = new ArrayList<>();
        for (Document d : messages.find(filter)) {
            Date at = d.getDate("createdAt");
            String conversation = d.getString("conversationId");
            String outcome = before(at, escalated.get(conversation)) ? ESCALATED
                : before(at, reported.get(conversation)) ? REPORTED : null;
            Item item = toItem(d);
            if (outcome != null && reviewable(item)) {
                out.add(item.after(outcome));
            }
        }
        out.sort(Comparator.comparing(Item::at).reversed());
        return out.size() > limit ? out.subList(0, limit) : out;
    }

    /** The full text of a resident's message, to add it to the corpus by id. */
    public Optional<Item> message(String messageId) {
        Document d = messages.find(new Document("_id", messageId).append("sender", "resident")).first();
        return Optional.ofNullable(d).map(ReviewQueue::toItem);
    }

    /** Residents' messages the bot gave a verdict on. */
    private static Document judged() {
        return new Document("sender", "resident").append(ConversationStore.VERDICT_FIELD, new Document("$exists", true));
    }

    /** Long enough to say something, not a tapped drill or quiz option, not labelled yet. */
    private boolean reviewable(Item item) {
        String text = item.text().strip();
        return text.length() >= 6 && !optionTexts.contains(text) && !additions.contains(text);
    }

    private static boolean before(Date message, Date outcome) {
        return outcome != null && message.before(outcome);
    }

    /** Conversation id to the earliest time of the given field among the documents. */
    private static Map<String, Date> firstAt(Iterable<Document> docs, String idField, String timeField) {
        Map<String, Date> out = new HashMap<>();
        for (Document d : docs) {
            Object id = d.get(idField);
            Date at = d.getDate(timeField);
            if (id != null && at != null) {
                out.merge(id.toString(), at, (a, b) -> a.before(b) ? a : b);
            }
        }
        return out;
    }

    private static Item toItem(Document d) {
        Document a = d.get("analysis", Document.class);
        Number confidence = a == null ? null : (Number) a.get("confidence");
        return new Item(d.getString("_id"), d.getString("text"), a == null ? null : a.getString("scamType"),
            confidence == null ? 0 : confidence.doubleValue(), a == null ? null : a.getString("risk"),
            d.getDate("createdAt").toInstant().toString(), null);
    }
}
