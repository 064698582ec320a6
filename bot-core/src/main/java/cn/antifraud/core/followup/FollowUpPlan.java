package cn.antifraud.core.followup;

import java.util.List;

/**
 * On which days after a case or a dissuasion closes an officer calls or texts the resident back (回访):
 * high risk days 1, 3, 7, 14 and 28; medium days 7 and 28; otherwise day 7; nothing when it was not fraud.
 */
public final class FollowUpPlan {
    public static final String NOT_FRAUD = "非诈骗";

    private FollowUpPlan() {
    }

    public static List<Integer> days(String risk, String disposition) {
        if (NOT_FRAUD.equals(disposition)) {
            return List.of();
        }
        if ("high".equals(risk)) {
            return List.of(1, 3, 7, 14, 28);
        }
        return "medium".equals(risk) ? List.of(7, 28) : List.of(7);
    }
}
