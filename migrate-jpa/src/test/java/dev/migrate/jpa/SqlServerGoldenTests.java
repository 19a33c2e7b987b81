package dev.migrate.jpa;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import dev.migrate.jpa.models.Models.CardPaymentJoined;
import dev.migrate.jpa.models.Models.CardPaymentPerClass;
import dev.migrate.jpa.models.Models.CardPaymentSingle;
import dev.migrate.jpa.models.Models.CustomerIndexed;
import dev.migrate.jpa.models.Models.CustomerIntPoints;
import dev.migrate.jpa.models.Models.CustomerLongName;
import dev.migrate.jpa.models.Models.CustomerLongPoints;
import dev.migrate.jpa.models.Models.CustomerRequiredName;
import dev.migrate.jpa.models.Models.CustomerUniqueEmail;
import dev.migrate.jpa.models.Models.CustomerUniqueName;
import dev.migrate.jpa.models.Models.CustomerV1;
import dev.migrate.jpa.models.Models.CustomerVersioned;
import dev.migrate.jpa.models.Models.CustomerWithAddress;
import dev.migrate.jpa.models.Models.CustomerWithChannel;
import dev.migrate.jpa.models.Models.CustomerWithMobile;
import dev.migrate.jpa.models.Models.CustomerWithNotes;
import dev.migrate.jpa.models.Models.CustomerWithPhone;
import dev.migrate.jpa.models.Models.CustomerWithStatus;
import dev.migrate.jpa.models.Models.CustomerWithTags;
import dev.migrate.jpa.models.Models.OrderV1;
import dev.migrate.jpa.models.Models.OrderWithCustomer;
import dev.migrate.jpa.models.Models.OrderWithProducts;
import dev.migrate.jpa.models.Models.PaymentJoined;
import dev.migrate.jpa.models.Models.PaymentPerClass;
import dev.migrate.jpa.models.Models.PaymentSingle;
import dev.migrate.jpa.models.Models.Product;
import dev.migrate.jpa.models.Models.SequencedProduct;
import dev.migrate.jpa.models.Models.SequencedProductBy10;
import dev.migrate.jpa.models.Models.UuidVoucher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/**
 * SQL Server's side of the round trips, as golden files: no SQL Server runs beside the build, so each model of
 * {@link JpaRoundTripTests} is held to the DDL Hibernate exports for SQL Server (what autogenerate loads into
 * the dev database there), one file per model under {@code golden/sqlserver}. A mapping change that alters the
 * export shows up here as a diff to review; {@code -Dgolden.update=true} rewrites the files.
 */
class SqlServerGoldenTests {

	private static final Path GOLDEN = Path.of("src/test/resources/golden/sqlserver");

	static Stream<Arguments> models() {
		return Stream.of(arguments("customer", new Class<?>[] { CustomerV1.class }),
				arguments("customer-phone", new Class<?>[] { CustomerWithPhone.class }),
				arguments("customer-mobile", new Class<?>[] { CustomerWithMobile.class }),
				arguments("customer-long-name", new Class<?>[] { CustomerLongName.class }),
				arguments("customer-int-points", new Class<?>[] { CustomerIntPoints.class }),
				arguments("customer-long-points", new Class<?>[] { CustomerLongPoints.class }),
				arguments("customer-required-name", new Class<?>[] { CustomerRequiredName.class }),
				arguments("customer-indexed", new Class<?>[] { CustomerIndexed.class }),
				arguments("customer-unique-name", new Class<?>[] { CustomerUniqueName.class }),
				arguments("customer-unique-email", new Class<?>[] { CustomerUniqueEmail.class }),
				arguments("customer-address", new Class<?>[] { CustomerWithAddress.class }),
				arguments("customer-tags", new Class<?>[] { CustomerWithTags.class }),
				arguments("customer-versioned", new Class<?>[] { CustomerVersioned.class }),
				arguments("customer-notes", new Class<?>[] { CustomerWithNotes.class }),
				arguments("customer-status", new Class<?>[] { CustomerWithStatus.class }),
				arguments("customer-channel", new Class<?>[] { CustomerWithChannel.class }),
				arguments("customer-product", new Class<?>[] { CustomerV1.class, Product.class }),
				arguments("customer-order", new Class<?>[] { CustomerV1.class, OrderV1.class }),
				arguments("customer-order-many-to-one", new Class<?>[] { CustomerV1.class, OrderWithCustomer.class }),
				arguments("order-product", new Class<?>[] { OrderV1.class, Product.class }),
				arguments("order-many-to-many", new Class<?>[] { OrderWithProducts.class, Product.class }),
				arguments("payment-single-table", new Class<?>[] { PaymentSingle.class, CardPaymentSingle.class }),
				arguments("payment-joined", new Class<?>[] { PaymentJoined.class, CardPaymentJoined.class }),
				arguments("payment-table-per-class", new Class<?>[] { PaymentPerClass.class, CardPaymentPerClass.class }),
				arguments("voucher-uuid", new Class<?>[] { UuidVoucher.class }),
				arguments("product-sequence", new Class<?>[] { SequencedProduct.class }),
				arguments("product-sequence-by-10", new Class<?>[] { SequencedProductBy10.class }));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("models")
	void exportsEachRoundTripModelForSqlServerAsItsGoldenFileHasIt(String name, Class<?>[] classes)
			throws IOException {
		String ddl = JpaModel.ofClasses(classes).ddl("sqlserver");
		Path golden = GOLDEN.resolve(name + ".sql");
		if (Boolean.getBoolean("golden.update")) {
			Files.createDirectories(GOLDEN);
			Files.writeString(golden, ddl, StandardCharsets.UTF_8);
		}
		assertThat(golden).as("golden file (write it with -Dgolden.update=true)").isRegularFile();
		assertThat(ddl).isEqualTo(Files.readString(golden, StandardCharsets.UTF_8));
	}

}
