package ssi.plot;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Rectangle;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.renderer.xy.XYStepRenderer;
import org.jfree.data.category.DefaultCategoryDataset;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.jfree.svg.SVGGraphics2D;
import ssi.experiment.Summary;
import ssi.experiment.Trace;

/**
 * Draws a run's trace as three charts, each written as PNG and SVG of {@value #WIDTH}x{@value #HEIGHT}:
 * {@code load} (each node's load index over virtual time, like the seed paper's Figures 3 and 6-9),
 * {@code processes} (processes per node at the start and when balanced, like its Tables 2-4) and
 * {@code migrations} (migrations done so far, by destination node, over virtual time); and for a
 * run of several clusters (MOSIX2) a fourth, {@code clusters} (each cluster's load over virtual time).
 */
public final class Plots {
    public static final int WIDTH = 960;
    public static final int HEIGHT = 540;
    /** The charts' names, as their files are named. */
    public static final List<String> NAMES = List.of("load", "processes", "migrations");

    private Plots() {}

    /** Writes the charts of a run into {@code dir} (its {@code clusters.csv} read from there); returns the files written. */
    public static List<Path> write(Trace trace, Summary summary, Path dir) throws IOException {
        String subtitle = summary.title() + " (" + summary.policy() + ", seed " + summary.seed() + ")";
        List<Path> files = new ArrayList<>();
        files.addAll(save(load(trace, subtitle), dir, "load"));
        files.addAll(save(processes(summary, subtitle), dir, "processes"));
        files.addAll(save(migrations(trace, subtitle), dir, "migrations"));
        List<Trace.ClusterSample> clusters = Trace.clusters(dir);
        if (!clusters.isEmpty()) { // a run of several clusters (MOSIX2): each cluster's load
            files.addAll(save(clusterLoad(clusters, subtitle), dir, "clusters"));
        }
        return files;
    }

    private static JFreeChart load(Trace trace, String subtitle) {
        Map<Integer, XYSeries> series = new LinkedHashMap<>();
        for (Trace.NodeSample s : trace.nodes()) {
            series.computeIfAbsent(s.node(), n -> new XYSeries(s.name())).add(s.time(), s.loadIndex());
        }
        XYSeriesCollection data = new XYSeriesCollection();
        series.values().forEach(data::addSeries);
        JFreeChart chart = ChartFactory.createXYLineChart("Load per node", "virtual time (s)", "load index (standard processors)",
                data, PlotOrientation.VERTICAL, true, false, false);
        return styled(chart, subtitle);
    }

    private static JFreeChart clusterLoad(List<Trace.ClusterSample> samples, String subtitle) {
        Map<String, XYSeries> series = new LinkedHashMap<>();
        for (Trace.ClusterSample s : samples) {
            series.computeIfAbsent(s.cluster(), XYSeries::new).add(s.time(), s.load());
        }
        XYSeriesCollection data = new XYSeriesCollection();
        series.values().forEach(data::addSeries);
        JFreeChart chart = ChartFactory.createXYLineChart("Load per cluster", "virtual time (s)", "mean load index of its nodes",
                data, PlotOrientation.VERTICAL, true, false, false);
        return styled(chart, subtitle);
    }

    private static JFreeChart processes(Summary summary, String subtitle) {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        summary.start().forEach((node, n) -> data.addValue(n, "start", node));
        String balanced = String.format(Locale.ROOT, "at %.0f s", Math.min(summary.duration(), summary.tableAt()));
        summary.table().forEach((node, n) -> data.addValue(n, balanced, node));
        JFreeChart chart = ChartFactory.createBarChart("Processes per node", "node", "processes", data,
                PlotOrientation.VERTICAL, true, false, false);
        return styled(chart, subtitle);
    }

    private static JFreeChart migrations(Trace trace, String subtitle) {
        Map<Integer, XYSeries> byNode = new LinkedHashMap<>();
        Map<Integer, String> names = new LinkedHashMap<>();
        double end = 0;
        for (Trace.NodeSample s : trace.nodes()) {
            names.putIfAbsent(s.node(), s.name());
            end = Math.max(end, s.time());
        }
        names.forEach((id, name) -> {
            XYSeries line = new XYSeries("to " + name);
            line.add(0, 0);
            byNode.put(id, line);
        });
        Map<Integer, Integer> counts = new LinkedHashMap<>();
        for (Trace.MigrationRow m : trace.migrations()) {
            if (m.outcome().equals("done") && byNode.containsKey(m.to())) {
                byNode.get(m.to()).add(m.ended(), counts.merge(m.to(), 1, Integer::sum));
            }
        }
        XYSeriesCollection data = new XYSeriesCollection();
        for (var e : byNode.entrySet()) {
            e.getValue().add(end, counts.getOrDefault(e.getKey(), 0)); // each line runs to the end of the run
            data.addSeries(e.getValue());
        }
        JFreeChart chart = ChartFactory.createXYLineChart("Migrations (done, by destination)", "virtual time (s)",
                "migrations so far", data, PlotOrientation.VERTICAL, true, false, false);
        chart.getXYPlot().setRenderer(new XYStepRenderer());
        return styled(chart, subtitle);
    }

    /** Tableau's ten colours: told apart by most readers, in print too. */
    private static final Color[] PALETTE = {new Color(0x4E79A7), new Color(0xF28E2B), new Color(0xE15759), new Color(0x76B7B2),
            new Color(0x59A14F), new Color(0xEDC948), new Color(0xB07AA1), new Color(0xFF9DA7), new Color(0x9C755F), new Color(0xBAB0AC)};

    private static JFreeChart styled(JFreeChart chart, String subtitle) {
        chart.addSubtitle(new org.jfree.chart.title.TextTitle(subtitle));
        chart.setBackgroundPaint(Color.WHITE);
        chart.getPlot().setBackgroundPaint(new Color(0xF7F7F7));
        if (chart.getPlot() instanceof org.jfree.chart.plot.XYPlot xy) {
            var r = xy.getRenderer();
            for (int i = 0; i < xy.getDataset().getSeriesCount(); i++) {
                r.setSeriesPaint(i, PALETTE[i % PALETTE.length]);
                r.setSeriesStroke(i, new BasicStroke(2f));
            }
        } else if (chart.getPlot() instanceof org.jfree.chart.plot.CategoryPlot bars) {
            var r = (org.jfree.chart.renderer.category.BarRenderer) bars.getRenderer();
            r.setBarPainter(new org.jfree.chart.renderer.category.StandardBarPainter()); // flat bars, no gradient
            r.setShadowVisible(false);
            for (int i = 0; i < bars.getDataset().getRowCount(); i++) {
                r.setSeriesPaint(i, PALETTE[i % PALETTE.length]);
            }
        }
        return chart;
    }

    private static List<Path> save(JFreeChart chart, Path dir, String name) throws IOException {
        Files.createDirectories(dir);
        Path png = dir.resolve(name + ".png");
        ChartUtils.saveChartAsPNG(png.toFile(), chart, WIDTH, HEIGHT);
        SVGGraphics2D g = new SVGGraphics2D(WIDTH, HEIGHT);
        g.setDefsKeyPrefix("ssi-" + name); // the default is time-based; a fixed prefix keeps the file the same run to run
        chart.draw(g, new Rectangle(0, 0, WIDTH, HEIGHT));
        Path svg = dir.resolve(name + ".svg");
        Files.writeString(svg, g.getSVGDocument());
        return List.of(png, svg);
    }
}
