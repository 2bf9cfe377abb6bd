package io.github.crudkit.model;

import jakarta.persistence.Entity;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.BeanDescription;
import tools.jackson.databind.SerializationConfig;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.ValueSerializer;
import tools.jackson.databind.module.SimpleModule;
import tools.jackson.databind.ser.ValueSerializerModifier;

/**
 * Jackson module that refuses to serialise a JPA {@link Entity}: entities stay on the
 * server and a response carries a Public record instead. Serialising an entity fails with
 * an {@link tools.jackson.databind.exc.InvalidDefinitionException} that names the entity,
 * so the mistake shows up in the first test that returns one rather than as a leaked
 * column or a lazy-loading storm in production.
 *
 * @since 0.1.0
 */
public final class EntityExposureModule extends SimpleModule {

	private static final long serialVersionUID = 1L;

	/**
	 * Create the module.
	 */
	public EntityExposureModule() {
		super("crudkit-entity-exposure");
		setSerializerModifier(new EntityRefusingModifier());
	}

	/**
	 * Return whether the given type, or one of its superclasses (a Hibernate proxy
	 * subclasses its entity), is a JPA entity.
	 * @param type the type to inspect
	 * @return whether instances of the type are entities
	 */
	public static boolean isEntity(Class<?> type) {
		return entityClassOf(type) != null;
	}

	/**
	 * Return the JPA entity class that the given type is or extends.
	 * @param type the type to inspect, for example a Hibernate proxy class
	 * @return the class annotated with {@link Entity}, or {@code null}
	 */
	public static @Nullable Class<?> entityClassOf(Class<?> type) {
		for (Class<?> candidate = type; candidate != null
				&& candidate != Object.class; candidate = candidate.getSuperclass()) {
			if (candidate.isAnnotationPresent(Entity.class)) {
				return candidate;
			}
		}
		return null;
	}

	private static final class EntityRefusingModifier extends ValueSerializerModifier {

		private static final long serialVersionUID = 1L;

		@Override
		public ValueSerializer<?> modifySerializer(SerializationConfig config, BeanDescription.Supplier beanDesc,
				ValueSerializer<?> serializer) {
			Class<?> entityClass = entityClassOf(beanDesc.getBeanClass());
			return (entityClass != null) ? new EntityRefusingSerializer(entityClass) : serializer;
		}

	}

	private static final class EntityRefusingSerializer extends ValueSerializer<Object> {

		private final Class<?> entityType;

		EntityRefusingSerializer(Class<?> entityType) {
			this.entityType = entityType;
		}

		@Override
		public void serialize(Object value, JsonGenerator gen, SerializationContext ctxt) {
			ctxt.reportBadDefinition(this.entityType, "JPA entity " + this.entityType.getName()
					+ " must not be serialised: map it to a Public record (crudkit's multiple-model pattern)");
		}

	}

}
