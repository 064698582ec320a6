package cn.antifraud.core.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class DashboardCsvTest {
    @Test
    void cellsAreQuotedWhenNeededAndFormulasAreDefused() {
        assertEquals("冒充公检法及政府机关", DashboardCsv.cell("冒充公检法及政府机关"));
        assertEquals("\"a,b\"", DashboardCsv.cell("a,b"));
        assertEquals("\"say \"\"hi\"\"\"", DashboardCsv.cell("say \"hi\""));
        assertEquals("'=HYPERLINK(1)", DashboardCsv.cell("=HYPERLINK(1)"));
        assertEquals("-12.5", DashboardCsv.cell("-12.5"));
    }
}
