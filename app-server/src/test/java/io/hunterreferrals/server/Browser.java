package io.hunterreferrals.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.function.Function;
import java.util.logging.Level;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's Chromium, headless, driven through its own chromedriver (same build, so the versions always match). Without
 * them the browser tests are skipped on a developer's machine, but fail where {@code HUNTER_BROWSER_TESTS} is
 * {@code required} (.ci/run sets it), so CI can never pass without having run them.
 */
final class Browser implements AutoCloseable {

    static final Path CHROMIUM = Path.of("/usr/lib/chromium/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    static final Path SCREENSHOTS = Path.of("target", "ui-screenshots");
    private static final Duration WAIT = Duration.ofSeconds(15);

    private final ChromeDriver driver;
    private final String baseUrl;
    private final Path profile;

    private Browser(ChromeDriver driver, String baseUrl, Path profile) {
        this.driver = driver;
        this.baseUrl = baseUrl;
        this.profile = profile;
    }

    /** A fresh browser (own profile: no storage carried over) for the server on {@code port}, in {@code language}. */
    static Browser open(int port, String language) {
        boolean installed = Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
        if (!installed && "required".equals(System.getenv("HUNTER_BROWSER_TESTS"))) {
            throw new IllegalStateException(
                    "Chromium is required for the browser tests: apt-get install -y chromium chromium-driver");
        }
        Assumptions.assumeTrue(installed, "Chromium and chromedriver are not installed; browser tests skipped");
        try {
            Path profile = Files.createTempDirectory("hunter-chromium-");
            ChromeOptions options = new ChromeOptions();
            options.setBinary(CHROMIUM.toFile());
            options.addArguments(
                    "--headless=new",
                    "--no-sandbox",
                    "--disable-gpu",
                    "--disable-dev-shm-usage",
                    "--disable-background-networking",
                    "--disable-component-update",
                    "--disable-sync",
                    "--disable-default-apps",
                    "--disable-extensions",
                    "--disable-quic",
                    "--no-first-run",
                    "--no-default-browser-check",
                    "--metrics-recording-only",
                    "--mute-audio",
                    "--user-data-dir=" + profile,
                    "--lang=" + language,
                    "--window-size=1440,1000");
            options.setExperimentalOption(
                    "prefs",
                    java.util.Map.of(
                            "intl.accept_languages",
                            language,
                            "download.default_directory",
                            profile.resolve("downloads").toString(),
                            "download.prompt_for_download",
                            false));
            LoggingPreferences logs = new LoggingPreferences();
            logs.enable(LogType.BROWSER, Level.ALL);
            options.setCapability("goog:loggingPrefs", logs);
            ChromeDriverService service = new ChromeDriverService.Builder()
                    .usingDriverExecutable(CHROMEDRIVER.toFile())
                    .usingAnyFreePort()
                    .build();
            ChromeDriver driver = new ChromeDriver(service, options);
            driver.manage().timeouts().scriptTimeout(WAIT);
            return new Browser(driver, "http://127.0.0.1:" + port, profile);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Where the browser saves downloads. */
    Path downloads() {
        return profile.resolve("downloads");
    }

    WebDriver driver() {
        return driver;
    }

    Browser go(String path) {
        driver.get(baseUrl + path);
        return this;
    }

    String url() {
        return driver.getCurrentUrl();
    }

    void reload() {
        driver.navigate().refresh();
    }

    WebElement find(String css) {
        return until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(css)));
    }

    /**
     * Clicks the element, finding it again if the page re-rendered it in between (a table reloads when a sync finishes,
     * which can happen at any moment in these tests).
     */
    void click(String css) {
        until(d -> {
            try {
                WebElement element = d.findElement(By.cssSelector(css));
                if (!element.isDisplayed() || !element.isEnabled()) {
                    return false;
                }
                element.click();
                return true;
            } catch (org.openqa.selenium.StaleElementReferenceException
                    | org.openqa.selenium.NoSuchElementException e) {
                return false;
            }
        });
    }

    List<WebElement> all(String css) {
        return driver.findElements(By.cssSelector(css));
    }

    /**
     * Waits for the condition; an element that went stale because the page re-rendered it (a reload after a sync, a
     * filter change) counts as "not yet", so conditions may hold on to elements they look up.
     */
    <T> T until(Function<WebDriver, T> condition) {
        return waiting().until(condition);
    }

    private WebDriverWait waiting() {
        WebDriverWait wait = new WebDriverWait(driver, WAIT);
        wait.ignoring(org.openqa.selenium.StaleElementReferenceException.class);
        return wait;
    }

    void untilText(String css, String expected) {
        waiting()
                .withMessage(() -> css + " to contain '" + expected + "', showing '"
                        + all(css).stream().findFirst().map(WebElement::getText).orElse("(absent)") + "'")
                .until(d -> {
                    List<WebElement> found = d.findElements(By.cssSelector(css));
                    return !found.isEmpty() && found.get(0).getText().contains(expected);
                });
    }

    Object script(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(script, args);
    }

    Object asyncScript(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeAsyncScript(script, args);
    }

    String css(WebElement element, String property) {
        return element.getCssValue(property);
    }

    void resize(int width, int height) {
        driver.manage().window().setSize(new Dimension(width, height));
    }

    /** Writes target/ui-screenshots/{name}.png (the README shows copies of these). */
    Path screenshot(String name) {
        try {
            Files.createDirectories(SCREENSHOTS);
            File shot = driver.getScreenshotAs(OutputType.FILE);
            Path target = SCREENSHOTS.resolve(name + ".png");
            Files.copy(shot.toPath(), target, StandardCopyOption.REPLACE_EXISTING);
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** axe-core over the page as it is now: no serious or critical violation. */
    void assertAccessible(String screen) {
        Results results = new AxeBuilder().analyze(driver);
        List<String> severe = results.getViolations().stream()
                .filter(rule -> "serious".equals(rule.getImpact()) || "critical".equals(rule.getImpact()))
                .map(Browser::describe)
                .toList();
        assertThat(severe)
                .as("axe-core serious/critical violations on " + screen)
                .isEmpty();
    }

    private static String describe(Rule rule) {
        return rule.getId() + " (" + rule.getImpact() + "): " + rule.getHelp() + " at "
                + rule.getNodes().stream()
                        .limit(3)
                        .map(node -> String.valueOf(node.getTarget()))
                        .toList();
    }

    /** The console's errors since the last call: CSP violations and uncaught exceptions land here. */
    List<String> consoleErrors() {
        return driver.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(entry -> entry.getLevel().intValue() >= Level.SEVERE.intValue())
                .map(LogEntry::getMessage)
                // a deliberate 401 (API key tests) and 4xx answers the UI shows as messages are not script errors
                .filter(message -> !message.matches(".*status of 4\\d\\d.*"))
                .toList();
    }

    /**
     * Closes the browser, then fails if the page logged an error: CSP violations and uncaught script errors are console
     * errors, and the UI must cause none.
     */
    void closeExpectingNoConsoleErrors() {
        List<String> errors = consoleErrors();
        close();
        assertThat(errors).as("browser console errors").isEmpty();
    }

    @Override
    public void close() {
        driver.quit();
        try (var files = Files.walk(profile)) {
            files.sorted(java.util.Comparator.reverseOrder())
                    .forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a temp dir left behind is harmless
        }
    }
}
