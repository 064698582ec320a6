package cn.antifraud.channels.webchat;

import cn.antifraud.core.analysis.Masking;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/**
 * The analysis object as the residents' API shows it: phone numbers and bank cards (and other accounts) found in
 * the text are masked, so a verdict or a transcript fetched by its bare session id does not repeat them in full.
 * The stored analysis keeps the full values for the officers' work (cases, linked reports).
 */
final class MaskedAnalysis {
    private MaskedAnalysis() {
    }

    static JsonObject of(JsonObject analysis) {
        if (analysis == null) {
            return null;
        }
        JsonObject copy = analysis.copy();
        JsonArray indicators = copy.getJsonArray("indicators");
        if (indicators != null) {
            for (int i = 0; i < indicators.size(); i++) {
                if (indicators.getValue(i) instanceof JsonObject indicator && indicator.getString("type") != null) {
                    indicator.put("value", Masking.mask(indicator.getString("type"), indicator.getString("value")));
                }
            }
        }
        return copy;
    }

    /** A stored message as JSON with its analysis (if any) masked. */
    static JsonObject inMessage(JsonObject message) {
        if (message.getValue("analysis") instanceof JsonObject analysis) {
            message.put("analysis", of(analysis));
        }
        return message;
    }
}
