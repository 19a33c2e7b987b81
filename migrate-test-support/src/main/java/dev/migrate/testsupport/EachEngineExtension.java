package dev.migrate.testsupport;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.Extension;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.jupiter.api.extension.TestTemplateInvocationContext;
import org.junit.jupiter.api.extension.TestTemplateInvocationContextProvider;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * Provides one invocation per engine for {@link EachEngine}. The database is created before each invocation
 * (so an unavailable engine aborts that invocation with the reason) and kept in the invocation's store, which
 * closes (drops) it afterwards.
 */
final class EachEngineExtension implements TestTemplateInvocationContextProvider {

	private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace
		.create(EachEngineExtension.class);

	@Override
	public boolean supportsTestTemplate(ExtensionContext context) {
		return AnnotationSupport.isAnnotated(context.getTestMethod(), EachEngine.class);
	}

	@Override
	public Stream<TestTemplateInvocationContext> provideTestTemplateInvocationContexts(ExtensionContext context) {
		EachEngine annotation = AnnotationSupport.findAnnotation(context.getRequiredTestMethod(), EachEngine.class)
			.orElseThrow();
		Set<Engine> engines = EnumSet.noneOf(Engine.class);
		engines.addAll(Arrays.asList(annotation.value()));
		Arrays.asList(annotation.exclude()).forEach(engines::remove);
		return engines.stream().map(EngineInvocation::new);
	}

	private record EngineInvocation(Engine engine) implements TestTemplateInvocationContext {

		@Override
		public String getDisplayName(int invocationIndex) {
			return this.engine.displayName();
		}

		@Override
		public List<Extension> getAdditionalExtensions() {
			return List.of(new DatabaseCallback(this.engine));
		}

	}

	private record DatabaseCallback(Engine engine) implements BeforeEachCallback, ParameterResolver {

		@Override
		public void beforeEach(ExtensionContext context) {
			context.getStore(NAMESPACE).put(TestDatabase.class, TestDatabases.create(this.engine));
		}

		@Override
		public boolean supportsParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
			Class<?> type = parameterContext.getParameter().getType();
			return type == TestDatabase.class || type == Engine.class;
		}

		@Override
		public Object resolveParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
			if (parameterContext.getParameter().getType() == Engine.class) {
				return this.engine;
			}
			return extensionContext.getStore(NAMESPACE).get(TestDatabase.class, TestDatabase.class);
		}

	}

}
