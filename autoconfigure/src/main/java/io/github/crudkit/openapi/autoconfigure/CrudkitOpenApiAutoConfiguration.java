package io.github.crudkit.openapi.autoconfigure;

import io.github.crudkit.idempotency.IdempotencyStore;
import io.github.crudkit.patch.MergePatch;
import io.swagger.v3.core.converter.ModelConverter;
import org.jspecify.annotations.Nullable;
import org.springdoc.core.customizers.GlobalOperationComponentsCustomizer;
import org.springdoc.core.service.GenericResponseService;
import org.springdoc.core.utils.SpringDocUtils;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;

/**
 * Makes springdoc's OpenAPI document say what crudkit's patterns answer: the real success
 * status, {@code application/json}, the error responses as RFC 9457 problems,
 * {@code ETag}, {@code If-Match} and {@code Idempotency-Key} (on every {@code POST} and
 * {@code PATCH} while crudkit answers keys), ids derived from the controllers, and
 * required and nullable properties from the records.
 *
 * @since 0.1.0
 */
@AutoConfiguration
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnClass({ GlobalOperationComponentsCustomizer.class, ModelConverter.class })
@ConditionalOnBooleanProperty(name = "crudkit.openapi.enabled", matchIfMissing = true)
public final class CrudkitOpenApiAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	SuccessResponseCustomizer crudkitSuccessResponseCustomizer(ObjectProvider<GenericResponseService> responses) {
		return new SuccessResponseCustomizer(responses);
	}

	@Bean
	@ConditionalOnMissingBean
	ProblemResponseCustomizer crudkitProblemResponseCustomizer(ObjectProvider<IdempotencyStore> idempotency) {
		return new ProblemResponseCustomizer(() -> answersIdempotencyKeys(idempotency.getIfAvailable()));
	}

	@Bean
	@ConditionalOnMissingBean
	HeaderParameterCustomizer crudkitHeaderParameterCustomizer() {
		return new HeaderParameterCustomizer();
	}

	@Bean
	@ConditionalOnMissingBean
	OperationIdCustomizer crudkitOperationIdCustomizer() {
		return new OperationIdCustomizer();
	}

	@Bean
	@ConditionalOnMissingBean
	MergePatchBodyCustomizer crudkitMergePatchBodyCustomizer() {
		// springdoc would otherwise describe the wrapper's own shape: the customizer
		// replaces it with the patched record's schema.
		SpringDocUtils.getConfig().replaceWithClass(MergePatch.class, Object.class);
		return new MergePatchBodyCustomizer();
	}

	@Bean
	@ConditionalOnMissingBean
	RecordSchemaConverter crudkitRecordSchemaConverter() {
		return new RecordSchemaConverter();
	}

	private static boolean answersIdempotencyKeys(@Nullable IdempotencyStore store) {
		try {
			return store != null && store.isAvailable();
		}
		catch (RuntimeException ex) {
			// The database cannot tell now: the document says what is sure.
			return false;
		}
	}

}
