package cn.antifraud.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/** The officers' desk at 1366 x 800 in headless Chromium: urgent cases cannot be missed, and no raw code reaches a page. */
class UrgentConsoleBrowserTest {
    static final String LOSS = "我刚刚被骗了，已经给对方转了5000元，怎么办";
    static final List<String> RAW = List.of("fake_", "bank_card", "[conversation.", "{\"seq\"");
    @TempDir
    static Path dataDir;
    static TestServer server;

    @BeforeAll
    static void start() throws Exception {
        BrowserTest.BrowserSupport.assumeBrowser();
        server = TestServer.start(dataDir);
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void urgentEscalationsCountInTheTabTitleAndStayHighlightedUntilClaimed() throws Exception {
        WebDriver officer = BrowserTest.BrowserSupport.chrome(1366, 800);
        try {
            WebDriverWait wait = new WebDriverWait(officer, Duration.ofSeconds(20));
            // the queue re-renders on every live change: each read below is retried when its row was replaced meanwhile
            wait.ignoring(org.openqa.selenium.StaleElementReferenceException.class);
            BrowserTest.BrowserSupport.logIntoConsole(officer, wait, server.url("/console/"), "admin", "test-admin-password");
            wait.until(d -> d.findElement(By.id("live")).getText().contains("实时"));
            assertFalse(officer.getTitle().contains("紧急止付"), officer.getTitle());

            String first = server.chat(null, LOSS).getJsonObject("conversation").getString("id");
            String second = server.chat(null, "我刚刚被骗了，已经给对方转了8000元，怎么办").getJsonObject("conversation").getString("id");
            wait.until(d -> d.getTitle().startsWith("(2) 紧急止付"));
            wait.until(d -> d.findElements(By.cssSelector(".queue-item.unclaimed")).size() == 2);
            screenshot(officer, "console-urgent-1366.png");
            String row = wait.until(d -> d.findElement(By.cssSelector(".queue-item[data-id='" + first + "']")).getText());
            assertTrue(row.contains("网页访客"), row);
            assertFalse(row.contains(first) || row.matches("(?s).*[0-9a-f]{8}-[0-9a-f]{4}.*"), "no session or conversation id: " + row);

            wait.until(d -> {
                d.findElement(By.cssSelector(".queue-item[data-id='" + first + "'] button.claim")).click();
                return true;
            });
            wait.until(d -> d.getTitle().startsWith("(1) 紧急止付"));
            wait.until(d -> !classOf(d, first).contains("unclaimed"));
            assertTrue(wait.until(d -> classOf(d, second)).contains("unclaimed"), "the one nobody has claimed stays highlighted");
            officer.navigate().refresh();
            wait.until(d -> d.getTitle().startsWith("(1) 紧急止付"));
            assertTrue(wait.until(d -> classOf(d, second)).contains("unclaimed"), "still highlighted after a reload");
        } finally {
            officer.quit();
        }
    }

    @Test
    void theMuteChoiceIsRememberedAndAFreshConsoleLogsNo401() {
        WebDriver officer = BrowserTest.BrowserSupport.chrome(1366, 800);
        try {
            WebDriverWait wait = new WebDriverWait(officer, Duration.ofSeconds(20));
            officer.get(server.url("/console/"));
            wait.until(d -> d.findElement(By.id("username")).isDisplayed());
            Object failed = ((JavascriptExecutor) officer).executeScript("return performance.getEntriesByType('resource')"
                + ".filter(function (e) { return e.responseStatus >= 400; }).map(function (e) { return e.name + ' ' + e.responseStatus; });");
            assertEquals(List.of(), failed, "requests that failed before login");
            Object checked = ((JavascriptExecutor) officer).executeScript("return performance.getEntriesByType('resource')"
                + ".filter(function (e) { return e.name.indexOf('/api/officer/session') >= 0; }).length;");
            assertEquals(1L, checked, "the console asked whether it is signed in");
            BrowserTest.BrowserSupport.logIntoConsole(officer, wait, server.url("/console/"), "admin", "test-admin-password");
            WebElement sound = wait.until(d -> d.findElement(By.id("sound-toggle")));
            wait.until(d -> sound.isDisplayed());
            assertEquals("true", sound.getAttribute("aria-pressed"));
            sound.click();
            officer.navigate().refresh();
            wait.until(d -> d.findElement(By.id("sound-toggle")).isDisplayed());
            assertEquals("false", officer.findElement(By.id("sound-toggle")).getAttribute("aria-pressed"));
            assertTrue(officer.findElement(By.id("sound-toggle")).getText().contains("关"));
            assertTrue(officer.findElement(By.id("clock")).getText().startsWith("北京时间"));
        } finally {
            officer.quit();
        }
    }

    @Test
    void afterAFullResidentToOfficerScenarioNoConsolePageShowsARawCode() throws Exception {
        JsonObject a = server.chat(null, "您好，我是淘宝客服，您买的商品有质量问题，可以给您双倍退款，请提供银行卡号6222020200112233446办理");
        String session = a.getString("sessionId");
        JsonObject loss = server.chat(session, "我已经按他说的转了3000元过去了");
        String id = loss.getJsonObject("conversation").getString("id");
        if (!"waiting_officer".equals(loss.getJsonObject("conversation").getString("state"))) {
            server.chat(session, "转人工");
        }
        WebDriver officer = BrowserTest.BrowserSupport.chrome(1366, 800);
        try {
            WebDriverWait wait = new WebDriverWait(officer, Duration.ofSeconds(20));
            // the case and conversation panes re-render on live changes: a wait retries an element gone stale meanwhile
            wait.ignoring(org.openqa.selenium.StaleElementReferenceException.class);
            BrowserTest.BrowserSupport.logIntoConsole(officer, wait, server.url("/console/"), "admin", "test-admin-password");
            // The queue re-renders on live changes (the escalation's own events arrive while it is drawn); find the row
            // and click its claim button again when the row was replaced in between.
            wait.until(d -> {
                try {
                    d.findElement(By.cssSelector(".queue-item[data-id='" + id + "'] button.claim")).click();
                    return true;
                } catch (org.openqa.selenium.StaleElementReferenceException | org.openqa.selenium.NoSuchElementException e) {
                    return false;
                }
            });
            // The pane re-renders on live changes right after the claim; retry on a stale element.
            wait.until(d -> {
                try {
                    WebElement reply = d.findElement(By.id("reply-text"));
                    reply.clear();
                    reply.sendKeys("您好，我是值班民警，请马上联系银行止付。");
                    d.findElement(By.id("reply-send")).click();
                    return true;
                } catch (org.openqa.selenium.StaleElementReferenceException | org.openqa.selenium.NoSuchElementException e) {
                    return false;
                }
            });
            wait.until(d -> d.findElement(By.id("transcript")).getText().contains("联系银行止付"));
            officer.findElements(By.cssSelector(".conv-actions button")).stream().filter(b -> b.getText().equals("立案"))
                .findFirst().ifPresent(WebElement::click);
            WebElement caseButton = wait.until(d -> d.findElements(By.cssSelector(".conv-head button.link")).stream()
                .filter(b -> b.getText().startsWith("FZ-")).findFirst().orElse(null));
            noRawCodes(officer, "conversation");
            caseButton.click();
            wait.until(d -> d.findElements(By.cssSelector("#case .timeline li")).size() > 3);
            officer.findElements(By.cssSelector("#case button")).stream().filter(b -> b.getText().startsWith("改为"))
                .findFirst().ifPresent(WebElement::click);
            wait.until(d -> d.findElements(By.cssSelector("#case h2")).stream().anyMatch(h -> h.getText().contains("· 已受理")));
            wait.until(d -> d.findElements(By.cssSelector("#case .timeline li")).size() > 3);
            screenshot(officer, "console-case-1366.png");
            noRawCodes(officer, "case");

            officer.findElement(By.id("tab-queue")).click();
            wait.until(d -> {
                d.findElement(By.cssSelector(".queue-item[data-id='" + id + "']")).click();
                return true;
            });
            // The pane re-renders on live changes; retry on a stale element (劝阻成功 is the default disposition).
            wait.until(d -> {
                try {
                    new Select(d.findElement(By.id("disposition"))).selectByVisibleText("劝阻成功");
                    d.findElement(By.id("close-button")).click();
                    return true;
                } catch (org.openqa.selenium.StaleElementReferenceException | org.openqa.selenium.NoSuchElementException e) {
                    return false;
                }
            });
            wait.until(d -> d.findElements(By.id("close-button")).isEmpty());
            noRawCodes(officer, "closed conversation");
            officer.findElement(By.id("tab-followups")).click();
            wait.until(d -> !d.findElements(By.cssSelector("#followup-list tr.followup")).isEmpty());
            String followups = officer.findElement(By.id("followup-list")).getText();
            assertFalse(followups.contains("回访短信"), "a web resident has no phone for an SMS: " + followups);
            noRawCodes(officer, "follow-ups");
            officer.findElement(By.id("tab-audit")).click();
            wait.until(d -> d.findElement(By.id("audit-list")).getText().contains("接手对话"));
            screenshot(officer, "console-audit-1366.png");
            noRawCodes(officer, "audit");
        } finally {
            officer.quit();
        }
    }

    private static void noRawCodes(WebDriver driver, String page) {
        String text = (String) ((JavascriptExecutor) driver).executeScript("return document.body.textContent;");
        for (String raw : RAW) {
            assertFalse(text.contains(raw), page + " shows " + raw + ": " + text);
        }
    }

    private static void screenshot(WebDriver driver, String name) throws Exception {
        Path out = Path.of("target", "screenshots");
        Files.createDirectories(out);
        Files.move(((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE).toPath(), out.resolve(name),
            StandardCopyOption.REPLACE_EXISTING);
    }

    /** The queue row's class list (read in a wait, which retries when the row was re-rendered in between). */
    private static String classOf(WebDriver d, String conversationId) {
        return d.findElement(By.cssSelector(".queue-item[data-id='" + conversationId + "']")).getAttribute("class");
    }
}
