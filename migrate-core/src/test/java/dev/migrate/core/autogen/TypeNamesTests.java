package dev.migrate.core.autogen;

import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;

class TypeNamesTests {

	static Stream<Arguments> aliases() {
		return Stream.of(Arguments.of("int4", "integer"),
				Arguments.of("ENUM('ACTIVE', 'Closed')", "enum('ACTIVE','Closed')"), Arguments.of("INT(11)", "integer"),
				Arguments.of("serial", "integer"), Arguments.of("int8", "bigint"), Arguments.of("bigint(20)", "bigint"),
				Arguments.of("character varying(255)", "varchar(255)"), Arguments.of("CHARACTER VARYING(20)", "varchar(20)"),
				Arguments.of("varchar(255)", "varchar(255)"), Arguments.of("bpchar(3)", "char(3)"),
				Arguments.of("numeric(10, 2)", "decimal(10,2)"), Arguments.of("DECIMAL(10)", "decimal(10,0)"),
				Arguments.of("float8", "double"), Arguments.of("DOUBLE PRECISION", "double"),
				Arguments.of("tinyint(1)", "boolean"), Arguments.of("bool", "boolean"),
				Arguments.of("timestamp without time zone", "timestamp"),
				Arguments.of("timestamp with time zone", "timestamptz"), Arguments.of("int(10) unsigned", "integer unsigned"),
				Arguments.of("CLOB", "text"), Arguments.of("bytea", "blob"));
	}

	@ParameterizedTest
	@MethodSource("aliases")
	void normalizesEngineAliases(String type, String expected) {
		assertThat(TypeNames.normalize(type)).isEqualTo(expected);
	}

	static Stream<Arguments> narrowing() {
		return Stream.of(Arguments.of("varchar(255)", "varchar(50)", true),
				Arguments.of("varchar(50)", "varchar(255)", false), Arguments.of("bigint", "integer", true),
				Arguments.of("integer", "bigint", false), Arguments.of("decimal(10,2)", "decimal(8,2)", true),
				Arguments.of("varchar(20)", "text", false), Arguments.of("text", "varchar(20)", true),
				Arguments.of("varchar(20)", "integer", true), Arguments.of("integer", "decimal(12,2)", false));
	}

	@ParameterizedTest
	@MethodSource("narrowing")
	void flagsTypeChangesThatMayLoseData(String from, String to, boolean narrows) {
		assertThat(TypeNames.narrows(from, to)).isEqualTo(narrows);
	}

}
