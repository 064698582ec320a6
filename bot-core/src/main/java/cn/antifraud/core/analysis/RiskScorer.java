package cn.antifraud.core.analysis;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Combines the detector's calibrated scam probability, the pressure signals and the indicators into a risk level, as
 * taxonomy.md describes: known-bad indicators lift to at least medium; money sent or being sent is high. A model
 * guess alone never makes medium: medium needs the calibrated probability over the detector's cutoff, or a strong
 * signal (a phishing link, or two strong pressure signals the detector does not dismiss).
 */
public final class RiskScorer {
    private static final Set<String> STRONG = Set.of("transfer", "fee_first", "screen_share", "secrecy", "credentials");
    /** Calibrated P(scam) from which a detected scam with a strong signal or a contact is high. */
    static final double SURE = 0.9;
    /**
     * Calibrated P(scam) a detection needs to be medium when nothing else speaks for it (no signal at all): chosen on
     * leave-one-style-out (docs/evaluation.md), where bare detections between the cutoff and this held most of the
     * false alarms on ordinary chat and notices.
     */
    static final double BARE = 0.6;
    /** Below the cutoff, from here a message is worth a closer look (low). */
    static final double LOOK_CLOSER = 0.25;

    private final double bare;

    public RiskScorer() {
        this(BARE);
    }

    /** With another {@link #BARE} level: for choosing it on leave-one-style-out. */
    RiskScorer(double bare) {
        this.bare = bare;
    }

    /**
     * @param detected the detector's calibrated P(scam) reached its cutoff
     * @param scamProbability the detector's calibrated P(scam)
     * @param moneyTalk the resident is talking about their own money (report / money-sent intent)
     */
    public Risk score(boolean detected, double scamProbability, List<Signal> signals, List<Indicator> indicators,
                      boolean moneyTalk) {
        Set<String> categories = signals.stream().map(Signal::category)
            .filter(c -> !c.equals(Signal.MONEY_MOVED) && !c.equals(Signal.MONEY_MOVING)).collect(Collectors.toSet());
        long strong = categories.stream().filter(STRONG::contains).count();
        boolean phishing = categories.stream().anyMatch(PhishingSignals::isPhishing);
        boolean knownBad = indicators.stream().anyMatch(Indicator::knownBad);
        boolean contact = indicators.stream().anyMatch(i -> i.isTraceable() && !i.type().equals(Indicator.APP));
        boolean lookalike = indicators.stream().anyMatch(i -> !i.note().isEmpty() && !i.knownBad());
        boolean moneyMoved = signals.stream().anyMatch(s -> s.category().equals(Signal.MONEY_MOVED)
            || s.category().equals(Signal.MONEY_MOVING));

        // "骗了两万" says in the resident's own words that money went to a scammer, whatever the model thinks
        boolean saysScammed = signals.stream().anyMatch(s -> s.category().equals(Signal.MONEY_MOVED) && s.phrase().contains("骗"));
        // "我的卡被盗刷了", "卡里一万多被转走了": money taken from the resident's own account, by whatever means; a
        // stop-payment is what helps, so it is high even when the message reads like nothing else the models know
        boolean taken = signals.stream().anyMatch(s -> s.category().equals(Signal.MONEY_MOVED) && SignalDetector.TAKEN.matcher(s.phrase()).find());

        // money that moved is high when something says it went to a scammer (the model, a known-bad contact, the
        // resident's own 「被骗了」); a transfer told with no sign of a scam at all (rent to a landlord, a red envelope
        // to a parent) is not an emergency, whatever the intent model says
        boolean doubtful = scamProbability >= LOOK_CLOSER;
        Risk risk;
        if (moneyMoved && (detected || knownBad || taken || saysScammed && moneyTalk || doubtful && (moneyTalk || saysScammed))) {
            risk = Risk.HIGH;
        } else if (detected && categories.isEmpty() && !moneyMoved && !knownBad && scamProbability < bare) {
            risk = Risk.LOW;
        } else if (detected) {
            boolean sure = scamProbability >= SURE;
            if (sure && (strong >= 1 || categories.size() >= 2 || knownBad || contact) || strong >= 2 || knownBad) {
                risk = Risk.HIGH;
            } else {
                risk = Risk.MEDIUM;
            }
        } else if (phishing || strong >= 2 && scamProbability >= 0.3) {
            risk = Risk.MEDIUM;
        } else if (doubtful || !categories.isEmpty() || lookalike) {
            risk = Risk.LOW;
        } else {
            risk = Risk.NONE;
        }
        return knownBad ? risk.atLeast(Risk.MEDIUM) : risk;
    }
}
