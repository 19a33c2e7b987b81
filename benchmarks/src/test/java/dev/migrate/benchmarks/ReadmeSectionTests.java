package dev.migrate.benchmarks;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ReadmeSectionTests {

	@Test
	void replacesOnlyTheTextBetweenTheMarkers() {
		String readme = "# migrate\n\n## Performance\n\nGraph planning: 12 ms.\n\n" + ReadmeSection.START
				+ "\nold table\n" + ReadmeSection.END + "\n\nSplitter: 80 MB/s.\n\n## Next\n";
		assertThat(ReadmeSection.replace(readme, "new table\n")).isEqualTo("# migrate\n\n## Performance\n\n"
				+ "Graph planning: 12 ms.\n\n" + ReadmeSection.START + "\nnew table\n" + ReadmeSection.END
				+ "\n\nSplitter: 80 MB/s.\n\n## Next\n");
	}

	@Test
	void addsTheMarkersAtTheEndOfAnExistingPerformanceSection() {
		String readme = "# migrate\n\n## Performance\n\nGraph planning: 12 ms.\n\n## Next\n";
		assertThat(ReadmeSection.replace(readme, "table")).isEqualTo("# migrate\n\n## Performance\n\n"
				+ "Graph planning: 12 ms.\n\n" + ReadmeSection.START + "\ntable\n" + ReadmeSection.END + "\n\n## Next\n");
	}

	@Test
	void addsAPerformanceSectionWhenThereIsNone() {
		assertThat(ReadmeSection.replace("# migrate\n", "table")).isEqualTo(
				"# migrate\n\n## Performance\n\n" + ReadmeSection.START + "\ntable\n" + ReadmeSection.END + "\n");
	}

}
