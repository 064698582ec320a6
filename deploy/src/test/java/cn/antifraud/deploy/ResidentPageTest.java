package cn.antifraud.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.antifraud.deploy.BrowserTest.BrowserSupport;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * What a resident sees on a 360 x 740 phone in headless Chromium: badges on verdicts only, the newest message in
 * view, long option lists folded, readable sizes and contrast, the remembered 大字 setting. Screenshots of each
 * step land in target/screenshots for a person to look at.
 */
class ResidentPageTest {
    static final Path SHOTS = Path.of("target", "screenshots");
    static final String SCAM = "您好，我是XX市公安局民警，您的银行卡涉嫌洗钱，请将资金转入安全账户，不要告诉家人";

    @TempDir
    static Path dataDir;
    static TestServer server;
    WebDriver driver;
    WebDriverWait wait;

    @BeforeAll
    static void start() throws Exception {
        BrowserSupport.assumeBrowser();
        server = TestServer.start(dataDir);
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    @BeforeEach
    void openBrowser() {
        driver = BrowserSupport.chrome(360, 740);
        wait = new WebDriverWait(driver, Duration.ofSeconds(30));
        driver.get(server.url("/"));
    }

    @AfterEach
    void closeBrowser() {
        if (driver != null) {
            driver.quit();
        }
    }

    @Test
    void onlyVerdictRepliesCarryABadgeAcrossALessonAQuizAReportAndAStopPayment() throws Exception {
        send(SCAM);
        waitForBot("高风险");
        tap("了解这类骗局");
        waitForBot("防范要点");
        tap("小测验");
        waitForBot("第1题");
        shot("quiz-question");
        assertNewestBotMessageInView();
        driver.findElements(By.cssSelector("#options button")).get(0).click();
        waitForBot("第2题");
        assertNewestBotMessageInView();
        send("退出");
        waitForBot("今天就学到这里");
        send("我已经转账了");
        waitForBot("什么时候转出去");
        send("刚刚");
        waitForBot("紧急止付");
        shot("stop-payment");

        List<WebElement> badges = driver.findElements(By.cssSelector(".badge"));
        assertEquals(1, badges.size(), "badges: " + badges.stream().map(WebElement::getText).toList());
        assertEquals("高风险", badges.get(0).getText());
        List<WebElement> bubbles = driver.findElements(By.cssSelector(".row.bot .bubble"));
        WebElement badged = bubbles.stream().filter(b -> !b.findElements(By.cssSelector(".badge")).isEmpty()).findFirst().orElseThrow();
        assertTrue(badged.getText().contains("安全账户"), badged.getText());
        assertTrue(bubbles.size() >= 8, "walked through many bot messages: " + bubbles.size());
    }

    @Test
    void afterALongVerdictItsHeadingIsInsideTheViewport() throws Exception {
        send("你好");
        waitForBot("反诈助手");
        send("【公安局】您好，我是市公安局刑侦支队民警，您的身份证涉嫌一起洗钱案，名下银行卡已被冻结。"
            + "请立即下载“安全防护”App 并按指引将资金转入安全账户配合调查，http://gaj-safe-check.top 登记，此事需要保密，不要告诉家人，"
            + "否则将对您发出逮捕令。联系电话 13800138000。");
        WebElement badge = wait.until(d -> d.findElements(By.cssSelector(".badge")).stream().findFirst().orElse(null));
        wait.until(d -> !d.findElements(By.cssSelector("#options button")).isEmpty());
        shot("long-verdict");
        Map<?, ?> box = rect(badge);
        Map<?, ?> log = rect(driver.findElement(By.id("log")));
        assertTrue(num(box, "top") >= num(log, "top") && num(box, "bottom") <= num(log, "bottom"),
            "the verdict's heading " + box + " is inside the message area " + log);
    }

    @Test
    void aLongListOfOptionsShowsTheFirstFewAndMore() throws Exception {
        tap("学习防骗知识");
        tap("按骗局类型学");
        waitForBot("请选一类骗局");
        List<WebElement> shown = driver.findElements(By.cssSelector("#options button"));
        shot("type-list-folded");
        assertTrue(shown.size() <= 7, "shown: " + shown.stream().map(WebElement::getText).toList());
        assertTrue(shown.stream().anyMatch(b -> b.getText().equals("返回")), "the way back stays in sight");
        WebElement more = shown.stream().filter(b -> b.getText().startsWith("更多")).findFirst().orElseThrow();
        more.click();
        List<WebElement> all = driver.findElements(By.cssSelector("#options button"));
        assertTrue(all.size() > 10 && all.stream().noneMatch(b -> b.getText().startsWith("更多")),
            "all: " + all.stream().map(WebElement::getText).toList());
    }

    @Test
    void textIsLargeTargetsAreBigEnoughAndEveryTextHasContrastOfAtLeast4point5() throws Exception {
        send(SCAM);
        waitForBot("高风险");
        assertEquals("zh-CN", driver.findElement(By.tagName("html")).getAttribute("lang"));
        assertEquals("polite", driver.findElement(By.id("log")).getAttribute("aria-live"));
        // One sample of every badge and notice the page can show, so every colour pair is measured.
        js("var log = document.getElementById('log');"
            + "['high','medium','low','none'].forEach(function (r) { var s = document.createElement('span');"
            + " s.className = 'badge ' + r; s.textContent = r; log.appendChild(s); });"
            + "var n = document.createElement('div'); n.className = 'system'; n.textContent = '值班民警已接入'; log.appendChild(n);"
            + "var t = document.createElement('div'); t.className = 'typing'; t.textContent = '正在分析…'; log.appendChild(t);"
            + "var st = document.getElementById('status'); st.textContent = '连接中断，正在重连…'; st.className = 'status offline';");
        shot("contrast-samples");
        @SuppressWarnings("unchecked")
        List<String> poor = (List<String>) js(
            "function lum(c) { var m = c.match(/[\\d.]+/g).map(Number).slice(0, 3).map(function (v) { v /= 255;"
            + " return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4); });"
            + " return 0.2126 * m[0] + 0.7152 * m[1] + 0.0722 * m[2]; }"
            + "function bg(e) { for (; e; e = e.parentElement) { var c = getComputedStyle(e).backgroundColor.match(/[\\d.]+/g);"
            + " if (c && (c.length < 4 || +c[3] > 0)) { return getComputedStyle(e).backgroundColor; } } return 'rgb(255,255,255)'; }"
            + "var poor = [], checked = 0;"
            + "document.querySelectorAll('body *').forEach(function (e) {"
            + " var own = [].some.call(e.childNodes, function (n) { return n.nodeType === 3 && n.textContent.trim(); });"
            + " if (!own || e.getClientRects().length === 0) { return; }"
            + " var a = lum(getComputedStyle(e).color), b = lum(bg(e));"
            + " var ratio = (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05); checked++;"
            + " if (ratio < 4.5) { poor.push(e.tagName + '.' + e.className + ' \"' + e.textContent.slice(0, 12) + '\" ' + ratio.toFixed(2)); } });"
            + "if (checked < 10) { poor.push('only ' + checked + ' texts checked'); }"
            + "return poor;");
        assertTrue(poor.isEmpty(), "text/background pairs under 4.5:1: " + poor);

        for (WebElement e : driver.findElements(By.cssSelector(".bubble, #options button, #text"))) {
            assertTrue(px(e.getCssValue("font-size")) >= 17, e.getText() + " is " + e.getCssValue("font-size"));
        }
        for (WebElement e : driver.findElements(By.cssSelector("button, #text"))) {
            if (e.isDisplayed()) {
                assertTrue(e.getSize().getHeight() >= 44 && e.getSize().getWidth() >= 44, e.getText() + " is " + e.getSize());
            }
        }
    }

    @Test
    void theLargeTextSettingIsRememberedAcrossVisits() throws Exception {
        send(SCAM);
        waitForBot("高风险");
        WebElement bubble = driver.findElement(By.cssSelector(".row.bot .bubble"));
        double normal = px(bubble.getCssValue("font-size"));
        driver.findElement(By.id("large-text")).click();
        double large = px(driver.findElement(By.cssSelector(".row.bot .bubble")).getCssValue("font-size"));
        assertTrue(large >= normal + 3, normal + " -> " + large);
        driver.navigate().refresh();
        waitForBot("高风险");
        shot("large-text");
        assertEquals("true", driver.findElement(By.id("large-text")).getAttribute("aria-pressed"));
        assertEquals(large, px(driver.findElement(By.cssSelector(".row.bot .bubble")).getCssValue("font-size")));
    }

    private void send(String text) {
        wait.until(d -> d.findElement(By.id("send")).isEnabled());
        WebElement box = driver.findElement(By.id("text"));
        box.sendKeys(text);
        driver.findElement(By.id("send")).click();
    }

    private void tap(String label) {
        wait.until(d -> d.findElement(By.id("send")).isEnabled());
        wait.until(d -> d.findElements(By.cssSelector("#options button")).stream().filter(b -> b.getText().equals(label))
            .findFirst().orElse(null)).click();
    }

    private void waitForBot(String text) {
        wait.until(d -> d.findElements(By.cssSelector(".row.bot .bubble, .row.officer .bubble, .system")).stream()
            .anyMatch(b -> b.getText().contains(text)));
        wait.until(d -> d.findElement(By.id("send")).isEnabled());
    }

    /** The newest bot message is shown: all of it when it fits, else at least its start. */
    private void assertNewestBotMessageInView() {
        List<WebElement> bubbles = driver.findElements(By.cssSelector(".row.bot .bubble"));
        WebElement newest = bubbles.get(bubbles.size() - 1);
        Map<?, ?> box = rect(newest);
        Map<?, ?> log = rect(driver.findElement(By.id("log")));
        boolean fits = num(box, "height") <= num(log, "height");
        boolean shown = fits ? num(box, "top") >= num(log, "top") && num(box, "bottom") <= num(log, "bottom") + 1
            : Math.abs(num(box, "top") - num(log, "top")) < 40;
        assertTrue(shown, "newest message " + box + " in the message area " + log + ": " + newest.getText());
    }

    private Map<?, ?> rect(WebElement e) {
        return (Map<?, ?>) js("var r = arguments[0].getBoundingClientRect();"
            + "return {top: r.top, bottom: r.bottom, height: r.height};", e);
    }

    private static double num(Map<?, ?> m, String key) {
        return ((Number) m.get(key)).doubleValue();
    }

    private static double px(String css) {
        return Double.parseDouble(css.replace("px", ""));
    }

    private Object js(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(script, args);
    }

    private void shot(String name) throws Exception {
        Files.createDirectories(SHOTS);
        Path file = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE).toPath();
        Files.copy(file, SHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
    }
}
