package news.broadsheet.demo;

import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;

/**
 * A real headless Chromium, Debian's (packages chromium and chromium-driver, installed by .ci/run), driven by Selenium.
 * Without the browser the tests are skipped, loudly; with {@code BROADSHEET_BROWSER_TESTS=required} (CI) they fail
 * instead. Screenshots go to target/browser-screenshots; the console is read after every page.
 */
final class Browser implements AutoCloseable {

    private static final Path CHROMIUM = Path.of(System.getenv().getOrDefault("BROADSHEET_CHROMIUM", "/usr/bin/chromium"));
    private static final Path CHROMEDRIVER = Path.of(System.getenv().getOrDefault("BROADSHEET_CHROMEDRIVER", "/usr/bin/chromedriver"));
    static final Path SCREENSHOTS = Path.of("target", "browser-screenshots");

    private final ChromeDriver driver;
    private final Path profile;
    private final List<String> ownOrigins;

    private Browser(ChromeDriver driver, Path profile, List<String> ownOrigins) {
        this.driver = driver;
        this.profile = profile;
        this.ownOrigins = ownOrigins;
    }

    /** Starts the browser, or skips the calling test (fails it in CI) when none is installed. */
    static Browser start(List<String> ownOrigins) {
        boolean installed = Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
        if (!installed) {
            String message = "BROWSER TESTS NOT RUN: no " + (Files.isExecutable(CHROMIUM) ? CHROMEDRIVER : CHROMIUM)
                    + "; install Debian's chromium and chromium-driver (apt-get install chromium chromium-driver) to run them";
            if ("required".equals(System.getenv("BROADSHEET_BROWSER_TESTS"))) {
                throw new AssertionError(message);
            }
            System.err.println("\n" + "!".repeat(message.length()) + "\n" + message + "\n" + "!".repeat(message.length()) + "\n");
            Assumptions.abort(message);
        }
        try {
            Path profile = Files.createTempDirectory("broadsheet-chromium");
            ChromeOptions options = new ChromeOptions();
            options.setBinary(CHROMIUM.toFile());
            // as root (CI) Chromium needs --no-sandbox; the network flags keep it from calling home on a closed network
            options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                    "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                    "--disable-default-apps", "--window-size=1280,1400", "--user-data-dir=" + profile);
            LoggingPreferences logs = new LoggingPreferences();
            logs.enable(LogType.BROWSER, Level.ALL);
            options.setCapability("goog:loggingPrefs", logs);
            ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
                    .usingAnyFreePort().build();
            Files.createDirectories(SCREENSHOTS);
            return new Browser(new ChromeDriver(service, options), profile, ownOrigins);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    WebDriver driver() {
        return driver;
    }

    /** Opens a page and waits until it has rendered (data-state="ready" on its body); fails on any console error. */
    Browser open(String url) {
        forgetConsole();
        driver.get(url);
        return awaitReady();
    }

    Browser reload() {
        driver.navigate().refresh();
        return awaitReady();
    }

    Browser awaitReady() {
        String state = new WebDriverWait(driver, Duration.ofSeconds(15)).until(d -> {
            String value = d.findElement(By.tagName("body")).getAttribute("data-state");
            return "loading".equals(value) ? null : value;
        });
        if (!"ready".equals(state)) {
            throw new AssertionError("The page " + driver.getCurrentUrl() + " did not render: "
                    + driver.findElement(By.id("main")).getText() + "\nConsole: " + driver.manage().logs().get(LogType.BROWSER).getAll());
        }
        requireCleanConsole();
        return this;
    }

    /** Waits for a condition on the page, e.g. an element's text after a click. */
    <T> T await(java.util.function.Function<WebDriver, T> condition) {
        return new WebDriverWait(driver, Duration.ofSeconds(15)).until(condition::apply);
    }

    WebElement find(String css) {
        return driver.findElement(By.cssSelector(css));
    }

    List<WebElement> findAll(String css) {
        return driver.findElements(By.cssSelector(css));
    }

    Object script(String javascript, Object... arguments) {
        return ((JavascriptExecutor) driver).executeScript(javascript, arguments);
    }

    /**
     * No error in the console: a script error, a failed request of the demo or the API, or a CORS refusal. Pictures
     * that articles link to elsewhere (other tests write such URLs) cannot load on this closed network and do not count.
     */
    void requireCleanConsole() {
        List<String> errors = new ArrayList<>();
        for (LogEntry entry : driver.manage().logs().get(LogType.BROWSER)) {
            String message = entry.getMessage();
            boolean foreignResource = message.contains("Failed to load resource") && ownOrigins.stream().noneMatch(message::startsWith);
            if (entry.getLevel().intValue() >= Level.SEVERE.intValue() && !foreignResource) {
                errors.add(message);
            }
        }
        if (!errors.isEmpty()) {
            throw new AssertionError("Errors in the browser console on " + driver.getCurrentUrl() + ": " + errors);
        }
    }

    /** Drops what the console has said so far: a page that shows an expected error answer logs it. */
    void forgetConsole() {
        driver.manage().logs().get(LogType.BROWSER);
    }

    void screenshot(String name) {
        try {
            File shot = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE);
            Files.copy(shot.toPath(), SCREENSHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
        } catch (RuntimeException | IOException e) {
            System.err.println("No screenshot " + name + ": " + e.getMessage());
        }
    }

    @Override
    public void close() {
        driver.quit();
        try (var files = Files.walk(profile)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            // a temporary folder
        }
    }
}
