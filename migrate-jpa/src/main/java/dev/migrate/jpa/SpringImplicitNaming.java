package dev.migrate.jpa;

import org.hibernate.boot.model.naming.Identifier;
import org.hibernate.boot.model.naming.ImplicitJoinTableNameSource;
import org.hibernate.boot.model.naming.ImplicitNamingStrategyJpaCompliantImpl;

/**
 * The implicit naming Spring Boot applies to Hibernate by default: JPA's, except that a join table is named
 * after the owning table and the owning attribute ({@code book_authors}) rather than both entities. Without it
 * a Spring Boot application's join tables would not match the model.
 */
final class SpringImplicitNaming extends ImplicitNamingStrategyJpaCompliantImpl {

	@Override
	public Identifier determineJoinTableName(ImplicitJoinTableNameSource source) {
		String name = source.getOwningPhysicalTableName() + "_"
				+ source.getAssociationOwningAttributePath().getProperty();
		return toIdentifier(name, source.getBuildingContext());
	}

}
