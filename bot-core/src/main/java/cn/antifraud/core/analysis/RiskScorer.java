package cn.antifraud.core.analysis;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Combines the model's scam probability, the pressure signals and the indicators into a risk level, as
 * taxonomy.md describes: known-bad indicators lift to at least medium; money sent or being sent is high.
 */
public final class RiskScorer {
    private static final Set<String> STRONG = Set.of("transfer", "fee_first", "screen_share", "secrecy", "credentials");

    /**
     * @param modelSaysScam the model's best label is a scam type (not none)
     * @param scamProbability 1 - P(none)
     * @param moneyTalk the resident is talking about their own money (report / money-sent intent)
     */
    public Risk score(boolean modelSaysScam, double scamProbability, List<Signal> signals, List<Indicator> indicators,
                      boolean moneyTalk) {
        Set<String> categories = signals.stream().map(Signal::category)
            .filter(c -> !c.equals(Signal.MONEY_MOVED) && !c.equals(Signal.MONEY_MOVING)).collect(Collectors.toSet());
        long strong = categories.stream().filter(STRONG::contains).count();
        boolean knownBad = indicators.stream().anyMatch(Indicator::knownBad);
        boolean contact = indicators.stream().anyMatch(i -> i.isTraceable() && !i.type().equals(Indicator.APP));
        boolean lookalike = indicators.stream().anyMatch(i -> !i.note().isEmpty() && !i.knownBad());
        boolean moneyMoved = signals.stream().anyMatch(s -> s.category().equals(Signal.MONEY_MOVED)
            || s.category().equals(Signal.MONEY_MOVING));

        // "骗了两万" says in the resident's own words that money went to a scammer, whatever the model thinks
        boolean saysScammed = signals.stream().anyMatch(s -> s.category().equals(Signal.MONEY_MOVED) && s.phrase().contains("骗"));

        Risk risk;
        if (moneyMoved && (modelSaysScam || moneyTalk || knownBad || saysScammed)) {
            risk = Risk.HIGH;
        } else if (modelSaysScam) {
            boolean sure = scamProbability >= 0.8;
            if (sure && (strong >= 1 || categories.size() >= 2 || knownBad || contact) || strong >= 2 || knownBad) {
                risk = Risk.HIGH;
            } else {
                risk = Risk.MEDIUM;
            }
        } else if (strong >= 2 && scamProbability >= 0.3 || categories.size() >= 3) {
            risk = Risk.MEDIUM;
        } else if (scamProbability >= 0.35 || !categories.isEmpty() || lookalike) {
            risk = Risk.LOW;
        } else {
            risk = Risk.NONE;
        }
        return knownBad ? risk.atLeast(Risk.MEDIUM) : risk;
    }
}
