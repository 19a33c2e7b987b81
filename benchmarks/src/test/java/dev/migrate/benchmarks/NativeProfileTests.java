package dev.migrate.benchmarks;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class NativeProfileTests {

	@Test
	void tableHasALinePerObjectOfAnySizeAndLeavesOutTheNegligibleOnes() {
		Map<Integer, Map<String, Double>> bySize = new TreeMap<>();
		Map<String, Double> small = new LinkedHashMap<>();
		small.put("[JIT] (compiled Java)", 291.0);
		small.put("libsqlitejdbc.so", 132.8);
		small.put("libnio.so", 0.2);
		Map<String, Double> large = new LinkedHashMap<>();
		large.put("[JIT] (compiled Java)", 304.4);
		large.put("libsqlitejdbc.so", 206.0);
		large.put("libsqlitejdbc.so 0x12510", 66.3);
		large.put("libnio.so", 0.1);
		bySize.put(10, small);
		bySize.put(10_000, large);
		assertThat(NativeProfile.table(bySize)).containsExactly(
				"µs of CPU per answer                               N=10    N=10000",
				"[JIT] (compiled Java)                             291.0      304.4",
				"libsqlitejdbc.so                                  132.8      206.0",
				"libsqlitejdbc.so 0x12510                              -       66.3");
	}

}
