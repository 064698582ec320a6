package cn.antifraud.core.training;

import cn.antifraud.core.storage.Store;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import io.vertx.core.json.JsonObject;
import java.util.Optional;
import java.util.logging.Logger;
import org.bson.Document;

/**
 * Retraining runs as supervisors follow them, stored ({@code training_jobs}, one document per run) so the console's
 * progress poll is answered by whichever node the load balancer picks, not only the one training. Blocking calls.
 */
public final class TrainingJobs {
    private static final Logger LOG = Logger.getLogger(TrainingJobs.class.getName());

    private final MongoCollection<Document> collection;

    public TrainingJobs(Store store) {
        this.collection = store.collection("training_jobs");
    }

    void save(JsonObject job) {
        try {
            collection.replaceOne(Filters.eq("_id", job.getString("id")), new Document("_id", job.getString("id"))
                .append("json", job.encode()), new ReplaceOptions().upsert(true));
        } catch (RuntimeException e) {
            // Progress is a view; the run goes on, and this node still answers for it.
            LOG.warning("training progress not stored: " + e.getMessage());
        }
    }

    Optional<JsonObject> find(String id) {
        Document d = collection.find(Filters.eq("_id", id)).first();
        return d == null ? Optional.empty() : Optional.of(new JsonObject(d.getString("json")));
    }
}
