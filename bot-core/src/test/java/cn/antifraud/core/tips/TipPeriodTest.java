package cn.antifraud.core.tips;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class TipPeriodTest {
    @Test
    void aPeriodIsTheDayOrIsoWeekInChinaTime() {
        Instant lateSundayUtc = Instant.parse("2026-11-22T17:30:00Z");
        assertEquals("2026-11-23", TipPeriod.DAILY.key(lateSundayUtc), "01:30 on Monday in Beijing");
        assertEquals("2026-W48", TipPeriod.WEEKLY.key(lateSundayUtc));
        assertEquals("2026-W47", TipPeriod.WEEKLY.key(Instant.parse("2026-11-22T15:00:00Z")));
        assertEquals("2026-W53", TipPeriod.WEEKLY.key(Instant.parse("2027-01-01T04:00:00Z")));
    }

    @Test
    void theIntervalSettingIsValidatedNamingTheVariable() {
        assertEquals(600, TipsConfig.parse(null).intervalSeconds());
        assertEquals(5, TipsConfig.parse("5").intervalSeconds());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> TipsConfig.parse("soon"));
        assertEquals("TIP_INTERVAL_SECONDS must be a number of seconds from 1 to 86400, got 'soon'", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> TipsConfig.parse("0"));
    }
}
