package cn.antifraud.core.training;

import cn.antifraud.core.analysis.Evaluation;
import io.vertx.core.json.JsonObject;
import java.util.Locale;

/** A model's held-out figures: the two that decide (scam-vs-not F1, scam-type accuracy) and two shown alongside. */
public record Figures(double scamF1, double typeAccuracy, double falseAlarmRate, double intentAccuracy, int samples) {
    static final double EPSILON = 1e-9;

    static Figures of(Evaluation.Scores scam, Evaluation.Scores intents) {
        return new Figures(scam.scamF1(), scam.scamTypeAccuracy(), scam.falseAlarmRate(), intents.accuracy(), scam.truth().size());
    }

    /** Worse than {@code running} on either deciding figure. */
    public boolean worseThan(Figures running) {
        return scamF1 < running.scamF1 - EPSILON || typeAccuracy < running.typeAccuracy - EPSILON;
    }

    public JsonObject toJson() {
        return new JsonObject().put("scamF1", round(scamF1)).put("typeAccuracy", round(typeAccuracy))
            .put("falseAlarmRate", round(falseAlarmRate)).put("intentAccuracy", round(intentAccuracy)).put("samples", samples);
    }

    /** The figures in the supervisors' words: 诈骗识别 F1 0.973，类型准确率 0.944，误报率 7.5%，意图准确率 0.658. */
    public String summary() {
        return String.format(Locale.ROOT, "诈骗识别 F1 %.3f，类型准确率 %.3f，误报率 %.1f%%，意图准确率 %.3f",
            scamF1, typeAccuracy, 100 * falseAlarmRate, intentAccuracy);
    }

    private static double round(double v) {
        return Math.round(v * 10_000) / 10_000.0;
    }
}
