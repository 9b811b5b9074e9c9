package ssi.web;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Headless Chromium from Debian's packages, driven through its chromedriver: installed by
 * {@code .ci/browser} when missing (a fresh machine), never downloaded by Selenium Manager.
 */
final class Browser {
    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path DRIVER = Path.of("/usr/bin/chromedriver");

    private static Path profile; // the running browser's, removed when it quits

    private Browser() {}

    /** A fresh headless browser with a profile of its own. */
    static ChromeDriver start() throws IOException, InterruptedException {
        ensureInstalled();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage",
                "--window-size=1500,1100", "--user-data-dir=" + (profile = Files.createTempDirectory("ssi-web-chromium")));
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(DRIVER.toFile()).usingAnyFreePort().build();
        return new ChromeDriver(service, options);
    }

    /** Quits the browser and removes its profile. */
    static void quit(ChromeDriver browser) throws IOException {
        browser.quit();
        if (profile != null) {
            try (var walk = Files.walk(profile)) {
                for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(p);
                }
            }
        }
    }

    /** Installs the browser with .ci/browser if it is missing; fails, saying how to install it, if that cannot. */
    static void ensureInstalled() throws IOException, InterruptedException {
        if (Files.isExecutable(CHROMIUM) && Files.isExecutable(DRIVER)) {
            return;
        }
        Path script = Path.of("../../.ci/browser").toAbsolutePath().normalize();
        Process p = new ProcessBuilder(script.toString()).inheritIO().start();
        if (!p.waitFor(15, TimeUnit.MINUTES)) {
            p.destroyForcibly();
        }
        if (!Files.isExecutable(CHROMIUM) || !Files.isExecutable(DRIVER)) {
            throw new IllegalStateException("the web view's browser tests need headless Chromium: " + script + " could not install it"
                    + " (as root: apt-get install chromium chromium-driver)");
        }
    }
}
