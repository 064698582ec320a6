package cn.antifraud.deploy;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/** A resident in the web chat and an officer in the console, both in real headless Chromium, at the same time. */
class ConsoleBrowserTest {
    static final String PASSWORD = "officer-password-1";
    @TempDir
    static Path dataDir;
    static TestServer server;

    @BeforeAll
    static void start() throws Exception {
        BrowserTest.BrowserSupport.assumeBrowser();
        server = TestServer.start(dataDir);
        OfficerClient.loggedIn(server, "admin", "test-admin-password")
            .postOk("/accounts", new JsonObject().put("username", "zhang").put("password", PASSWORD).put("role", "officer"));
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void anEscalationAppearsLiveTheOfficerRepliesTheResidentSeesItAndTheFollowUpIsPlanned() {
        WebDriver officer = BrowserTest.BrowserSupport.chrome(1280, 900);
        WebDriver resident = BrowserTest.BrowserSupport.chrome(360, 740);
        try {
            WebDriverWait officerWait = new WebDriverWait(officer, Duration.ofSeconds(20));
            WebDriverWait residentWait = new WebDriverWait(resident, Duration.ofSeconds(20));
            BrowserTest.BrowserSupport.logIntoConsole(officer, officerWait, server.url("/console/"), "zhang", PASSWORD);
            officerWait.until(d -> d.findElement(By.id("live")).getText().contains("实时"));
            assertTrue(officer.findElement(By.id("queue")).getText().contains("暂无"), "the queue starts empty");

            resident.get(server.url("/"));
            resident.findElement(By.id("text")).sendKeys("您好，我是XX市公安局民警，您的银行卡涉嫌洗钱，请将资金转入安全账户，不要告诉家人");
            resident.findElement(By.id("send")).click();
            residentWait.until(d -> !d.findElements(By.cssSelector(".bubble.risk-high")).isEmpty());
            resident.findElement(By.id("text")).sendKeys("转人工");
            resident.findElement(By.id("send")).click();
            residentWait.until(d -> d.findElements(By.cssSelector(".row.bot .bubble")).stream()
                .anyMatch(b -> b.getText().contains("值班民警")));

            // the queue and the follow-up list re-render on live changes: read and click inside waits, again if stale
            officerWait.ignoring(org.openqa.selenium.StaleElementReferenceException.class);
            String item = officerWait.until(d -> d.findElements(By.cssSelector(".queue-item")).stream().findFirst()
                .map(WebElement::getText).orElse(null));
            assertTrue(item.contains("高风险") && item.contains("等待"), item);
            officerWait.until(d -> {
                d.findElement(By.cssSelector(".queue-item button.claim")).click();
                return true;
            });
            WebElement reply = officerWait.until(d -> d.findElements(By.id("reply-text")).stream().findFirst().orElse(null));
            assertTrue(officer.findElement(By.id("transcript")).getText().contains("安全账户"), "the whole transcript is shown");
            reply.sendKeys("您好，我是值班民警小张。这是诈骗，千万不要转账！");
            officer.findElement(By.id("reply-send")).click();

            residentWait.until(d -> d.findElements(By.cssSelector(".row.officer .bubble")).stream()
                .anyMatch(b -> b.getText().contains("我是值班民警小张")));

            new Select(officerWait.until(d -> d.findElement(By.id("disposition")))).selectByVisibleText("劝阻成功");
            officer.findElement(By.id("amount-saved")).sendKeys("20000");
            officer.findElement(By.id("close-button")).click();
            officerWait.until(d -> d.findElements(By.id("close-button")).isEmpty());
            officer.findElement(By.id("tab-followups")).click();
            String row = officerWait.until(d -> d.findElements(By.cssSelector("#followup-list tr.followup")).stream()
                .findFirst().map(WebElement::getText).orElse(null));
            assertTrue(row.contains("第1天") && row.contains("高风险"), row);
        } finally {
            officer.quit();
            resident.quit();
        }
    }

    @Test
    void aSupervisorSeesTheDashboardDrawnWithEChartsFromTheWebJar() {
        WebDriver driver = BrowserTest.BrowserSupport.chrome(1280, 900);
        try {
            WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(20));
            BrowserTest.BrowserSupport.logIntoConsole(driver, wait, server.url("/console/"), "admin", "test-admin-password");
            wait.until(d -> d.findElement(By.id("tab-dashboard")).isDisplayed());
            driver.findElement(By.id("tab-dashboard")).click();
            wait.until(d -> d.findElements(By.cssSelector("#kpis .kpi")).size() == 6);
            assertTrue(driver.findElement(By.id("kpis")).getText().contains("劝阻成功率"));
            wait.until(d -> !d.findElements(By.cssSelector("#chart-types canvas")).isEmpty());
            assertTrue(driver.findElement(By.id("csv")).getAttribute("href").contains("/api/officer/stats.csv?days=30"));
        } finally {
            driver.quit();
        }
    }
}
