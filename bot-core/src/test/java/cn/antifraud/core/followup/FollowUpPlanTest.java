package cn.antifraud.core.followup;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class FollowUpPlanTest {
    @Test
    void followUpsArePlannedByRiskAndNotAtAllWhenItWasNotFraud() {
        assertEquals(List.of(1, 3, 7, 14, 28), FollowUpPlan.days("high", "劝阻成功"));
        assertEquals(List.of(7, 28), FollowUpPlan.days("medium", "已报案"));
        assertEquals(List.of(7), FollowUpPlan.days("low", "联系不上"));
        assertEquals(List.of(7), FollowUpPlan.days(null, null));
        assertEquals(List.of(), FollowUpPlan.days("high", "非诈骗"));
    }
}
