package cn.antifraud.deploy;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/** The residents' page in a real headless Chromium. */
class BrowserTest {
    @TempDir
    static Path dataDir;
    static TestServer server;

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

    @Test
    void aResidentPastesAScamMessageSeesTheVerdictAndTapsAQuickReply() {
        WebDriver driver = BrowserSupport.chrome(360, 740);
        try {
            driver.get(server.url("/"));
            WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(20));
            WebElement box = driver.findElement(By.id("text"));
            box.sendKeys("您好，我是XX市公安局民警，您的银行卡涉嫌洗钱，请将资金转入安全账户，不要告诉家人");
            driver.findElement(By.id("send")).click();
            WebElement verdict = wait.until(d -> d.findElements(By.cssSelector(".bubble.risk-high")).stream().findFirst().orElse(null));
            assertTrue(verdict.getText().contains("高风险"), verdict.getText());
            assertTrue(verdict.getText().contains("安全账户"), verdict.getText());
            List<WebElement> options = driver.findElements(By.cssSelector("#options button"));
            WebElement learn = options.stream().filter(b -> b.getText().equals("了解这类骗局")).findFirst().orElseThrow();
            learn.click();
            wait.until(d -> d.findElements(By.cssSelector(".row.bot .bubble")).stream()
                .anyMatch(b -> b.getText().contains("防范要点")));
            Object fits = ((org.openqa.selenium.JavascriptExecutor) driver).executeScript(
                "return [window.innerWidth, document.documentElement.scrollWidth];");
            assertTrue(fits.toString().equals("[360, 360]"), "page fits a 360-px phone screen: " + fits);

            driver.navigate().refresh();
            wait.until(d -> d.findElements(By.cssSelector(".row.bot .bubble")).stream()
                .anyMatch(b -> b.getText().contains("防范要点")));
        } finally {
            driver.quit();
        }
    }

    /** Finds Debian's chromium and chromedriver; CI installs them, so there a missing browser fails the test. */
    static final class BrowserSupport {
        static final Path DRIVER = Path.of("/usr/bin/chromedriver");
        static final Path CHROMIUM = Path.of("/usr/bin/chromium");

        private BrowserSupport() {
        }

        static void assumeBrowser() {
            boolean present = Files.isExecutable(DRIVER) && Files.isExecutable(CHROMIUM);
            if (!present && "true".equals(System.getenv("CI"))) {
                throw new IllegalStateException("CI must install chromium and chromium-driver (see .ci/run)");
            }
            Assumptions.assumeTrue(present, "chromium/chromedriver not installed");
        }

        /** Opens the console's login page and signs in. */
        static void logIntoConsole(WebDriver driver, WebDriverWait wait, String consoleUrl, String username, String password) {
            driver.get(consoleUrl);
            wait.until(d -> d.findElement(By.id("username")).isDisplayed());
            driver.findElement(By.id("username")).sendKeys(username);
            driver.findElement(By.id("password")).sendKeys(password);
            driver.findElement(By.id("login-button")).click();
        }

        static WebDriver chrome(int width, int height) {
            ChromeOptions options = new ChromeOptions();
            options.setBinary(CHROMIUM.toString());
            options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync");
            options.setExperimentalOption("mobileEmulation", java.util.Map.of("deviceMetrics",
                java.util.Map.of("width", width, "height", height, "pixelRatio", 2.0)));
            ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(DRIVER.toFile()).build();
            return new ChromeDriver(service, options);
        }
    }
}
