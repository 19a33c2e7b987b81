package dev.migrate.benchmarks;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;

import javax.imageio.ImageIO;

import dev.migrate.testsupport.Engine;

/**
 * Draws grouped bar charts (one panel per scenario, a group per engine, a bar per tool) with java.awt, headless.
 */
final class BarChart {

	private static final int PANEL_WIDTH = 620;

	private static final int HEIGHT = 460;

	private static final Map<Tool, Color> COLORS = Map.of(Tool.RAW_JDBC, new Color(0x9E9E9E), Tool.MIGRATE,
			new Color(0x2E7D32), Tool.MIGRATE_ONE_TRANSACTION, new Color(0x81C784), Tool.FLYWAY, new Color(0xC62828),
			Tool.LIQUIBASE, new Color(0x1565C0), Tool.RAW_JDBC_BOOKKEEPING, new Color(0x616161));

	private final Summary summary;

	BarChart(Summary summary) {
		this.summary = summary;
	}

	/**
	 * Writes the chart, or nothing when no panel has data.
	 * @param file the PNG to write
	 * @param size the workload size to show
	 * @param scenarios one panel each
	 * @return whether a chart was written
	 * @throws IOException if the file cannot be written
	 */
	boolean write(Path file, int size, List<Scenario> scenarios) throws IOException {
		List<Scenario> panels = scenarios.stream()
			.filter((scenario) -> this.summary.sizes(scenario).contains(size))
			.toList();
		if (panels.isEmpty()) {
			return false;
		}
		System.setProperty("java.awt.headless", "true");
		BufferedImage image = new BufferedImage(PANEL_WIDTH * panels.size(), HEIGHT, BufferedImage.TYPE_INT_RGB);
		Graphics2D g = image.createGraphics();
		try {
			g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
			g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
			g.setColor(Color.WHITE);
			g.fillRect(0, 0, image.getWidth(), image.getHeight());
			for (int i = 0; i < panels.size(); i++) {
				panel(g, i * PANEL_WIDTH, panels.get(i), size);
			}
		}
		finally {
			g.dispose();
		}
		Files.createDirectories(file.getParent());
		ImageIO.write(image, "png", file.toFile());
		return true;
	}

	private void panel(Graphics2D g, int x0, Scenario scenario, int size) {
		List<Engine> engines = this.summary.engines(scenario);
		// The floor's alternatives are measurements for the README's argument, not bars to compare tools by.
		List<Tool> tools = this.summary.tools(scenario).stream().filter((tool) -> !tool.isFloorAlternative()).toList();
		double max = 0;
		for (Engine engine : engines) {
			for (Tool tool : tools) {
				max = Math.max(max, this.summary.median(scenario, engine, size, tool).orElse(0));
			}
		}
		double top = niceCeiling(max);
		int left = x0 + 70;
		int right = x0 + PANEL_WIDTH - 20;
		int plotTop = 60;
		int bottom = HEIGHT - 90;
		g.setColor(Color.BLACK);
		g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 15));
		g.drawString(String.format(Locale.ROOT, "%s, N=%,d (ms, median, lower is better)", scenario.id(), size),
				left, 30);
		g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
		FontMetrics metrics = g.getFontMetrics();
		for (int step = 0; step <= 5; step++) {
			double value = top * step / 5;
			int y = bottom - (int) Math.round((bottom - plotTop) * value / top);
			g.setColor(new Color(0xE0E0E0));
			g.drawLine(left, y, right, y);
			g.setColor(Color.DARK_GRAY);
			String label = String.format(Locale.ROOT, "%,.0f", value);
			g.drawString(label, left - 8 - metrics.stringWidth(label), y + 4);
		}
		int groupWidth = (right - left) / Math.max(1, engines.size());
		int barWidth = Math.max(6, (groupWidth - 30) / Math.max(1, tools.size()));
		for (int e = 0; e < engines.size(); e++) {
			int groupLeft = left + e * groupWidth + 15;
			for (int t = 0; t < tools.size(); t++) {
				OptionalDouble median = this.summary.median(scenario, engines.get(e), size, tools.get(t));
				int x = groupLeft + t * barWidth;
				if (median.isEmpty()) {
					continue;
				}
				int height = (int) Math.round((bottom - plotTop) * median.getAsDouble() / top);
				g.setColor(COLORS.get(tools.get(t)));
				g.fillRect(x, bottom - height, barWidth - 4, height);
				g.setColor(Color.BLACK);
				String label = String.format(Locale.ROOT, "%,.0f", median.getAsDouble());
				g.drawString(label, x + (barWidth - 4 - metrics.stringWidth(label)) / 2, bottom - height - 4);
			}
			g.setColor(Color.BLACK);
			String name = engines.get(e).displayName();
			g.drawString(name, groupLeft + (tools.size() * barWidth - metrics.stringWidth(name)) / 2, bottom + 18);
		}
		g.setStroke(new BasicStroke(1.2f));
		g.drawLine(left, bottom, right, bottom);
		int legendX = left;
		for (Tool tool : tools) {
			g.setColor(COLORS.get(tool));
			g.fillRect(legendX, HEIGHT - 45, 14, 14);
			g.setColor(Color.BLACK);
			g.drawString(tool.displayName(), legendX + 18, HEIGHT - 34);
			legendX += 28 + metrics.stringWidth(tool.displayName());
		}
	}

	private static double niceCeiling(double max) {
		if (max <= 0) {
			return 1;
		}
		double magnitude = Math.pow(10, Math.floor(Math.log10(max)));
		for (double step : new double[] { 1, 1.2, 1.5, 2, 2.5, 3, 4, 5, 6, 8, 10 }) {
			if (step * magnitude >= max * 1.08) {
				return step * magnitude;
			}
		}
		return 10 * magnitude;
	}

}
