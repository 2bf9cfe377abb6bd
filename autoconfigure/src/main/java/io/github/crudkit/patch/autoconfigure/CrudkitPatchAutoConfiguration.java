package io.github.crudkit.patch.autoconfigure;

import io.github.crudkit.patch.MergePatcher;
import jakarta.validation.Validator;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.validation.autoconfigure.ValidationAutoConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * Registers {@link MergePatcher}, built on Boot's {@link JsonMapper} and Bean Validation.
 *
 * @since 0.1.0
 */
@AutoConfiguration(after = { JacksonAutoConfiguration.class, ValidationAutoConfiguration.class })
@ConditionalOnClass({ JsonMapper.class, Validator.class })
@ConditionalOnBean({ JsonMapper.class, Validator.class })
@ConditionalOnBooleanProperty(name = "crudkit.patch.enabled", matchIfMissing = true)
public final class CrudkitPatchAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	MergePatcher crudkitMergePatcher(JsonMapper jsonMapper, Validator validator) {
		return new MergePatcher(jsonMapper, validator);
	}

}
