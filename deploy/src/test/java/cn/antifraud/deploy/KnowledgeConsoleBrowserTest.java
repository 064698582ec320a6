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

/** A supervisor in headless Chromium labels a message from the review queue and reads the running model's figures. */
class KnowledgeConsoleBrowserTest {
    static final String PASSWORD = "supervisor-password-1";
    static final String UNSURE = "有个人说帮我办点事，电话18612345678";
    @TempDir
    static Path dataDir;
    static TestServer server;

    @BeforeAll
    static void start() throws Exception {
        BrowserTest.BrowserSupport.assumeBrowser();
        server = TestServer.start(dataDir);
        OfficerClient.loggedIn(server, "admin", "test-admin-password")
            .postOk("/accounts", new JsonObject().put("username", "liu").put("password", PASSWORD).put("role", "supervisor"));
        server.chat(null, UNSURE);
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
            server = null;
        }
    }

    @Test
    void aSupervisorLabelsAnUnsureMessageIntoTheCorpusAndSeesTheRunningModelsFigures() {
        WebDriver driver = BrowserTest.BrowserSupport.chrome(1280, 900);
        try {
            WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(60));
            BrowserTest.BrowserSupport.logIntoConsole(driver, wait, server.url("/console/"), "liu", PASSWORD);
            wait.until(d -> d.findElement(By.id("tab-review")).isDisplayed());
            driver.findElement(By.id("tab-review")).click();

            WebElement row = wait.until(d -> d.findElements(By.cssSelector("#unsure-list tr.review-item")).stream()
                .filter(r -> r.getText().contains("办点事")).findFirst().orElse(null));
            assertTrue(row.getText().contains("186****5678") && !row.getText().contains("18612345678"), row.getText());
            new Select(row.findElement(By.cssSelector("select.label-select"))).selectByValue("none");
            row.findElement(By.cssSelector("button.add-corpus")).click();
            wait.until(d -> d.findElement(By.id("toast")).getText().contains("已加入训练语料"));
            wait.until(d -> d.findElement(By.id("unsure-list")).getText().contains("办点事") ? null : true);

            driver.findElement(By.linkText("模型训练")).click();
            String running = server.app().knowledge().analyzer().models().version();
            wait.until(d -> d.findElements(By.cssSelector("#running .kpi")).size() >= 5);
            String figures = driver.findElement(By.id("running")).getText();
            assertTrue(figures.contains(running) && figures.contains("诈骗识别 F1") && figures.contains("类型准确率"), figures);
            assertTrue(figures.matches("(?s).*诈骗识别 F1\\s*0\\.\\d{3}.*"), figures);
        } finally {
            driver.quit();
        }
    }

    @Test
    void aSupervisorsBrokenAdviceIsRefusedNamingTheSectionAndLineAndAFixedOneBecomesANewVersion() {
        WebDriver driver = BrowserTest.BrowserSupport.chrome(1280, 900);
        try {
            WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(30));
            BrowserTest.BrowserSupport.logIntoConsole(driver, wait, server.url("/console/"), "liu", PASSWORD);
            wait.until(d -> d.findElement(By.id("tab-kb")).isDisplayed());
            driver.findElement(By.id("tab-kb")).click();
            new Select(wait.until(d -> d.findElement(By.id("type-select")))).selectByValue("romance");
            wait.until(d -> d.findElement(By.id("section-advice")).getAttribute("value").startsWith("["));
            WebElement advice = driver.findElement(By.id("section-advice"));
            String original = advice.getAttribute("value");
            setValue(driver, advice, "[\n  \"先核实对方身份\",\n  oops\n]");
            driver.findElement(By.id("save-button")).click();
            String error = wait.until(d -> d.findElement(By.id("edit-error")).getText().isEmpty() ? null
                : d.findElement(By.id("edit-error")).getText());
            assertTrue(error.contains("防骗建议") && error.contains("第 3 行"), error);

            setValue(driver, advice, original.replaceFirst("\\[\\s*\"", "[\n  \"网上认识的人再亲密，也绝不给他转账。\",\n  \""));
            driver.findElement(By.id("save-button")).click();
            wait.until(d -> d.findElement(By.id("type-version")).getText().contains("第 1 版"));
            wait.until(d -> d.findElement(By.id("history-list")).getText().contains("liu"));
        } finally {
            driver.quit();
        }
    }

    private static void setValue(WebDriver driver, WebElement area, String text) {
        ((org.openqa.selenium.JavascriptExecutor) driver).executeScript("arguments[0].value = arguments[1];", area, text);
    }
}
