package dev.migrate.jpa;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import dev.migrate.core.MigrateException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The model without a database: what Hibernate exports for each dialect, from a package scan or a
 * persistence.xml, named as Spring Boot names it; and the errors that name the fix.
 */
class JpaModelTests {

	private static final JpaModel SHOP = JpaModel.ofPackages("dev.migrate.jpa.shop");

	@Test
	void exportsTheShopForSqlServerAsTheGoldenFileHasIt() throws IOException {
		assertThat(SHOP.ddl("sqlserver")).isEqualTo(golden("golden/shop-sqlserver.sql"));
	}

	@Test
	void namesTablesColumnsAndJoinTablesAsSpringBootDoes() {
		String ddl = SHOP.ddl("postgresql");
		assertThat(ddl).contains("create table purchase_order (", "customer_id bigint not null",
				"create table purchase_order_products (purchase_order_id bigint not null, products_id bigint not null",
				"create table customer_tags (", "last_name varchar(80) not null",
				"create sequence product_seq start with 1 increment by 50");
	}

	@Test
	void readsTheClassesAndPropertiesOfOnePersistenceUnit() {
		URL xml = getClass().getClassLoader().getResource("units/persistence.xml");
		String orders = JpaModel.ofPersistenceXml(xml, "orders").ddl("h2");
		assertThat(orders).contains("create table customer (", "create table purchase_order (")
			.doesNotContain("product");
		// the unit's own naming strategy wins over Spring Boot's snake case
		assertThat(JpaModel.ofPersistenceXml(xml, "catalogue").ddl("h2")).contains("create table Product (");
	}

	@Test
	void namesTheUnitsWhenThePersistenceXmlHasSeveral() {
		URL xml = getClass().getClassLoader().getResource("units/persistence.xml");
		assertThatExceptionOfType(MigrateException.class)
			.isThrownBy(() -> JpaModel.ofPersistenceXml(xml, null).ddl("h2"))
			.withMessageContaining("has 2 persistence units")
			.withMessageContaining("name the one to use");
		assertThatExceptionOfType(MigrateException.class)
			.isThrownBy(() -> JpaModel.ofPersistenceXml(xml, "billing").ddl("h2"))
			.withMessageContaining("has no persistence unit 'billing'");
	}

	@Test
	void namesAPackageWithoutEntities() {
		assertThatExceptionOfType(MigrateException.class)
			.isThrownBy(() -> JpaModel.ofPackages("dev.migrate.nothing.here").ddl("h2"))
			.withMessage("No @Entity class was found in packages dev.migrate.nothing.here; check the package names"
					+ " and that the compiled classes are on the classpath");
	}

	@Test
	void providerParsesPackagesAndPersistenceXml() {
		ClassLoader loader = getClass().getClassLoader();
		assertThat(JpaModelSourceProvider.model(" dev.migrate.jpa.shop , dev.migrate.jpa.models", loader).name())
			.isEqualTo("jpa:dev.migrate.jpa.shop,dev.migrate.jpa.models");
		assertThat(JpaModelSourceProvider.model("units/persistence.xml#orders", loader).ddl("h2"))
			.contains("create table purchase_order (");
		assertThatExceptionOfType(MigrateException.class)
			.isThrownBy(() -> JpaModelSourceProvider.model("META-INF/missing.xml", loader))
			.withMessageContaining("'META-INF/missing.xml' is not on the classpath");
	}

	private static String golden(String resource) throws IOException {
		try (InputStream in = JpaModelTests.class.getClassLoader().getResourceAsStream(resource)) {
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
	}

}
