package io.github.crudkit.replica.autoconfigure;

import java.util.List;

import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.env.Environment;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * Matches when {@code crudkit.replica.url} or {@code crudkit.replica.urls} names a
 * replica and {@code crudkit.replica.enabled} is not {@code false}.
 */
final class ReplicaConfiguredCondition extends SpringBootCondition {

	@Override
	public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
		return configured(context.getEnvironment()) ? ConditionOutcome.match("a read replica is configured")
				: ConditionOutcome
					.noMatch("no crudkit.replica.url or crudkit.replica.urls, or crudkit.replica " + "switched off");
	}

	static boolean configured(Environment environment) {
		if (!environment.getProperty("crudkit.replica.enabled", Boolean.class, true)) {
			return false;
		}
		String url = environment.getProperty("crudkit.replica.url");
		if (url != null && !url.isBlank()) {
			return true;
		}
		return Binder.get(environment)
			.bind("crudkit.replica.urls", Bindable.listOf(String.class))
			.orElse(List.of())
			.stream()
			.anyMatch((each) -> !each.isBlank());
	}

}
