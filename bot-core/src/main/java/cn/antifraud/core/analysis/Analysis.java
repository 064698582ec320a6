package cn.antifraud.core.analysis;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;

/**
 * The verdict on one message: intent, scam type, risk, model confidence, indicators and the warning
 * phrases that triggered it. {@link #toJson()} is the contract's {@code analysis} object (plus additions).
 */
public record Analysis(String intent, double intentConfidence, String scamType, Risk risk, double confidence,
                       double scamProbability, List<Indicator> indicators, List<Signal> signals, boolean truncated) {

    public boolean moneyMoved() {
        return signals.stream().anyMatch(s -> s.category().equals(Signal.MONEY_MOVED) || s.category().equals(Signal.MONEY_MOVING));
    }

    public boolean hasKnownBad() {
        return indicators.stream().anyMatch(Indicator::knownBad);
    }

    /** Evidence that stands without the model: a known-bad indicator or a phishing-link signal. */
    public boolean hasHardEvidence() {
        return hasKnownBad() || signals.stream().anyMatch(s -> PhishingSignals.isPhishing(s.category()));
    }

    public JsonObject toJson() {
        JsonArray inds = new JsonArray();
        for (Indicator i : indicators) {
            JsonObject o = new JsonObject().put("type", i.type())
                .put("value", i.type().equals(Indicator.ID_CARD) ? i.masked() : i.value())
                .put("knownBad", i.knownBad());
            if (i.reportCount() > 0) {
                o.put("reportCount", i.reportCount());
            }
            if (!i.note().isEmpty()) {
                o.put("note", i.note());
            }
            inds.add(o);
        }
        JsonArray sig = new JsonArray();
        for (Signal s : signals) {
            sig.add(new JsonObject().put("category", s.category()).put("phrase", s.shown()));
        }
        JsonObject json = new JsonObject()
            .put("intent", intent)
            .put("scamType", scamType)
            .put("risk", risk.id())
            .put("confidence", Math.round(confidence * 1000) / 1000.0)
            .put("indicators", inds)
            .put("signals", sig);
        if (truncated) {
            json.put("truncated", true);
        }
        return json;
    }
}
